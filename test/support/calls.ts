// Knowing when the app's server has answered a call, whichever road the page used: browser mode's WebSocket
// (src/shared/transport.ts) or its HTTP fallback. Used by end-to-end specs and by the benchmarks.
import { EventEmitter } from 'node:events';

/** The part of Playwright's Page (playwright-core's or @playwright/test's) this needs. */
interface PageLike {
  on(event: 'websocket', listener: (ws: SocketLike) => void): unknown;
  on(event: 'response', listener: (response: { url(): string; ok(): boolean }) => void): unknown;
}
interface SocketLike {
  on(event: 'framesent' | 'framereceived', listener: (frame: { payload: string | Buffer }) => void): unknown;
}

const watched = new WeakMap<object, EventEmitter>();

function parse(payload: string | Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(payload.toString()) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts noting the calls the page's sockets carry; call before the page opens the app. */
export function watchCalls(page: PageLike): void {
  if (watched.has(page)) return;
  const answered = new EventEmitter();
  watched.set(page, answered);
  page.on('websocket', (ws) => {
    const names = new Map<unknown, unknown>();
    ws.on('framesent', ({ payload }) => {
      const call = parse(payload);
      if (call) names.set(call.id, call.name);
    });
    ws.on('framereceived', ({ payload }) => {
      const reply = parse(payload);
      const result = reply?.result as { ok?: unknown } | undefined;
      if (reply && result?.ok === true) answered.emit('answered', names.get(reply.id));
    });
  });
  page.on('response', (response) => {
    const match = /\/api\/([^/?#]+)$/.exec(response.url());
    if (match && response.ok()) answered.emit('answered', decodeURIComponent(match[1] ?? ''));
  });
}

function answers(page: PageLike): EventEmitter {
  const answered = watched.get(page);
  if (!answered) throw new Error('watchCalls(page) was not called before the app opened');
  return answered;
}

/** Calls `listener` each time the server answers the call `name` successfully. */
export function onAnswered(page: PageLike, name: string, listener: () => void): void {
  answers(page).on('answered', (answeredName: unknown) => {
    if (answeredName === name) listener();
  });
}

/** Resolves when the server next answers the call `name` successfully. Ask before the action that makes it. */
export function callAnswered(page: PageLike, name: string): Promise<void> {
  const answered = answers(page);
  return new Promise((resolve) => {
    const listener = (answeredName: unknown): void => {
      if (answeredName !== name) return;
      answered.off('answered', listener);
      resolve();
    };
    answered.on('answered', listener);
  });
}
