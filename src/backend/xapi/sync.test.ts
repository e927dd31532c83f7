// The outbox sent to a real LRS (Learning Locker's statements service on loopback) through the real client:
// statements read back and checked, an outage mid-pass, a refused statement, wrong credentials, resends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_ID } from '../../../test/support/article';
import { answerFor, type QuestionView } from '../../../test/support/answers';
import { REAL_LESSONS, UUID, useBackend, value } from '../../../test/support/backend';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from '../../../test/support/lrs';
import type { Backend } from '../backend';
import { LearnerDatabase } from '../db/learner-database';
import { XapiRepository } from '../db/repositories/xapi';
import type { LrsQueue, LrsTestResult } from '../../shared/contract/lrs';
import { VERBS } from '../../core/xapi';
import { LessonStore } from '../lesson-store';
import { LrsClient } from './lrs-client';
import { KEEP_SENT_DAYS, XapiSync } from './sync';

/** The article's first glossed word. */
const WORD = new LessonStore(REAL_LESSONS).get(ARTICLE_ID).tokens.find((t) => t.gloss)!;

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startTestLrs();
}, 30_000);
afterAll(async () => {
  await lrs.close();
});

interface Session {
  backend: Backend;
  teacherToken: string;
  learnerId: string;
  attemptId: string;
  questionCount: number;
}

