// Browser mode under a client that does not play by the rules: one that sends calls and never reads the replies,
// and one that dribbles a request body. The real server and backend, real sockets.
import { connect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../backend/backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { SOCKET_PATH, SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from '../shared/transport';
import { MAX_CALLS_IN_FLIGHT, REQUEST_TIMEOUT_MS, startServer, TOKEN_HEADER, type RunningServer } from './http-server';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
const MB = 1024 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('browser-mode server and a misbehaving client', { timeout: 60_000 }, () => {
  let root: string;
  let backend: Backend;
  let running: RunningServer;
  let started = 0;
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    root = makeTempDir('liseuse-pressure-');
    mkdirSync(join(root, 'static'));
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>Liseuse</title>');
    backend = createBackend({ dataDir: join(root, 'data'), lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0', logError: () => {} });
    running = await startServer({
      backend: {
        // The real backend, counted: how many calls the server has started, and how many at once.
        call: async (name, input) => {
          started++;
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          try {
            return await backend.call(name, input);
          } finally {
            inFlight--;
          }
        },
      },
      staticDir: join(root, 'static'),
      token: TOKEN,
    });
  });

  afterAll(async () => {
    await running?.close();
    backend?.close();
    removeTempDir(root);
  });

  beforeEach(() => {
    started = 0;
    mostInFlight = 0;
  });

  function openSocket(): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${running.port}${SOCKET_PATH}`, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${TOKEN}`], {
      origin: `http://127.0.0.1:${running.port}`,
    });
    return new Promise((done, fail) => {
      ws.once('open', () => done(ws));
      ws.once('error', fail);
    });
  }

  /** Waits until the server has started no new call for a while (or a limit passes). */
  async function settled(): Promise<void> {
    let last = -1;
    for (let quiet = 0, waited = 0; quiet < 4 && waited < 20_000; waited += 250) {
      await sleep(250);
      quiet = started === last ? quiet + 1 : 0;
      last = started;
    }
  }

  /** What this process holds in JS objects and buffers (the server's queued replies are among them). */
  const held = (): number => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };

  it('a client that sends calls and never reads the replies: the server stops reading, memory stays bounded, nothing is lost', async () => {
    const CALLS = 1500;
    const ws = await openSocket();
    const replies = new Map<number, boolean>();
    ws.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id: number; result: { ok: boolean } };
      replies.set(reply.id, reply.result.ok);
    });
    // This client never reads: its side of the connection is paused, so the replies pile up at the server.
    ws.pause();
    const before = held();
    // Each reply is the whole lesson, about 70 KB: 1,500 of them would be about 100 MB.
    for (let id = 1; id <= CALLS; id++) ws.send(JSON.stringify({ id, name: 'lessons:get', input: { lessonId: 'kim-russie' } }));
    await settled();
    const grown = held() - before;
    const evaluated = started;
    console.info(`calls evaluated while the client did not read: ${evaluated} of ${CALLS}; memory held grew by ${(grown / MB).toFixed(1)} MB`);
    expect(evaluated).toBeLessThan(CALLS / 3);
    expect(grown).toBeLessThan(40 * MB);

    // Once the client reads again, every call is answered.
    ws.resume();
    for (let waited = 0; replies.size < CALLS && waited < 30_000; waited += 100) await sleep(100);
    expect(replies.size).toBe(CALLS);
    expect([...replies.values()].every(Boolean)).toBe(true);
    ws.close();
  });

  it(`a burst of calls on one socket: at most ${MAX_CALLS_IN_FLIGHT} run at once, and all are answered`, async () => {
    const ws = await openSocket();
    const answered = new Set<number>();
    ws.on('message', (data: Buffer) => answered.add((JSON.parse(data.toString()) as { id: number }).id));
    const frames = Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: i + 1, name: 'app:info', input: {} }));
    // One write, so the server reads the whole burst at once.
    (ws as unknown as { _socket: Socket })._socket.write(Buffer.concat(frames.map(maskedFrame)));
    for (let waited = 0; answered.size < 500 && waited < 10_000; waited += 50) await sleep(50);
    expect(answered.size).toBe(500);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(MAX_CALLS_IN_FLIGHT);
    ws.close();
  });

  it('a request body that dribbles in is cut off after the request timeout, and never reaches the backend', async () => {
    const socket = connect(running.port, '127.0.0.1');
    await new Promise((done) => socket.once('connect', done));
    const body = JSON.stringify({ name: 'Slow' });
    socket.write(
      `POST /api/learners:create HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\n` +
        `${TOKEN_HEADER}: ${TOKEN}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => {});
    const ended = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    const start = Date.now();
    // One byte a second: the whole body would take 17 s.
    const dribble = setInterval(() => {
      if (!socket.destroyed && body.length > 0) socket.write(body.slice(0, 1));
    }, 1000);
    const closedAt = await Promise.race([ended, sleep(REQUEST_TIMEOUT_MS + 5_000).then(() => 0)]);
    clearInterval(dribble);
    socket.destroy();
    expect(closedAt, 'the server kept the slow request open').toBeGreaterThan(0);
    expect(closedAt - start).toBeLessThan(REQUEST_TIMEOUT_MS + 2_500);
    expect(received).not.toContain('200 OK');
    expect(started).toBe(0);
  });
});

/** A client-to-server WebSocket text frame (masked, as RFC 6455 requires of a client), for payloads under 64 KB. */
function maskedFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([1, 2, 3, 4]);
  const header = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length]) : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([header, mask, masked]);
}
