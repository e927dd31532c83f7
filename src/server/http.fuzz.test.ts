// Property-based fuzzing of the browser-mode HTTP server with fast-check: random requests to /api/* (methods, paths,
// headers, bodies of every kind and size) and random bytes on raw connections hit the real server over a real
// backend. Nothing may earn a 5xx, leak a stack, reach the unexpected-failure log or bring the server down.
import * as fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../shared/contract/call-names';
import { createBackend, type Backend } from '../backend/backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { MAX_BODY_BYTES, startServer, TOKEN_HEADER, type RunningServer } from './http-server';
import { nastyShallow } from '../../test/support/fuzz-values';
import { watchFuzz } from '../../test/support/fuzz-oracle';

const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 600);
const TOKEN = 'fuzz-token-0123456789abcdefghijklmnopqrstuvwxyz';

const { unhandled, logged, expectCleanMessage } = watchFuzz();

interface Reply {
  status: number;
  body: string;
}

describe('contract fuzzing: browser-mode HTTP server', () => {
  let root: string;
  let backend: Backend;
  let running: RunningServer;
  let requests = 0;
  let rawSockets = 0;
  const statuses = new Map<number, number>();

  function send(method: string, path: string, headers: Record<string, string | string[]>, body: Buffer | undefined, chunked: boolean): Promise<Reply> {
    return new Promise((done, fail) => {
      let replied = false;
      const outgoing = httpRequest({ host: '127.0.0.1', port: running.port, method, path, headers, agent: false }, (res) => {
        replied = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      });
      // The server may answer 413 and close before it has read a large body.
      outgoing.on('error', (error) => (replied ? undefined : fail(error)));
      if (body) {
        if (chunked) for (let i = 0; i < body.length; i += 16 * 1024) outgoing.write(body.subarray(i, i + 16 * 1024));
        else outgoing.write(body);
      }
      outgoing.end();
    });
  }

  const alive = async (): Promise<void> => {
    const reply = await send('POST', '/api/app:info', { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, Buffer.from('{}'), false);
    expect(reply.status).toBe(200);
  };

  beforeAll(async () => {
    root = makeTempDir('liseuse-http-fuzz-');
    mkdirSync(join(root, 'static'), { recursive: true });
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>fuzz</title>');
    backend = createBackend({ dataDir: join(root, 'data'), lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0.0.0-fuzz', logError: (e) => logged.push(e) });
    running = await startServer({ backend, staticDir: join(root, 'static'), token: TOKEN });
  });

  afterAll(async () => {
    await running?.close();
    backend?.close();
    removeTempDir(root);
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`HTTP fuzz: ${requests} requests to /api/* (statuses ${byStatus}) and ${rawSockets} raw-byte connections; server stayed up`);
  });

  const pathArb = fc.oneof(
    { arbitrary: fc.constantFrom(...CALL_NAMES).map((name) => `/api/${name}`), weight: 5 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `/api/${encodeURIComponent(s)}`), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '/api/',
        '/api/%E0%A4%A',
        '/api/%00',
        '/api/__proto__',
        '/api/constructor',
        '/api/toString',
        '/api/..%2f..%2fetc%2fpasswd',
        '/api/app:info?x=1#y',
        '/api/app%3Ainfo',
        '/api//app:info',
        '//api/app:info',
        `/api/${'a'.repeat(10_000)}`,
        '/api/learners:create/../app:info',
      ),
      weight: 2,
    },
  );

  const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);
  const headersArb = fc.record(
    {
      token: fc.oneof(
        { arbitrary: fc.constant<string | string[] | undefined>(TOKEN), weight: 6 },
        { arbitrary: fc.constantFrom<string | string[] | undefined>(undefined, '', `${TOKEN} `, TOKEN.toUpperCase(), [TOKEN, TOKEN]), weight: 1 },
        { arbitrary: headerValue, weight: 1 },
      ),
      type: fc.oneof(
        { arbitrary: fc.constantFrom<string | undefined>('application/json', 'application/json; charset=utf-8'), weight: 6 },
        { arbitrary: fc.constantFrom<string | undefined>(undefined, 'text/plain', 'application/jsonx', 'multipart/form-data; boundary=x', ''), weight: 1 },
        { arbitrary: headerValue, weight: 1 },
      ),
      origin: fc.oneof(
        { arbitrary: fc.constant<string | undefined>(undefined), weight: 6 },
        { arbitrary: fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1', 'SELF'), weight: 1 },
      ),
      host: fc.oneof({ arbitrary: fc.constant<string | undefined>(undefined), weight: 8 }, { arbitrary: fc.constantFrom('evil.example', 'localhost:SELF', '127.0.0.1'), weight: 1 }),
      extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue, { maxKeys: 4 }),
    },
    { requiredKeys: ['token', 'type', 'extra'] },
  );

  // Deep nesting and megabyte strings come as ready-made bodies below, not through JSON.stringify here.
  const TOO_BIG = 'x'.repeat(MAX_BODY_BYTES + 50);
  const jsonish = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), nastyShallow);
  const bodyArb = fc.oneof(
    { arbitrary: jsonish.map((value) => JSON.stringify(value, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? ''), weight: 5 },
    { arbitrary: fc.constantFrom('{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"name":"x","__proto__":{"admin":true}}'), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
    { arbitrary: fc.constantFrom('{}', '{"learnerId":"00000000-0000-4000-8000-000000000000","lessonId":"kim-russie"}', '{"name":"Ana"}'), weight: 2 },
    { arbitrary: fc.constantFrom('['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), TOO_BIG, ''), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

  it(`${HTTP_RUNS} random requests to /api/* never get a 5xx, and the server stays up`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant('POST'), weight: 8 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'), weight: 1 }),
        pathArb,
        headersArb,
        bodyArb,
        fc.boolean(),
        async (method, path, h, rawBody, chunked) => {
          const self = `127.0.0.1:${running.port}`;
          const headers: Record<string, string | string[]> = { ...h.extra };
          if (h.token !== undefined) headers[TOKEN_HEADER] = h.token;
          if (h.type !== undefined) headers['content-type'] = h.type;
          if (h.origin !== undefined) headers.origin = h.origin.replace('SELF', `http://${self}`);
          if (h.host !== undefined) headers.host = h.host.replace('SELF', String(running.port));
          const body = rawBody === undefined ? undefined : Buffer.from(rawBody);
          const reply = await send(method, path, headers, body, chunked);
          requests++;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const context = `${method} ${path.slice(0, 80)} ${JSON.stringify(headers).slice(0, 300)} body ${body ? body.length : 'none'} → ${reply.status} ${reply.body.slice(0, 200)}`;
          expect(reply.status, context).toBeGreaterThanOrEqual(200);
          expect(reply.status, context).toBeLessThan(500);
          const wellFormed = method === 'POST' && h.token === TOKEN && h.origin === undefined && h.host === undefined && path.startsWith('/api/');
          if (wellFormed && h.type?.startsWith('application/json') && body && body.length > MAX_BODY_BYTES) expect(reply.status, context).toBe(413);
          if (method !== 'HEAD') {
            const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
            expect(typeof parsed.ok, context).toBe('boolean');
            if (!parsed.ok) expectCleanMessage(parsed.error?.message, context);
          }
          expect(logged, context).toEqual([]);
          await alive();
        },
      ),
      { numRuns: HTTP_RUNS },
    );
    expect(running.server.listening).toBe(true);
  }, 180_000);

  it('random bytes on a raw connection are answered as a client error (or dropped), and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(`POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1\r\n${s}\r\n\r\n`)),
          fc.constantFrom(
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: 10\r\nContent-Length: 2\r\n\r\n{}'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: -1\r\n\r\n'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: 99999999999999999999\r\n\r\n'),
            Buffer.from('GET /\u0000 HTTP/1.1\r\nHost: HOST\r\n\r\n'),
          ),
        ),
        async (bytes) => {
          const payload = Buffer.from(bytes.toString('latin1').replaceAll('HOST', `127.0.0.1:${running.port}`), 'latin1');
          const answer = await new Promise<string>((done) => {
            const socket = connect(running.port, '127.0.0.1', () => socket.end(payload));
            let text = '';
            socket.setTimeout(2000, () => socket.destroy());
            socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
            socket.on('close', () => done(text));
            socket.on('error', () => done(text));
          });
          rawSockets++;
          expect(answer, answer.slice(0, 200)).not.toMatch(/^HTTP\/1\.[01] 5\d\d/);
          await alive();
        },
      ),
      { numRuns: 150 },
    );
    expect(unhandled).toEqual([]);
  }, 120_000);
});
