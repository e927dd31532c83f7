// Browser mode: the contract on 127.0.0.1, over a WebSocket (the page's usual road: a call there takes about a
// millisecond, a fetch several) or plain HTTP POST, plus the built renderer. No logic of its own: every call goes
// to the same backend.call that Electron's IPC uses, behind the same token, Host and Origin checks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveStaticPath } from '../backend/static-path';
import type { Backend } from '../backend/backend';
import { MAX_RESULT_BYTES } from '../core/reports/result-file';
import { MAX_PACK_BASE64_CHARS } from '../core/authoring/pack-limits';
import { MAX_LESSON_CHARS } from '../shared/contract/authoring';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../shared/transport';
import type { ApiErrorShape, ErrorCode, Result } from '../shared/errors';

export const TOKEN_HEADER = 'x-liseuse-token';
/**
 * Room for the largest request, plus 64 kB for the rest of the call: a results file in results:import (JSON-escaping
 * it at most doubles it: each `"`, `\` or raw newline becomes two characters), a lesson pack in
 * authoring:importPack (base64, nothing to escape), or a new lesson's text in authoring:create (UTF-8: at most three
 * bytes a character).
 */
export const MAX_BODY_BYTES = Math.max(2 * MAX_RESULT_BYTES, MAX_PACK_BASE64_CHARS, 3 * MAX_LESSON_CHARS) + 64_000;
/** How long an idle connection from the page stays open. */
export const KEEP_ALIVE_MS = 120_000;
/**
 * How long a request may take to arrive, headers and body (Node's default is 5 minutes). The page sends at most a
 * 5 MB body over loopback, which takes milliseconds; a client that dribbles one is cut off instead of held.
 */
export const REQUEST_TIMEOUT_MS = 5_000;
/** Calls one socket may have running at once; its further frames wait, and the socket is no longer read. */
export const MAX_CALLS_IN_FLIGHT = 32;
/**
 * Reply bytes one socket may have waiting to be sent before it is no longer read: a client that sends calls and
 * never reads the replies would otherwise make the server buffer them all.
 */
export const MAX_BUFFERED_REPLY_BYTES = 8 * 1024 * 1024;

/** A call over the WebSocket; the reply is `{ id, result }` with the same envelope as over HTTP. */
export interface SocketRequest {
  id: number;
  name: string;
  input?: unknown;
}

const INTERNAL: ApiErrorShape = { code: 'internal', message: 'The request could not be answered.' };

function isSocketRequest(value: unknown): value is SocketRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return Number.isSafeInteger(id) && typeof name === 'string' && name.length <= 100;
}

export interface ServerOptions {
  backend: Pick<Backend, 'call'>;
  staticDir: string;
  token: string;
  host?: '127.0.0.1';
  port?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_call: 404,
  not_found: 404,
  conflict: 409,
  lesson_invalid: 422,
  unauthorized: 401,
  file_unsupported: 415,
  file_empty: 422,
  file_binary: 422,
  file_too_large: 413,
  file_damaged: 422,
  file_encrypted: 422,
  file_no_text: 422,
  backend_unreachable: 502,
  storage_full: 507,
  storage_readonly: 503,
  database_corrupt: 503,
  database_too_new: 503,
  internal: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const JSON_HEADERS = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** One JSON reply with its length declared: the page reads a whole body, never chunks and a terminator. */
function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...JSON_HEADERS, ...extra, 'Content-Length': payload.length });
  res.end(payload);
}

