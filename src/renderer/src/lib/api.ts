// The renderer's one seam to the backend: Electron's preload object when it is there, browser mode's server
// (WebSocket, else HTTP) otherwise. Both speak the contract and return the same {ok, value | error} envelope.
import { CALL_NAMES } from '../../../shared/contract/call-names';
import { contract, type Api, type CallName, type SendOptions } from '../../../shared/contract';
import type { Call } from '../../../shared/contract/call';
import { isApiErrorShape, type ApiErrorShape, type ErrorCode, type Result } from '../../../shared/errors';
import { wordReason, type ErrorReasonShape } from '../../../shared/error-messages';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../../../shared/transport';
import { locale } from '../i18n/locale.svelte';

type Bridge = Record<CallName, (input?: unknown) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    liseuse?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Why, in a form worded in the language on screen when it is shown (not when it happened). */
    readonly reason?: ErrorReasonShape,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'liseuse-token';

/** Browser mode hands the per-launch token in the URL fragment; keep it for this tab and clear it from the bar. */
function browserToken(): string {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const UNREACHABLE: ApiErrorShape = {
  code: 'backend_unreachable',
  message: 'Liseuse lost contact with its data service. If you closed it, start Liseuse again, then reload this page.',
  reason: { key: 'backendUnreachable', params: {} },
};

/** `signal` aborts the HTTP request (the server then stops the call's work); other roads only drop the reply. */
type Send = (name: CallName, input: unknown, signal?: AbortSignal) => Promise<Result<unknown>>;

function httpTransport(token: string): Send {
  return async (name, input, signal) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Liseuse-Token': token },
        body: JSON.stringify(input ?? {}),
        ...(signal ? { signal } : {}),
      });
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
    try {
      const body: unknown = await response.json();
      if (isResult(body)) return body;
    } catch {
      // Fall through: not our envelope.
    }
    return { ok: false, error: UNREACHABLE };
  };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: unknown };
  return result.ok === true || (result.ok === false && isApiErrorShape(result.error));
}

/**
 * Browser mode's transport: calls go over one WebSocket to the server (a round trip costs much less than a fetch:
 * the README's `save a quiz answer` bench row has both), with plain HTTP for the bulky calls (`transport: 'http'`
 * in the contract) and when the socket cannot be had. A socket the server refused (a page from an earlier launch)
 * is not tried again: HTTP then says why. A socket that closes fails its pending calls as unreachable, the way a
 * failed fetch does, and the next call opens a new one.
 */
function browserTransport(): Send {
  const token = browserToken();
  const http = httpTransport(token);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket | null> | null = null;
  let refused = false;

  const connect = (): Promise<WebSocket | null> =>
    new Promise((resolve) => {
      let opened = false;
      let ws: WebSocket;
      try {
        ws = new WebSocket(`${window.location.origin.replace(/^http/, 'ws')}${SOCKET_PATH}`, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`]);
      } catch {
        refused = true;
        resolve(null);
        return;
      }
      ws.onopen = () => {
        opened = true;
        resolve(ws);
      };
      ws.onmessage = (event) => {
        let reply: { id?: unknown; result?: unknown } | undefined;
        try {
          reply = typeof event.data === 'string' ? (JSON.parse(event.data) as typeof reply) : undefined;
        } catch {
          reply = undefined;
        }
        const done = typeof reply?.id === 'number' ? pending.get(reply.id) : undefined;
        if (!done || !reply) return;
        pending.delete(reply.id as number);
        done(isResult(reply.result) ? reply.result : { ok: false, error: UNREACHABLE });
      };
      ws.onclose = () => {
        if (!opened) refused = true;
        socket = null;
        resolve(null);
        for (const done of pending.values()) done({ ok: false, error: UNREACHABLE });
        pending.clear();
      };
    });

  return async (name, input, signal) => {
    if (refused || viaHttp(name)) return http(name, input, signal);
    socket ??= connect();
    const ws = await socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) return http(name, input, signal);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, name, input: input ?? {} }));
    });
  };
}

function viaHttp(name: CallName): boolean {
  const entry: Call = contract[name];
  return entry.transport === 'http';
}

function createApi(): Api {
  const bridge = window.liseuse;
  const send: Send = bridge ? (name, input) => bridge[name](input) : browserTransport();
  const api = {} as Record<CallName, (input?: unknown, options?: SendOptions) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    api[name] = async (input?: unknown, options?: SendOptions) => {
      const result = await send(name, input, options?.signal);
      // A cancelled call says so, whatever the transport made of it (an aborted fetch looks unreachable).
      options?.signal?.throwIfAborted();
      if (result.ok) return result.value;
      throw new ApiError(result.error.code, result.error.message, result.error.reason);
    };
  }
  return api as unknown as Api;
}

export const api: Api = createApi();

/** A message fit to show: ours for ApiError, a generic one for anything else. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.reason ? wordReason(error.reason, locale.current) : error.message;
  return wordReason({ key: 'unexpected', params: {} }, locale.current);
}
