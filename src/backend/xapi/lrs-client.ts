// The HTTP side of a Learning Record Store, with Node's fetch: POST a batch of statements, GET /about and a
// page of statements. Every failure comes back as a kind and a sentence a teacher can read.
import { XAPI_VERSION } from '../../core/xapi';

export interface LrsConnection {
  /** The LRS's xAPI endpoint, e.g. http://lrs.school.lan:8080/xapi/ (with or without the final slash). */
  endpoint: string;
  /** Basic credentials: a user name and password, or a key and secret (the same header). */
  username: string;
  secret: string;
}

export type LrsFailureKind = 'offline' | 'unauthorized' | 'refused' | 'conflict' | 'too-large' | 'server';

export interface LrsFailure {
  kind: LrsFailureKind;
  status: number | null;
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

async function failureOf(response: Response): Promise<LrsFailure> {
  const status = response.status;
  const reason = await reasonOf(response);
  if (status === 401 || status === 403) {
    return { kind: 'unauthorized', status, message: `The LRS refused the user name or password (HTTP ${status}). Check them in the settings.` };
  }
  if (status === 400) return { kind: 'refused', status, message: `The LRS refused a statement (HTTP 400): ${reason || 'no reason given'}` };
  if (status === 409) return { kind: 'conflict', status, message: `The LRS already has a different statement with this id (HTTP 409): ${reason}` };
  if (status === 413) return { kind: 'too-large', status, message: 'The LRS found the batch too large (HTTP 413).' };
  return { kind: 'server', status, message: `The LRS could not take the statements (HTTP ${status})${reason ? `: ${reason}` : ''}. Liseuse will try again.` };
}

const offline = (error: unknown): LrsFailure => ({
  kind: 'offline',
  status: null,
  message: `The LRS could not be reached (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). Liseuse will try again.`,
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
      return { ok: false, failure: { kind: 'server', status: null, message: `This LRS does not speak xAPI 1.0 (it says: ${versions.join(', ') || 'nothing'}).` } };
    }
    const read = await this.get(connection, 'statements?limit=1');
    return read.ok ? { ok: true, value: { versions } } : read;
  }
}

