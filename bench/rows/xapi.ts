// xAPI rows (issue 17): 10,000 queued statements synced to a real LRS on loopback (Learning Locker's statements
// service), and the answer-save p95 while that sync runs in the same backend process, as it does in the app.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src/backend/backend';
import type { QuestionView } from '../../src/core/quiz-view';
import { ARTICLE_ID } from '../../test/support/article';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from '../../test/support/lrs';
import { answerFor } from '../../test/support/answers';
import { summarise } from '../lib/stats';
import type { Row } from '../lib/table';

const QUEUED = 10_000;
const BATCH = 200;

function ok<T>(result: Awaited<ReturnType<Backend['call']>>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function queuedBackend(dataDir: string, lrs: TestLrs): Promise<{ backend: Backend; teacherToken: string; learnerId: string }> {
  const backend = createBackend({ dataDir, lessonsDir: join(import.meta.dirname, '..', '..', 'resources', 'lessons'), mode: 'browser', version: 'bench', xapiSyncMs: 0 });
  const { teacherToken } = ok<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
  const { id: learnerId } = ok<{ id: string }>(await backend.call('learners:create', { name: 'Bench' }));
  for (let i = 0; i < QUEUED; i++) ok(await backend.call('reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 1 + (i % 30) }));
  ok(await backend.call('lrs:save', { teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret: LRS_PASSWORD, namesShown: false }));
  return { backend, teacherToken, learnerId };
}

/** The cheapest honest send of the same count: statements made in memory, POSTed in the same batches, no database. */
async function bareLrsSeconds(lrs: TestLrs): Promise<number> {
  const auth = `Basic ${Buffer.from(`${LRS_USER}:${LRS_PASSWORD}`).toString('base64')}`;
  const statement = (): object => ({
    id: randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://liseuse.app', name: randomUUID() } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { id: 'https://liseuse.app/xapi/lessons/floor' },
  });
  const start = performance.now();
  for (let sent = 0; sent < QUEUED; sent += BATCH) {
    const body = JSON.stringify(Array.from({ length: BATCH }, statement));
    const response = await fetch(`${lrs.endpoint}/statements`, { method: 'POST', headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body });
    if (!response.ok) throw new Error(`floor POST: HTTP ${response.status}`);
  }
  return (performance.now() - start) / 1000;
}

/** Answers quiz questions one after another until `until` resolves (or `count` are in), timing each save. */
async function answerTimes(backend: Backend, learnerId: string, until: Promise<unknown> | null, count: number): Promise<number[]> {
  let done = false;
  void until?.then(() => (done = true));
  const times: number[] = [];
  while (until ? !done : times.length < count) {
    const attempt = ok<{ id: string; questions: QuestionView[] }>(await backend.call('quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'comprehension' }));
    for (const question of attempt.questions) {
      const start = performance.now();
      ok(await backend.call('quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer: answerFor(question), timeMs: 3000 }));
      times.push(performance.now() - start);
      // A learner's pace is seconds per answer; a short pause lets the sync's turns interleave as they would.
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  return times;
}

export async function xapiRows(work: string): Promise<Row[]> {
  const lrs = await startTestLrs();
  try {
    const first = await queuedBackend(join(work, 'xapi-sync'), lrs);
    const start = performance.now();
    const queue = ok<{ pending: number; sent: number }>(await first.backend.call('lrs:syncNow', { teacherToken: first.teacherToken }));
    const seconds = (performance.now() - start) / 1000;
    first.backend.close();
    if (queue.pending !== 0 || queue.sent < QUEUED) throw new Error(`sync left ${queue.pending} pending: ${JSON.stringify(queue)}`);
    const floorSeconds = await bareLrsSeconds(lrs);

    const second = await queuedBackend(join(work, 'xapi-answers'), lrs);
    const quiet = await answerTimes(second.backend, second.learnerId, null, 200);
    const sync = second.backend.call('lrs:syncNow', { teacherToken: second.teacherToken });
    const during = await answerTimes(second.backend, second.learnerId, sync, 0);
    await sync;
    second.backend.close();
    return [
      {
        what: `xAPI sync: ${QUEUED.toLocaleString('en')} queued statements to a local LRS (batches of ${BATCH})`,
        unit: 'statements/s',
        value: QUEUED / seconds,
        budget: { min: 100 },
        floor: QUEUED / floorSeconds,
        floorWhat: 'the same count POSTed from memory, no database',
        details: { seconds, floorSeconds },
      },
      {
        what: 'save a quiz answer in the backend while the xAPI sync runs (quiz:answer → committed)',
        unit: 'ms',
        stat: 'p95',
        value: summarise(during).p95,
        budget: { max: 10 },
        floor: summarise(quiet).p95,
        floorWhat: 'the same saves with no sync running',
        details: { during: summarise(during), quiet: summarise(quiet) },
      },
    ];
  } finally {
    await lrs.close();
  }
}