/** A learner who reads, looks a word up, marks it known and takes the whole comprehension quiz. */
async function learnerActivity(backend: Backend): Promise<Session> {
  const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
  const { id: learnerId } = value<{ id: string }>(await backend.call('learners:create', { name: 'Ana' }));
  value(await backend.call('reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 30 }));
  value(await backend.call('reading:lookup', { learnerId, lessonId: ARTICLE_ID, token: WORD.index, paragraph: WORD.paragraph }));
  value(await backend.call('reading:setStatus', { learnerId, lessonId: ARTICLE_ID, token: WORD.index, status: 'known' }));
  const attempt = value<{ id: string; questions: QuestionView[] }>(await backend.call('quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'comprehension' }));
  for (const question of attempt.questions) {
    value(await backend.call('quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer: answerFor(question), timeMs: 4000 }));
  }
  return { backend, teacherToken, learnerId, attemptId: attempt.id, questionCount: attempt.questions.length };
}

const pointAtLrs = async (s: Session, secret = LRS_PASSWORD): Promise<void> => {
  value(await s.backend.call('lrs:save', { teacherToken: s.teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret, namesShown: false }));
};

const byRegistration = (registration: string): Promise<Record<string, unknown>[]> => lrs.statements({ registration });

describe('xAPI sync to a real LRS', () => {
  const { start } = useBackend();
  const open = (clock?: () => Date): Backend => start(REAL_LESSONS, clock, { xapiSyncMs: 0 });

  it('sends every event once; the LRS stores them and gives them back with their ids, actor and registration', async () => {
    const s = await learnerActivity(open());
    await pointAtLrs(s);
    const queue = value<LrsQueue>(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    // read, look-up, status, one answer per question, completed + passed/failed.
    const expected = 3 + s.questionCount + 2;
    expect(queue).toMatchObject({ configured: true, pending: 0, sent: expected, failed: 0, problems: [] });

    const ids = (s.backend.db.prepare('SELECT id FROM xapi_outbox ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    const stored = await lrs.statements({ agent: JSON.stringify({ account: { homePage: 'https://liseuse.app', name: s.learnerId } }) });
    expect(stored.map((st) => st.id).sort()).toEqual([...ids].sort());
    for (const statement of stored) {
      expect(statement.id).toMatch(UUID);
      expect(statement.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://liseuse.app', name: s.learnerId } });
    }
    const inAttempt = await byRegistration(s.attemptId);
    const verbs = inAttempt.map((st) => (st.verb as { id: string }).id);
    expect(verbs.filter((v) => v === VERBS.answered.id)).toHaveLength(s.questionCount);
    expect(verbs).toContain(VERBS.completed.id);
    const answered = inAttempt.find((st) => (st.verb as { id: string }).id === VERBS.answered.id) as { context: { contextActivities: { parent: { id: string }[] } }; object: { definition: { interactionType: string } } };
    expect(answered.context.contextActivities.parent[0]?.id).toBe(`https://liseuse.app/xapi/lessons/${ARTICLE_ID}`);
    const types = new Set(inAttempt.flatMap((st) => ((st.object as { definition?: { interactionType?: string } }).definition?.interactionType ?? [])));
    expect([...types].sort()).toEqual(expect.arrayContaining(['choice', 'fill-in', 'long-fill-in', 'matching', 'sequencing', 'true-false']));

    // Sending again (as after a kill between the LRS's reply and our mark) stores nothing twice.
    s.backend.db.prepare("UPDATE xapi_outbox SET status = 'pending'").run();
    value(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    expect(await byRegistration(s.attemptId)).toHaveLength(inAttempt.length);
  }, 60_000);

  it('names learners only when the teacher turns names on', async () => {
    const s = await learnerActivity(open());
    value(await s.backend.call('lrs:save', { teacherToken: s.teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret: LRS_PASSWORD, namesShown: true }));
    value(await s.backend.call('reading:addTime', { learnerId: s.learnerId, lessonId: ARTICLE_ID, seconds: 12 }));
    value(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    const named = (await lrs.statements({ agent: JSON.stringify({ account: { homePage: 'https://liseuse.app', name: s.learnerId } }) })).filter((st) => (st.actor as { name?: string }).name);
    expect(named.map((st) => (st.actor as { name: string }).name)).toEqual(['Ana']);
  }, 60_000);

  it('wrong credentials: the connection test and the queue say so as facts any language can word, and nothing leaves the outbox', async () => {
    const s = await learnerActivity(open());
    await pointAtLrs(s, 'not-the-password');
    const test = value<LrsTestResult>(await s.backend.call('lrs:test', { teacherToken: s.teacherToken }));
    expect(test).toMatchObject({ ok: false, versions: [], failure: { kind: 'unauthorized', status: 401 } });
    expect(JSON.stringify(test)).not.toMatch(/user name or password/);
    const queue = value<LrsQueue>(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    expect(queue.sent).toBe(0);
    expect(queue.pending).toBe(3 + s.questionCount + 2);
    expect(queue.problems[0]).toMatchObject({ state: 'retrying', error: { kind: 'unauthorized', status: 401 } });
    expect(await byRegistration(s.attemptId)).toEqual([]);

    await pointAtLrs(s);
    expect(value<LrsTestResult>(await s.backend.call('lrs:test', { teacherToken: s.teacherToken }))).toEqual({ ok: true, versions: expect.arrayContaining(['1.0.3']), failure: null });
  }, 60_000);

  it('a statement the LRS refuses is set aside with its reason; the rest of its batch is sent', async () => {
    const s = await learnerActivity(open());
    const db = new LearnerDatabase(s.backend.db);
    const outbox = new XapiRepository(db);
    const bad = { id: '9f0c0000-0000-4000-8000-00000000bad1', actor: { mbox: 'not-an-email' }, verb: { id: 'answered' }, object: { id: 'nowhere' } };
    outbox.enqueue([{ statement: bad as never }], '2024-05-01T10:00:00.000Z');
    value(await s.backend.call('reading:addTime', { learnerId: s.learnerId, lessonId: ARTICLE_ID, seconds: 5 }));
    await pointAtLrs(s);
    const queue = value<LrsQueue>(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    expect(queue).toMatchObject({ pending: 0, failed: 1, sent: 3 + s.questionCount + 2 + 1 });
    expect(queue.problems).toEqual([{ statementId: bad.id, verb: 'answered', state: 'failed', error: { kind: 'refused', status: 400, reason: expect.stringMatching(/actor/) } }]);
    // Failed statements are not retried by later passes.
    expect(value<LrsQueue>(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken })).failed).toBe(1);
  }, 60_000);

  it('the LRS going down mid-pass: what it acknowledged is sent, the rest waits its back-off and goes once it is back, none twice', async () => {
    let clock = Date.parse('2024-05-01T10:00:00.000Z');
    const backend = open(() => new Date(clock));
    const s = await learnerActivity(backend);
    await pointAtLrs(s);
    const db = new LearnerDatabase(backend.db);
    const outbox = new XapiRepository(db);
    for (let i = 0; i < 5; i++) value(await backend.call('reading:addTime', { learnerId: s.learnerId, lessonId: ARTICLE_ID, seconds: 10 }));
    const total = outbox.counts().pending;
    let requests = 0;
    const client = new LrsClient(async (url, init) => {
      requests++;
      if (requests === 3) await lrs.down();
      return fetch(url, init);
    });
    const connection = { endpoint: lrs.endpoint, username: LRS_USER, secret: LRS_PASSWORD };
    const sync = new XapiSync(outbox, () => connection, client, () => new Date(clock), 4);
    const first = await sync.syncOnce();
    expect(first.sent).toBe(8);
    expect(first.stopped).toMatchObject({ kind: 'offline', status: null, reason: expect.stringMatching(/\S/) });
    expect(outbox.counts()).toEqual({ pending: total - 8, sent: 8, failed: 0 });

    await lrs.up();
    // Paused until the back-off has passed.
    expect((await sync.syncOnce()).sent).toBe(0);
    expect(outbox.counts().sent).toBe(8);
    clock += 6_000;
    const second = await sync.syncOnce();
    expect(second).toMatchObject({ sent: total - 8, stopped: null });
    expect(outbox.counts()).toEqual({ pending: 0, sent: total, failed: 0 });
    // The restarted LRS (in memory) holds exactly the statements sent after the outage, each once.
    const held = await lrs.statements({ agent: JSON.stringify({ account: { homePage: 'https://liseuse.app', name: s.learnerId } }) });
    expect(new Set(held.map((st) => st.id)).size).toBe(held.length);
    expect(held).toHaveLength(total - 8);
  }, 60_000);

  it('a teacher regrade voids the answer statement and sends the new grade', async () => {
    const s = await learnerActivity(open());
    const open_ = value<{ answers: { answerId: string }[] }>(await s.backend.call('openAnswers:list', { teacherToken: s.teacherToken, lessonId: ARTICLE_ID }));
    const answerId = open_.answers[0]!.answerId;
    const old = (s.backend.db.prepare("SELECT id FROM xapi_outbox WHERE subject = ? AND verb = 'answered'").get(answerId) as { id: string }).id;
    value(await s.backend.call('openAnswers:grade', { teacherToken: s.teacherToken, answerId, score: 0.75, comment: 'Bien.' }));
    await pointAtLrs(s);
    value(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    const voided = await lrs.statements({ voidedStatementId: old });
    expect(voided).toHaveLength(1);
    const current = (await byRegistration(s.attemptId)).filter((st) => (st.context as { statement?: { id: string } } | undefined)?.statement?.id === old);
    expect(current).toHaveLength(1);
    expect(current[0]!.result).toMatchObject({ score: { scaled: 0.75 }, success: false });
    // The voided statement is no longer among the attempt's statements.
    expect((await byRegistration(s.attemptId)).map((st) => st.id)).not.toContain(old);
  }, 60_000);
});

describe('regrades and rescores reach the LRS as voided + new statements', () => {
  const { start } = useBackend();
  const verbOf = (st: Record<string, unknown>): string => (st.verb as { id: string }).id;
  const replaced = (st: Record<string, unknown>): string | undefined => (st.context as { statement?: { id: string } } | undefined)?.statement?.id;
  const scaled = (st: Record<string, unknown>): number | undefined => (st.result as { score?: { scaled: number } } | undefined)?.score?.scaled;
  const outboxId = (s: Session, where: string, ...params: string[]): string =>
    (s.backend.db.prepare(`SELECT id FROM xapi_outbox WHERE ${where} ORDER BY rowid DESC LIMIT 1`).get(...params) as { id: string }).id;
  const attemptScoreOf = (s: Session): number => (s.backend.db.prepare('SELECT score FROM quiz_attempts WHERE id = ?').get(s.attemptId) as { score: number }).score;

  /** The LRS's statements of the attempt, one verb at a time (voided ones are not returned). */
  async function held(s: Session): Promise<{ all: Record<string, unknown>[]; of: (verb: string) => Record<string, unknown>[] }> {
    await pointAtLrs(s);
    expect(value<LrsQueue>(await s.backend.call('lrs:syncNow', { teacherToken: s.teacherToken }))).toMatchObject({ pending: 0, failed: 0 });
    const all = await byRegistration(s.attemptId);
    return { all, of: (verb) => all.filter((st) => verbOf(st) === verb) };
  }

  it('accepting a typed answer: the answer and the attempt are voided and sent again with the new scores', async () => {
    const backend = start(REAL_LESSONS, undefined, { xapiSyncMs: 0 });
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    const { id: learnerId } = value<{ id: string }>(await backend.call('learners:create', { name: 'Ana' }));
    const attempt = value<{ id: string; questions: QuestionView[] }>(await backend.call('quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'comprehension' }));
    let answerId = '';
    for (const question of attempt.questions) {
      const answer = question.id === 'trip-length' ? { type: 'short-answer', text: 'huit jours' } : answerFor(question);
      value(await backend.call('quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer, timeMs: 4000 }));
      if (question.id === 'trip-length') answerId = (backend.db.prepare('SELECT id FROM quiz_answers WHERE attempt_id = ? AND question_id = ?').get(attempt.id, question.id) as { id: string }).id;
    }
    const s: Session = { backend, teacherToken, learnerId, attemptId: attempt.id, questionCount: attempt.questions.length };
    const oldAnswer = outboxId(s, "subject = ? AND verb = 'answered'", answerId);
    const oldCompleted = outboxId(s, "verb = 'completed' AND json_extract(statement, '$.context.registration') = ?", attempt.id);
    const oldVerdict = outboxId(s, "verb IN ('passed', 'failed') AND json_extract(statement, '$.context.registration') = ?", attempt.id);
    const before = attemptScoreOf(s);

    const line = value<{ answersChanged: number; attempts: { before: number; after: number }[] }>(
      await backend.call('reports:decideAnswer', { teacherToken, lessonId: ARTICLE_ID, questionId: 'trip-length', text: 'huit jours', accept: true }),
    );
    expect(line.answersChanged).toBe(1);
    const after = attemptScoreOf(s);
    expect(after).toBeGreaterThan(before);

    const lrsView = await held(s);
    for (const old of [oldAnswer, oldCompleted, oldVerdict]) expect(await lrs.statements({ voidedStatementId: old })).toHaveLength(1);
    expect(lrsView.all.map((st) => st.id)).not.toContain(oldAnswer);
    const tripAnswers = lrsView.of(VERBS.answered.id).filter((st) => (st.object as { id: string }).id.endsWith('/questions/trip-length'));
    expect(tripAnswers).toHaveLength(1);
    expect(tripAnswers[0]!.result).toMatchObject({ response: 'huit jours', score: { scaled: 1 }, success: true });
    expect(replaced(tripAnswers[0]!)).toBe(oldAnswer);
    // One answered statement per question still, and one completed and one passed/failed: the new score's.
    expect(lrsView.of(VERBS.answered.id)).toHaveLength(s.questionCount);
    const completed = lrsView.of(VERBS.completed.id);
    expect(completed.map(scaled)).toEqual([after]);
    expect(replaced(completed[0]!)).toBe(oldCompleted);
    const verdicts = lrsView.all.filter((st) => verbOf(st) === VERBS.passed.id || verbOf(st) === VERBS.failed.id);
    expect(verdicts.map(scaled)).toEqual([after]);
    expect(replaced(verdicts[0]!)).toBe(oldVerdict);
    // The rescored attempt keeps its own end as the statement's time.
    const finishedAt = (backend.db.prepare('SELECT finished_at FROM quiz_attempts WHERE id = ?').get(attempt.id) as { finished_at: string }).finished_at;
    expect(Date.parse(completed[0]!.timestamp as string)).toBe(Date.parse(finishedAt));
  }, 60_000);

  it('grading an open answer moves the attempt score: completed and passed/failed are sent again with it', async () => {
    const s = await learnerActivity(start(REAL_LESSONS, undefined, { xapiSyncMs: 0 }));
    const before = attemptScoreOf(s);
    const oldCompleted = outboxId(s, "verb = 'completed' AND json_extract(statement, '$.context.registration') = ?", s.attemptId);
    const open_ = value<{ answers: { answerId: string }[] }>(await s.backend.call('openAnswers:list', { teacherToken: s.teacherToken, lessonId: ARTICLE_ID }));
    value(await s.backend.call('openAnswers:grade', { teacherToken: s.teacherToken, answerId: open_.answers[0]!.answerId, score: 1, comment: 'Très bien.' }));
    const after = attemptScoreOf(s);
    expect(after).not.toBe(before);
    const lrsView = await held(s);
    expect(await lrs.statements({ voidedStatementId: oldCompleted })).toHaveLength(1);
    expect(lrsView.of(VERBS.completed.id).map(scaled)).toEqual([after]);
  }, 60_000);
});

describe('the outbox forgets what the LRS has had for long, and nothing else', () => {
  const { start } = useBackend();

  it(`sent statements older than ${KEEP_SENT_DAYS} days go; pending and refused ones stay whole; a regrade still voids a pruned answer`, async () => {
    let clock = Date.parse('2024-05-01T10:00:00.000Z');
    const backend = start(REAL_LESSONS, () => new Date(clock), { xapiSyncMs: 0 });
    const s = await learnerActivity(backend);
    const outbox = new XapiRepository(new LearnerDatabase(backend.db));
    const bad = { id: '9f0c0000-0000-4000-8000-00000000bad2', actor: { mbox: 'not-an-email' }, verb: { id: 'answered' }, object: { id: 'nowhere' } };
    outbox.enqueue([{ statement: bad as never }], new Date(clock).toISOString());
    await pointAtLrs(s);
    const sentFirst = value<LrsQueue>(await backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    expect(sentFirst).toMatchObject({ pending: 0, failed: 1 });
    const rows = (): { id: string; verb: string; status: string; subject: string | null; statement: string }[] =>
      backend.db.prepare('SELECT id, verb, status, subject, statement FROM xapi_outbox ORDER BY rowid').all() as never;
    const before = rows();

    // Statements the LRS has not had: the password is wrong, so they stay pending through the prune.
    await pointAtLrs(s, 'not-the-password');
    clock += (KEEP_SENT_DAYS - 1) * 24 * 3600_000;
    // Months later the teacher unlocks the area again.
    s.teacherToken = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '246813' })).teacherToken;
    value(await backend.call('reading:addTime', { learnerId: s.learnerId, lessonId: ARTICLE_ID, seconds: 20 }));
    clock += 2 * 24 * 3600_000;
    value(await backend.call('reading:addTime', { learnerId: s.learnerId, lessonId: ARTICLE_ID, seconds: 25 }));
    const pendingBefore = rows().filter((r) => r.status === 'pending');
    expect(pendingBefore).toHaveLength(2);
    s.teacherToken = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '246813' })).teacherToken;
    value(await backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));

    const after = rows();
    const byId = new Map(after.map((r) => [r.id, r]));
    // Pending and refused: untouched, body and all.
    for (const r of [...pendingBefore, before.find((r) => r.status === 'failed')!]) expect(byId.get(r.id)).toEqual(r);
    for (const r of before.filter((r) => r.status === 'sent')) {
      if (r.subject === null) expect(byId.has(r.id)).toBe(false);
      else expect(byId.get(r.id)).toEqual({ ...r, statement: '' });
    }
    expect(before.filter((r) => r.status === 'sent' && r.subject === null).length).toBeGreaterThan(0);

    // Nothing lost: with the right password the pending ones go.
    await pointAtLrs(s);
    expect(value<LrsQueue>(await backend.call('lrs:syncNow', { teacherToken: s.teacherToken }))).toMatchObject({ pending: 0, failed: 1 });
    const readTimes = (await lrs.statements({ agent: JSON.stringify({ account: { homePage: 'https://liseuse.app', name: s.learnerId } }), verb: VERBS.experienced.id })).map((st) => st.id);
    for (const r of pendingBefore) expect(readTimes).toContain(r.id);

    // The pruned answer's id is still known: grading it months later voids the statement the LRS holds.
    const openAnswer = value<{ answers: { answerId: string }[] }>(await backend.call('openAnswers:list', { teacherToken: s.teacherToken, lessonId: ARTICLE_ID })).answers[0]!.answerId;
    const openRow = before.find((r) => r.subject === openAnswer && r.verb === 'answered')!;
    expect(byId.get(openRow.id)?.statement).toBe('');
    value(await backend.call('openAnswers:grade', { teacherToken: s.teacherToken, answerId: openAnswer, score: 0.5, comment: '' }));
    value(await backend.call('lrs:syncNow', { teacherToken: s.teacherToken }));
    expect(await lrs.statements({ voidedStatementId: openRow.id })).toHaveLength(1);
  }, 60_000);
});

describe('statement files', () => {
  const { start } = useBackend();

  it('a learner’s statement file is a JSON array the LRS takes as one POST, byte for byte; voided answers stay out, their voiding goes in', async () => {
    const s = await learnerActivity(start(REAL_LESSONS, undefined, { xapiSyncMs: 0 }));
    const openAnswer = value<{ answers: { answerId: string }[] }>(await s.backend.call('openAnswers:list', { teacherToken: s.teacherToken, lessonId: ARTICLE_ID })).answers[0]!.answerId;
    const graded = (s.backend.db.prepare("SELECT id FROM xapi_outbox WHERE subject = ? AND verb = 'answered'").get(openAnswer) as { id: string }).id;
    value(await s.backend.call('openAnswers:grade', { teacherToken: s.teacherToken, answerId: openAnswer, score: 1, comment: 'Parfait.' }));

    const outcome = value<{ download: { fileName: string; base64: string } }>(await s.backend.call('results:exportStatements', { learnerId: s.learnerId }));
    expect(outcome.download.fileName).toMatch(/^liseuse-statements-ana-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const bytes = Buffer.from(outcome.download.base64, 'base64');
    const file = JSON.parse(bytes.toString('utf8')) as { id: string; verb: { id: string }; actor: { name?: string; account: { name: string } }; object: { id: string } }[];
    const perVerb: Record<string, number> = {};
    for (const st of file) perVerb[st.verb.id.slice(st.verb.id.lastIndexOf('/') + 1)] = (perVerb[st.verb.id.slice(st.verb.id.lastIndexOf('/') + 1)] ?? 0) + 1;
    // Read, look-up, status; one answer per question (the graded one replaced); the attempt's pair, rescored;
    // the voiding of the open answer's first grade and of the attempt's first pair.
    expect(perVerb).toEqual({ experienced: 1, interacted: 1, marked: 1, answered: s.questionCount, completed: 1, [perVerb.passed ? 'passed' : 'failed']: 1, voided: 3 });
    expect(file.map((st) => st.id)).not.toContain(graded);
    expect(file.filter((st) => st.verb.id === VERBS.voided.id).map((st) => st.object.id)).toContain(graded);
    // The file names the learner (it goes from teacher to teacher); the outbox's statements did not.
    for (const st of file.filter((st) => st.verb.id !== VERBS.voided.id)) expect(st.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://liseuse.app', name: s.learnerId }, name: 'Ana' });

    // Any LRS's statements resource takes the file as it is.
    const response = await fetch(`${lrs.endpoint}/statements`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${LRS_USER}:${LRS_PASSWORD}`).toString('base64')}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: bytes,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as string[]).sort()).toEqual(file.map((st) => st.id).sort());
    const held = await lrs.statements({ agent: JSON.stringify({ account: { homePage: 'https://liseuse.app', name: s.learnerId } }) });
    expect(held.map((st) => st.id).sort()).toEqual(file.filter((st) => st.verb.id !== VERBS.voided.id).map((st) => st.id).sort());
    const answer = held.find((st) => (st.context as { statement?: { id: string } } | undefined)?.statement?.id === graded);
    expect(answer?.result).toMatchObject({ score: { scaled: 1 }, success: true });
  }, 60_000);
});
