// The browser-mode server's address and API: the token, Host and Origin checks, methods, body types and sizes, and how
// backend errors map to HTTP statuses. Static files and the WebSocket are beside it (static-files, socket).
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { KEEP_ALIVE_MS, MAX_BODY_BYTES, TOKEN_HEADER } from './http-server';
import { TOKEN, useHttpServer, type RawRequest } from '../../test/support/http-server';

describe('browser-mode HTTP server', () => {
  const server = useHttpServer();
  const { send, api, json, calls } = server;

  describe('where it listens', () => {
    it('listens on 127.0.0.1 only, on the port it reports', () => {
      const address = server.running.server.address();
      expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: server.running.port });
      expect(server.running.port).toBeGreaterThan(0);
      expect(server.running.url).toBe(`http://127.0.0.1:${server.running.port}/`);
    });
  });

  describe('API', () => {
    it('a call with the right token answers 200 with the backend result', async () => {
      const reply = await api('app:info', undefined);
      expect(reply.status).toBe(200);
      expect(json(reply)).toEqual({ ok: true, value: { version: '1.2.3', mode: 'browser', notice: null, language: null } });
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    });

    it('answers calls one after another on one kept-alive connection, each reply a body of declared length', async () => {
      const socket = connect(server.running.port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      const request = (name: string, body: string): string =>
        `POST /api/${name} HTTP/1.1\r\nHost: 127.0.0.1:${server.running.port}\r\nContent-Type: application/json\r\n${TOKEN_HEADER}: ${TOKEN}\r\n` +
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
        fetch(`${server.running.url}api/${name}`, {
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
          String(v).replace('PORT', String(server.running.port)),
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
      const viaLocalhost = await api('app:info', {}, { host: `localhost:${server.running.port}`, origin: `http://localhost:${server.running.port}` });
      expect(viaLocalhost.status).toBe(200);
      const sameOrigin = await api('app:info', {}, { origin: `http://127.0.0.1:${server.running.port}` });
      expect(sameOrigin.status).toBe(200);
    });

    it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'http://127.0.0.1.evil.example:PORT'])(
      'a request with Origin %s gives 403',
      async (origin) => {
        const reply = await api('app:info', {}, { origin: origin.replace('PORT', String(server.running.port)) });
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
});