function refuse(res: ServerResponse, status: number, error: ApiErrorShape, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error }, extra);
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | 'too_large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return 'too_large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  // No Nagle delay on replies (Node's default, stated here because the page waits on every small reply), and
  // idle connections kept for two minutes rather than Node's five seconds: a learner's next answer or look-up
  // is usually more than five seconds away, and would otherwise open a new connection each time.
  // Node checks the request timeouts every connectionsCheckingInterval (30 s by default): a second here.
  const server = createServer(
    {
      noDelay: true,
      keepAliveTimeout: KEEP_ALIVE_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      headersTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) refuse(res, 500, INTERNAL);
        else res.destroy();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site cannot reach us through DNS rebinding: the Host must be ours.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return refuse(res, 421, { code: 'unauthorized', message: 'Wrong host.' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return refuse(res, 403, { code: 'unauthorized', message: 'Requests from other sites are refused.' });
    }
    // The request target is a path, never a URL: "//host/x" must not be read as another host.
    const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (!pathname.startsWith('/') || pathname.startsWith('//')) return refuse(res, 400, { code: 'invalid_input', message: 'Bad path.' });
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    return handleStatic(req, res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, { code: 'invalid_input', message: 'Use POST.' }, { Allow: 'POST' });
    if (!sameToken(req.headers[TOKEN_HEADER], options.token)) {
      return refuse(res, 401, { code: 'unauthorized', message: 'This page is from an earlier launch of Liseuse. Open the address printed at start-up.' });
    }
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return refuse(res, 415, { code: 'invalid_input', message: 'Send JSON.' });
    const body = await readBody(req);
    if (body === 'too_large') {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, { code: 'invalid_input', message: 'The request is too large.' });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return refuse(res, 400, { code: 'invalid_input', message: 'The request is not valid JSON.' });
    }
    let decodedName: string;
    try {
      decodedName = decodeURIComponent(name);
    } catch {
      return refuse(res, 404, { code: 'unknown_call', message: 'Liseuse does not know that request.' });
    }
    // The page gave up (a cancelled fetch closes its connection before the reply): the call is told, and stops.
    const cancel = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) cancel.abort();
    });
    const result = await options.backend.call(decodedName, input, { signal: cancel.signal });
    if (res.destroyed) return;
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES, perMessageDeflate: false });

  /** The WebSocket handshake gets every check an HTTP call gets; refused before any message can arrive. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Once a connection asks to upgrade, Node no longer handles its errors: a reset must not end the server.
    socket.on('error', () => socket.destroy());
    const refuseUpgrade = (status: number, reason: string): void => {
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!allowedHosts.has(req.headers.host ?? '')) return refuseUpgrade(421, 'Misdirected Request');
    // Browsers always send Origin with a WebSocket handshake; any page of another site is refused.
    if (!allowedOrigins.has(req.headers.origin ?? '')) return refuseUpgrade(403, 'Forbidden');
    if ((req.url ?? '').split(/[?#]/)[0] !== SOCKET_PATH) return refuseUpgrade(404, 'Not Found');
    // A page cannot set headers on a WebSocket: the token comes as an offered subprotocol.
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX))?.slice(SOCKET_TOKEN_PREFIX.length);
    if (!offered.includes(SOCKET_PROTOCOL) || !sameToken(token, options.token)) return refuseUpgrade(401, 'Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  }

  /**
   * Answers one page's calls. Back-pressure: at most MAX_CALLS_IN_FLIGHT calls run at once and at most
   * MAX_BUFFERED_REPLY_BYTES of replies wait to be sent; past either, the socket is paused (no more frames are
   * read, so the client's own sends back up) and the frames already read wait here until a call ends or a reply
   * has gone out.
   */
  function serveSocket(ws: WebSocket): void {
    ws.on('error', () => ws.terminate());
    let inFlight = 0;
    const waiting: SocketRequest[] = [];
    const saturated = (): boolean => inFlight >= MAX_CALLS_IN_FLIGHT || ws.bufferedAmount > MAX_BUFFERED_REPLY_BYTES;
    const flow = (): void => {
      while (waiting.length > 0 && !saturated()) answer(waiting.shift() as SocketRequest);
      if (saturated() || waiting.length > 0) ws.pause();
      else if (ws.isPaused) ws.resume();
    };
    const internal: Result<unknown> = { ok: false, error: INTERNAL };

    function answer(request: SocketRequest): void {
      inFlight++;
      void options.backend
        .call(request.name, request.input)
        .catch(() => internal)
        .then((result) => {
          inFlight--;
          if (ws.readyState !== ws.OPEN) return;
          let reply: string;
          try {
            reply = JSON.stringify({ id: request.id, result });
          } catch {
            reply = JSON.stringify({ id: request.id, result: internal });
          }
          // The callback runs once the reply has left for the kernel: the moment to read more.
          ws.send(reply, () => flow());
          flow();
        });
    }

    ws.on('message', (data: RawData, isBinary: boolean) => {
      let request: unknown;
      try {
        request = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        request = undefined;
      }
      // A frame that is not a call is a broken client: close, as HTTP would answer 400.
      if (!isSocketRequest(request)) return ws.close(1008, 'Not a Liseuse request.');
      waiting.push(request);
      flow();
    });
  }

  server.on('upgrade', upgrade);

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, { code: 'invalid_input', message: 'Method not allowed.' }, { Allow: 'GET, HEAD' });
    }
    const file = resolveStaticPath(options.staticDir, pathname);
    if (!file) return refuse(res, 404, { code: 'not_found', message: 'Not found.' });
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const content = await readFile(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': content.length,
        'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : content);
    } catch {
      refuse(res, 404, { code: 'not_found', message: 'Not found.' });
    }
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      resolvePromise({
        server,
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            for (const client of sockets.clients) client.terminate();
          }),
      });
    });
  });
}
