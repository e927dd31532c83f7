// The browser-mode server's WebSocket: the page's calls and their envelope, the handshake's checks, bad frames.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../shared/transport';
import { MAX_BODY_BYTES } from './http-server';
import { TOKEN, useHttpServer } from '../../test/support/http-server';

describe('browser-mode HTTP server', () => {
  const server = useHttpServer();
  const { api, json, calls } = server;

  describe('WebSocket', () => {
    interface Socket {
      ws: WebSocket;
      call(id: number, name: string, input?: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }>;
    }
    const origin = (): string => `http://127.0.0.1:${server.running.port}`;

    /** Opens the page's socket; resolves with it, or rejects with the handshake's HTTP status. */
    function open(options: { token?: string; origin?: string | null; host?: string; path?: string; protocols?: string[] } = {}): Promise<Socket> {
      const headers: Record<string, string> = {};
      if (options.host) headers.host = options.host;
      const ws = new WebSocket(
        `ws://127.0.0.1:${server.running.port}${options.path ?? SOCKET_PATH}`,
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
          const raw = connect(server.running.port, '127.0.0.1', () => {
            raw.write(
              `GET ${SOCKET_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${server.running.port}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\n` +
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
