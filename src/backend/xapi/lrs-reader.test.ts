// Reading a lesson's statements back from a real LRS page by page along `more`, and the whole read refused when a
// page fails midway or the LRS points `more` elsewhere. A small relay in front of the LRS breaks what a test asks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from '../../../test/support/lrs';
import { lessonIri, lookedUpStatement, readStatement } from '../../core/xapi';
import { LrsClient, type LrsConnection } from './lrs-client';
import { readLessonStatements } from './lrs-reader';

const LESSON = { id: 'kim-russie', title: 'Kim en Russie' };
const OTHER = { id: 'chat', title: 'Le chat' };
const learner = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c001' };
const id = (n: number): string => `7c1f0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (n: number): string => new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString();

let lrs: TestLrs;
const client = new LrsClient();
const connection = (endpoint: string): LrsConnection => ({ endpoint, username: LRS_USER, secret: LRS_PASSWORD });

/** A relay to the LRS that can fail the nth request or rewrite the replies, as a broken LRS or proxy would. */
async function relay(options: { failRequest?: number; rewrite?: (body: string) => string }): Promise<{ endpoint: string; close: () => Promise<void> }> {
  let requests = 0;
  const target = new URL(lrs.endpoint);
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (requests === options.failRequest) {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Service restarting' }));
      return;
    }
    void fetch(`${target.origin}${req.url}`, { headers: { authorization: req.headers.authorization ?? '', 'x-experience-api-version': '1.0.3' } }).then(async (reply) => {
      const body = await reply.text();
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(options.rewrite ? options.rewrite(body) : body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}${target.pathname}`, close: () => new Promise((done) => server.close(() => done())) };
}

beforeAll(async () => {
  lrs = await startTestLrs();
  // 23 statements about the lesson (read by the lesson itself, or words with it as parent), 4 about another one.
  const about = (lesson: typeof LESSON, n: number): string =>
    JSON.stringify(
      n % 2
        ? lookedUpStatement({ id: id(n), at: at(n), learner, lesson, lemma: 'train', paragraph: 1, token: n, sense: 'train' })
        : readStatement({ id: id(n), at: at(n), learner, lesson, seconds: 30, secondsRead: 30 * n, position: null }),
    );
  const statements = [...Array.from({ length: 23 }, (_, n) => about(LESSON, n + 1)), ...Array.from({ length: 4 }, (_, n) => about(OTHER, n + 100))];
  const sent = await client.send(connection(lrs.endpoint), statements);
  expect(sent.ok).toBe(true);
}, 30_000);
afterAll(async () => {
  await lrs.close();
});

describe('readLessonStatements', () => {
  it('follows `more` to the end and gives every statement about the lesson once, and none about another', async () => {
    const read = await readLessonStatements(client, connection(lrs.endpoint), lessonIri(LESSON.id), { pageSize: 5 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.pages).toBe(5);
    const ids = read.value.statements.map((s) => (s as { id: string }).id);
    expect(ids.sort()).toEqual(Array.from({ length: 23 }, (_, n) => id(n + 1)).sort());
  });

  it('refuses the whole read when a page fails midway, naming the page', async () => {
    const broken = await relay({ failRequest: 3 });
    try {
      const read = await readLessonStatements(client, connection(broken.endpoint), lessonIri(LESSON.id), { pageSize: 5 });
      expect(read).toMatchObject({ ok: false, page: 3, failure: { kind: 'server', status: 503 } });
      expect(read.ok ? '' : read.failure.message).toContain('Service restarting');
    } finally {
      await broken.close();
    }
  });

  it('stops at the page cap instead of reading without end', async () => {
    const read = await readLessonStatements(client, connection(lrs.endpoint), lessonIri(LESSON.id), { pageSize: 5, maxPages: 3 });
    expect(read).toMatchObject({ ok: false, page: 3, failure: { kind: 'too-large' } });
  });

  it('never follows a `more` link to another server (the password goes with it), nor reads a reply that is no page', async () => {
    const elsewhere = await relay({ rewrite: (body) => body.replace(/"more":"[^"]*"/, '"more":"http://203.0.113.9/xAPI/statements?cursor=1"') });
    const notAPage = await relay({ rewrite: () => '{"statements":"none"}' });
    try {
      const away = await readLessonStatements(client, connection(elsewhere.endpoint), lessonIri(LESSON.id), { pageSize: 5 });
      expect(away).toMatchObject({ ok: false, page: 2, failure: { message: expect.stringContaining('another server (http://203.0.113.9)') } });
      const garbage = await readLessonStatements(client, connection(notAPage.endpoint), lessonIri(LESSON.id), { pageSize: 5 });
      expect(garbage).toMatchObject({ ok: false, page: 1, failure: { message: 'The LRS answered something that is not a page of statements.' } });
    } finally {
      await elsewhere.close();
      await notAPage.close();
    }
  });
});
