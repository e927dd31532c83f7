// The HTTP side of a Learning Record Store, with Node's fetch: POST a batch of statements, GET /about and a
// page of statements. Every failure comes back as a kind, the HTTP status and the LRS's own reason: facts the
// renderer words in the teacher's language (never a sentence from here, which would stay English).
import { XAPI_VERSION } from '../../core/xapi';
import type { LrsFailureFacts } from '../../shared/contract/lrs';

export interface LrsConnection {
  /** The LRS's xAPI endpoint, e.g. http://lrs.school.lan:8080/xapi/ (with or without the final slash). */
  endpoint: string;
  /** Basic credentials: a user name and password, or a key and secret (the same header). */
  username: string;
  secret: string;
}

export type { LrsFailureKind } from '../../shared/contract/lrs';

/** A failure as facts the renderer words in the teacher's language, and `message`, an English line for logs. */
export interface LrsFailure extends LrsFailureFacts {
  message: string;
}

export type LrsReply<T> = { ok: true; value: T } | { ok: false; failure: LrsFailure };

const TIMEOUT_MS = 30_000;

export function statementsUrl(endpoint: string, path = 'statements'): string {
  return `${endpoint.replace(/\/+$/, '')}/${path}`;
}

function headers(connection: LrsConnection): Record<string, string> {
  const basic = Buffer.from(`${connection.username}:${connection.secret}`).toString('base64');
  return { Authorization: `Basic ${basic}`, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' };
}

/** The LRS's own words for a refusal (xAPI LRSs answer JSON with a message or warnings), cut to one line. */
async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let reason = text;
  try {
    const body = JSON.parse(text) as { message?: unknown; warnings?: unknown };
    if (Array.isArray(body.warnings) && body.warnings.length) reason = body.warnings.map(String).join('; ');
    else if (typeof body.message === 'string') reason = body.message;
  } catch {
    // Not JSON: the text as it came.
  }
  reason = reason.replace(/\s+/g, ' ').trim();
  return reason.length > 300 ? `${reason.slice(0, 299)}…` : reason;
}

/** The facts with an English line for logs (never shown: the renderer words the facts). */
export function lrsFailure(facts: LrsFailureFacts): LrsFailure {
  const status = facts.status === null ? '' : ` (HTTP ${facts.status})`;
  return { ...facts, message: `LRS ${facts.kind}${status}${facts.reason ? `: ${facts.reason}` : ''}` };
}

const KIND_BY_STATUS: Record<number, LrsFailureFacts['kind']> = { 400: 'refused', 401: 'unauthorized', 403: 'unauthorized', 409: 'conflict', 413: 'too-large' };

async function failureOf(response: Response): Promise<LrsFailure> {
  const status = response.status;
  return lrsFailure({ kind: KIND_BY_STATUS[status] ?? 'server', status, reason: await reasonOf(response) });
}

const offline = (error: unknown): LrsFailure =>
  lrsFailure({
    kind: 'offline',
    status: null,
    reason: (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message,
  });

/**
 * fetch, tried a second time when the first fails before any reply: a kept-alive connection the LRS closed
 * while idle fails the next request at once ("other side closed"). Safe to repeat: statements carry their ids.
 */
async function fetchTwice(fetchImpl: typeof fetch, url: string, init: () => RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init());
  } catch {
    return fetchImpl(url, init());
  }
}

export class LrsClient {
  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  /** POST /statements with a JSON array of already-serialised statements. */
  async send(connection: LrsConnection, statementsJson: readonly string[]): Promise<LrsReply<null>> {
    try {
      const body = `[${statementsJson.join(',')}]`;
      const response = await fetchTwice(this.fetchImpl, statementsUrl(connection.endpoint), () => ({
        method: 'POST',
        headers: headers(connection),
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }));
      if (response.ok) {
        await response.body?.cancel();
        return { ok: true, value: null };
      }
      return { ok: false, failure: await failureOf(response) };
    } catch (error) {
      return { ok: false, failure: offline(error) };
    }
  }

  async get<T>(connection: LrsConnection, pathAndQuery: string): Promise<LrsReply<T>> {
    try {
      const url = /^https?:/.test(pathAndQuery) ? pathAndQuery : statementsUrl(connection.endpoint, pathAndQuery);
      const response = await fetchTwice(this.fetchImpl, url, () => ({ headers: headers(connection), signal: AbortSignal.timeout(TIMEOUT_MS) }));
      if (!response.ok) return { ok: false, failure: await failureOf(response) };
      return { ok: true, value: (await response.json()) as T };
    } catch (error) {
      return { ok: false, failure: offline(error) };
    }
  }

  /**
   * The connection test: GET /about (the versions the LRS speaks), then one authenticated read, since /about
   * answers without a password.
   */
  async test(connection: LrsConnection): Promise<LrsReply<{ versions: string[] }>> {
    const about = await this.get<{ version?: unknown }>(connection, 'about');
    if (!about.ok) return about;
    const versions = Array.isArray(about.value.version) ? about.value.version.map(String) : [];
    if (!versions.some((v) => v.startsWith('1.0'))) {
      return { ok: false, failure: lrsFailure({ kind: 'not-xapi', status: null, reason: versions.join(', ') }) };
    }
    const read = await this.get(connection, 'statements?limit=1');
    return read.ok ? { ok: true, value: { versions } } : read;
  }
}

