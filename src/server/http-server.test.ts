import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend/backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import WebSocket from 'ws';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../shared/transport';
import { KEEP_ALIVE_MS, MAX_BODY_BYTES, startServer, TOKEN_HEADER, type RunningServer } from './http-server';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>Liseuse index</body></html>';
const APP_JS = 'console.log("liseuse app bundle");';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-ROOT';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
  /** Let Node add the Host header (default) or send none at all. */
  setHost?: boolean;
}

describe('browser-mode HTTP server', () => {
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

  describe('where it listens', () => {
    it('listens on 127.0.0.1 only, on the port it reports', () => {
      const address = running.server.address();
      expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: running.port });
      expect(running.port).toBeGreaterThan(0);
      expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    });
  });

  describe('API', () => {
    it('a call with the right token answers 200 with the backend result', async () => {
      const reply = await api('app:info', undefined);
      expect(reply.status).toBe(200);
      expect(json(reply)).toEqual({ ok: true, value: { version: '1.2.3', mode: 'browser', notice: null } });
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    });

    it('answers calls one after another on one kept-alive connection, each reply a body of declared length', async () => {
      const socket = connect(running.port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      const request = (name: string, body: string): string =>
        `POST /api/${name} HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      /** Waits for the next whole reply on the socket, read by its Content-Length. */
      const nextReply = async (): Promise<{ head: string; body: string }> => {
        for (;;) {
          const all = Buffer.concat(received);
          const end = all.indexOf('\r\n\r\n');
          const length = /^content-length: (\d+)$/im.exec(all.subarray(0, Math.max(end, 0)).toString('latin1'))?.[1];
          if (end >= 0 && length === undefined) throw new Error(`a reply without a Content-Length:\n${all.subarray(0, end).toString('latin1')}`);
          if (end >= 0 && all.length >= end + 4 + Number(length)) {
            received.splice(0, received.length, all.subarray(end + 4 + Number(length)));
            return { head: all.subarray(0, end).toString('latin1'), body: all.subarray(end + 4, end + 4 + Number(length)).toString('utf8') };
          }
          if (socket.destroyed) throw new Error('the connection closed before a whole reply arrived');
          await new Promise((wake) => socket.once('data', wake).once('close', wake));
        }
      };
      try {
        await new Promise((ready) => socket.once('connect', ready));
        socket.write(request('learners:create', JSON.stringify({ name: 'Zoé Ünal' })));
        const created = await nextReply();
        socket.write(request('app:info', '{}'));
        const info = await nextReply();
        for (const reply of [created, info]) {
          expect(reply.head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
          expect(reply.head).not.toMatch(/^transfer-encoding:/im);
          expect(reply.head).toMatch(new RegExp(`^keep-alive: timeout=${KEEP_ALIVE_MS / 1000}$`, 'im'));
        }
        // The declared length counts bytes, so the accented name arrives whole.
        expect((JSON.parse(created.body) as { value: { name: string } }).value.name).toBe('Zoé Ünal');
        expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { version: '1.2.3' } });
        expect(socket.destroyed).toBe(false);
      } finally {
        socket.destroy();
      }
    });

    it('works with Node fetch too, and data written by one call is read by the next', async () => {
      const post = (name: string, input: unknown) =>
        fetch(`${running.url}api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
          body: JSON.stringify(input),
        });
      const created = await post('learners:create', { name: 'Http Ana' });
      expect(created.status).toBe(200);
      const learner = ((await created.json()) as { value: { id: string; name: string } }).value;
      expect(learner.name).toBe('Http Ana');
      const list = (await (await post('learners:list', {})).json()) as { ok: boolean; value: { id: string }[] };
      expect(list.ok).toBe(true);
      expect(list.value.map((l) => l.id)).toContain(learner.id);
      const again = await post('learners:create', { name: 'http ana' });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    });

    it('maps backend errors to HTTP status codes', async () => {
      const unknown = await api('nothing:here', {});
      expect(unknown.status).toBe(404);
      expect(json(unknown).error?.code).toBe('unknown_call');
      const invalid = await api('learners:create', { name: 42 });
      expect(invalid.status).toBe(400);
      expect(json(invalid).error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('name') });
      const missing = await api('learners:choose', { learnerId: '00000000-0000-4000-8000-000000000000' });
      expect(missing.status).toBe(404);
      expect(json(missing).error?.code).toBe('not_found');
    });

    it.each<[string, Record<string, string>]>([
      ['no token', {}],
      ['a wrong token of the same length', { [TOKEN_HEADER]: TOKEN.replace(/.$/, '!') }],
      ['a shorter token', { [TOKEN_HEADER]: TOKEN.slice(0, 10) }],
      ['the token with a suffix', { [TOKEN_HEADER]: `${TOKEN}x` }],
      ['an empty token', { [TOKEN_HEADER]: '' }],
    ])('%s gives 401 and never reaches the backend', async (_label, headers) => {
      const reply = await send({
        method: 'POST',
        path: '/api/learners:create',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'Intruder' }),
      });
      expect(reply.status).toBe(401);
      expect(json(reply)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(calls).toEqual([]);
    });

    it.each<[string, Partial<RawRequest>]>([
      ['a foreign host name', { headers: { host: 'evil.example' } }],
      ['a foreign host with our port', { headers: { host: 'evil.example:PORT' } }],
      ['our address on another port', { headers: { host: '127.0.0.1:1' } }],
      ['our address without the port', { headers: { host: '127.0.0.1' } }],
    ])('%s in the Host header gives 421 (DNS rebinding)', async (_label, options) => {
      const headers = Object.fromEntries(
        Object.entries({ 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...(options.headers ?? {}) }).map(([k, v]) => [
          k,
          String(v).replace('PORT', String(running.port)),
        ]),
      );
      const reply = await send({ method: 'POST', path: '/api/app:info', body: '{}', ...options, headers });
      expect(reply.status).toBe(421);
      expect(calls).toEqual([]);
      // The static files are behind the same check.
      const page = await send({ path: '/', ...options, headers });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('Liseuse index');
    });

    it('a request with no Host header at all is refused before the backend (Node itself answers 400)', async () => {
      const reply = await send({ method: 'POST', path: '/api/app:info', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: '{}', setHost: false });
      expect([400, 421]).toContain(reply.status);
      expect(calls).toEqual([]);
      const page = await send({ path: '/', setHost: false });
      expect([400, 421]).toContain(page.status);
      expect(page.body).not.toContain('Liseuse index');
    });

    it('accepts localhost:PORT as Host and our own Origin', async () => {
      const viaLocalhost = await api('app:info', {}, { host: `localhost:${running.port}`, origin: `http://localhost:${running.port}` });
      expect(viaLocalhost.status).toBe(200);
      const sameOrigin = await api('app:info', {}, { origin: `http://127.0.0.1:${running.port}` });
      expect(sameOrigin.status).toBe(200);
    });

    it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'http://127.0.0.1.evil.example:PORT'])(
      'a request with Origin %s gives 403',
      async (origin) => {
        const reply = await api('app:info', {}, { origin: origin.replace('PORT', String(running.port)) });
        expect(reply.status).toBe(403);
        expect(json(reply).error?.code).toBe('unauthorized');
        expect(calls).toEqual([]);
      },
    );

    it.each(['GET', 'PUT', 'DELETE'])('%s on /api/x gives 405 and says POST is allowed', async (method) => {
      const reply = await send({ method, path: '/api/app:info', headers: { [TOKEN_HEADER]: TOKEN } });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('POST');
      expect(calls).toEqual([]);
    });

    it.each<[string, Record<string, string>]>([
      ['text/plain', { 'content-type': 'text/plain' }],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['no content type', {}],
    ])('a body sent as %s gives 415', async (_label, headers) => {
      const reply = await send({ method: 'POST', path: '/api/app:info', headers: { [TOKEN_HEADER]: TOKEN, ...headers }, body: '{}' });
      expect(reply.status).toBe(415);
      expect(calls).toEqual([]);
    });

    it('a body over the cap gives 413, with or without a Content-Length', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 10) });
      const declared = await send({
        method: 'POST',
        path: '/api/learners:create',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, 'content-length': Buffer.byteLength(big) },
        body: big,
      });
      expect(declared.status).toBe(413);
      expect(json(declared).error?.code).toBe('invalid_input');
      const streamed = await send({
        method: 'POST',
        path: '/api/learners:create',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
        body: big,
        chunked: true,
      });
      expect(streamed.status).toBe(413);
      expect(calls).toEqual([]);
    });

    it('a body just under 1 MB is read and reaches the backend', async () => {
      const payload = JSON.stringify({ name: 'Ana', padding: '' });
      const almost = JSON.stringify({ name: 'Ana', padding: 'x'.repeat(MAX_BODY_BYTES - Buffer.byteLength(payload) - 1) });
      expect(Buffer.byteLength(almost)).toBeLessThanOrEqual(MAX_BODY_BYTES);
      const reply = await send({ method: 'POST', path: '/api/learners:create', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: almost });
      // The backend refuses the unknown key: proof that the body got through the size limit.
      expect(reply.status).toBe(400);
      expect(json(reply).error?.message).toContain('padding');
      expect(calls).toEqual(['learners:create']);
    });

    it.each(['{"name": "Ana"', 'not json', '{name: "Ana"}', '\u0000'])('malformed JSON %j gives 400', async (body) => {
      const reply = await send({ method: 'POST', path: '/api/learners:create', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body });
      expect(reply.status).toBe(400);
      expect(json(reply).error).toEqual({ code: 'invalid_input', message: 'The request is not valid JSON.' });
      expect(calls).toEqual([]);
    });
  });

  describe('static files', () => {
    it.each(['/', '/index.html'])('GET %s serves index.html with the CSP and no-store', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(INDEX_HTML);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['cache-control']).toBe('no-store');
    });

    it('GET /assets/app.js serves the script with the CSP', async () => {
      const reply = await send({ path: '/assets/app.js' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(APP_JS);
      expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    });

    it('HEAD gives the headers without the body', async () => {
      const reply = await send({ method: 'HEAD', path: '/assets/app.js' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('');
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    });

    it.each(['/missing.html', '/assets', '/assets/', '/assets/nope.js'])('GET %s gives 404', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(json(reply).error?.code).toBe('not_found');
    });

    it.each([
      '/../package.json',
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2f..%2fetc/passwd',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5cx',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/index.html%00',
      '/%00../secret.txt',
      '/%E0%A4%A',
    ])('traversal attempt %s gives 404 and no file content', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(SECRET);
      expect(reply.body).not.toContain('root:');
      expect(reply.body).not.toContain('"name": "liseuse"');
      expect(reply.body).not.toContain('Liseuse index');
    });

    it('a raw NUL byte in the request line is refused without any file content', async () => {
      const raw = await new Promise<string>((done, fail) => {
        const socket = connect(running.port, '127.0.0.1', () => {
          socket.write(`GET /index.html\u0000/../../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nConnection: close\r\n\r\n`);
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('end', () => done(text));
        socket.on('error', fail);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('Liseuse index');
    });

    it('the request target "//" is answered as a client error, not a server error', async () => {
      const reply = await send({ path: '//' });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    });

    it.each(['/', '/index.html', '/assets/app.js'])('POST to the static path %s gives 405', async (path) => {
      const reply = await send({ method: 'POST', path, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: '{}' });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
      expect(reply.body).not.toContain('Liseuse index');
    });

    it('the secret file really exists beside the static root (the traversal tests aim at something)', () => {
      expect(readFileSync(join(staticDir, '..', 'secret.txt'), 'utf8')).toBe(SECRET);
    });
  });
  describe('WebSocket', () => {
    interface Socket {
      ws: WebSocket;
      call(id: number, name: string, input?: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }>;
    }
    const origin = (): string => `http://127.0.0.1:${running.port}`;

    /** Opens the page's socket; resolves with it, or rejects with the handshake's HTTP status. */
    function open(options: { token?: string; origin?: string | null; host?: string; path?: string; protocols?: string[] } = {}): Promise<Socket> {
      const headers: Record<string, string> = {};
      if (options.host) headers.host = options.host;
      const ws = new WebSocket(
        `ws://127.0.0.1:${running.port}${options.path ?? SOCKET_PATH}`,
        options.protocols ?? [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${options.token ?? TOKEN}`],
        { headers, ...(options.origin === null ? {} : { origin: options.origin ?? origin() }) },
      );
      const replies = new Map<number, (reply: never) => void>();
      ws.on('message', (data: Buffer) => {
        const reply = JSON.parse(data.toString()) as { id: number };
        replies.get(reply.id)?.(reply as never);
      });
      return new Promise((resolveOpen, reject) => {
        ws.once('open', () =>
          resolveOpen({
            ws,
            call: (id, name, input) =>
              new Promise((done) => {
                replies.set(id, done);
                ws.send(JSON.stringify({ id, name, input }));
              }),
          }),
        );
        ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
        ws.once('error', reject);
      });
    }

    const closed = (ws: WebSocket): Promise<{ code: number; reason: string }> =>
      new Promise((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));

    it('answers calls with the same envelope as HTTP, each reply naming its call, and validates input', async () => {
      const socket = await open();
      expect(socket.ws.protocol).toBe(SOCKET_PROTOCOL);
      const [info, lessons, bad, unknown] = await Promise.all([
        socket.call(1, 'app:info', {}),
        socket.call(2, 'lessons:list', {}),
        socket.call(3, 'learners:create', { name: 42 }),
        socket.call(4, 'no:such', {}),
      ]);
      expect(info).toMatchObject({ id: 1, result: { ok: true, value: { version: '1.2.3', mode: 'browser' } } });
      expect(lessons.result).toEqual(json(await api('lessons:list', {})));
      expect(bad).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_input' } } });
      expect(unknown).toMatchObject({ id: 4, result: { ok: false, error: { code: 'unknown_call' } } });
      expect(calls).toEqual(expect.arrayContaining(['app:info', 'lessons:list', 'learners:create', 'no:such']));
      socket.ws.close();
    });

    it('refuses the handshake without the token, with a wrong one, from another site, to another host or path', async () => {
      await expect(open({ token: 'wrong-token' })).rejects.toThrow('refused 401');
      await expect(open({ protocols: [SOCKET_PROTOCOL] })).rejects.toThrow('refused 401');
      await expect(open({ protocols: [`${SOCKET_TOKEN_PREFIX}${TOKEN}`] })).rejects.toThrow('refused 401');
      await expect(open({ origin: 'http://evil.example' })).rejects.toThrow('refused 403');
      await expect(open({ origin: null })).rejects.toThrow('refused 403');
      await expect(open({ host: 'evil.example' })).rejects.toThrow('refused 421');
      await expect(open({ path: '/api/other' })).rejects.toThrow('refused 404');
      expect(calls).toEqual([]);
    });

    it('stays up when a refused handshake is reset by the other side', async () => {
      for (let i = 0; i < 20; i++) {
        await new Promise<void>((done) => {
          const raw = connect(running.port, '127.0.0.1', () => {
            raw.write(
              `GET ${SOCKET_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\n` +
                `Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
            );
            raw.resetAndDestroy();
            done();
          });
          raw.on('error', () => done());
        });
      }
      const socket = await open();
      expect((await socket.call(1, 'app:info', {})).result.ok).toBe(true);
      socket.ws.close();
    });

    it('closes on a frame that is not a call, and on one larger than the size cap', async () => {
      const notJson = await open();
      const notJsonClosed = closed(notJson.ws);
      notJson.ws.send('{not json');
      expect((await notJsonClosed).code).toBe(1008);
      const notCall = await open();
      const notCallClosed = closed(notCall.ws);
      notCall.ws.send(JSON.stringify({ name: 'app:info' }));
      expect((await notCallClosed).code).toBe(1008);
      const huge = await open();
      const hugeClosed = closed(huge.ws);
      huge.ws.send(JSON.stringify({ id: 1, name: 'app:info', input: { pad: 'x'.repeat(MAX_BODY_BYTES) } }));
      expect((await hugeClosed).code).toBe(1009);
      expect(calls).toEqual([]);
    });
  });
});
