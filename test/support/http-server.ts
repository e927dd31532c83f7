// The browser-mode HTTP server started in this process for the server's own tests: a real backend over a temp data
// folder, a static root with index.html and one script, a secret file beside that root, and a raw HTTP client.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createBackend, type Backend } from '../../src/backend/backend';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../src/server/http-server';
import { makeTempDir, removeTempDir } from './db';

export const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>Liseuse index</body></html>';
export const APP_JS = 'console.log("liseuse app bundle");';
export const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-ROOT';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
  /** Let Node add the Host header (default) or send none at all. */
  setHost?: boolean;
}

export interface HttpServerFixture {
  readonly running: RunningServer;
  readonly staticDir: string;
  /** The names of the calls that reached the backend since this test began. */
  readonly calls: unknown[];
  send(req: RawRequest): Promise<Reply>;
  /** A well-formed call: POST /api/NAME with the token and a JSON body (an empty one for undefined). */
  api(name: string, input: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** The reply's JSON envelope, after checking its content type. */
  json(reply: Reply): { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** Call inside a describe: one server for its tests (version 1.2.3, token TOKEN), stopped and removed after them. */
export function useHttpServer(): HttpServerFixture {
  let root: string;
  let dataDir: string;
  let staticDir: string;
  let backend: Backend;
  let running: RunningServer;
  const calls: unknown[] = [];

  /** A raw HTTP/1.1 request: the path goes on the wire exactly as given (fetch would normalise it). */
  function send(req: RawRequest): Promise<Reply> {
    return new Promise((done, fail) => {
      let replied = false;
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: running.port,
          method: req.method ?? 'GET',
          path: req.path,
          headers: req.headers ?? {},
          setHost: req.setHost ?? true,
          agent: false,
        },
        (res) => {
          replied = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', fail);
        },
      );
      // The server may answer (413) and close before it has read a large body: that write error is expected.
      outgoing.on('error', (error) => {
        if (!replied) fail(error);
      });
      if (req.body !== undefined) {
        if (req.chunked) {
          const body = Buffer.from(req.body);
          for (let i = 0; i < body.length; i += 64 * 1024) outgoing.write(body.subarray(i, i + 64 * 1024));
        } else {
          outgoing.write(req.body);
        }
      }
      outgoing.end();
    });
  }

  const api = (name: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    send({
      method: 'POST',
      path: `/api/${name}`,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
      body: input === undefined ? '' : JSON.stringify(input),
    });

  const json = (reply: Reply): { ok: boolean; value?: unknown; error?: { code: string; message: string } } => {
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    return JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  };

  beforeAll(async () => {
    root = makeTempDir('liseuse-http-');
    dataDir = join(root, 'data');
    staticDir = join(root, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(staticDir, 'assets', 'app.js'), APP_JS);
    // A file next to the static root, which no request may ever read.
    writeFileSync(join(root, 'secret.txt'), SECRET);
    writeFileSync(join(root, 'x'), SECRET);
    backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '1.2.3', logError: () => {} });
    running = await startServer({
      backend: {
        call: (name, input) => {
          calls.push(name);
          return backend.call(name, input);
        },
      },
      staticDir,
      token: TOKEN,
    });
  });

  afterAll(async () => {
    await running?.close();
    backend?.close();
    removeTempDir(root);
  });

  beforeEach(() => {
    calls.length = 0;
  });

  return {
    get running() {
      return running;
    },
    get staticDir() {
      return staticDir;
    },
    calls,
    send,
    api,
    json,
  };
}
