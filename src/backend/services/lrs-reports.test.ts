// The class report from a real LRS (Learning Locker's statements service on loopback): two computers (two data
// folders) answer the article quiz and sync; the report read back from the LRS is the one the same builder makes
// from both computers' rows together, and its counts are the sums of the two local reports.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_ID } from '../../../test/support/article';
import { rightAnswer, wrongAnswer } from '../../../test/support/answers';
import { REAL_LESSONS, callOk, errorOf, useBackend } from '../../../test/support/backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from '../../../test/support/lrs';
import { VERBS } from '../../core/xapi';
import { buildClassReport } from '../../../test/support/reports';
import { paragraphOpenings } from '../../core/excerpt';
import type { ClassReport, ReportInput } from '../../core/reports/class-report';
import type { Backend } from '../backend';
import { LearnerDatabase } from '../db/learner-database';
import { ReportsRepository } from '../db/repositories/reports';
import { LessonStore } from '../lesson-store';

const store = new LessonStore(REAL_LESSONS);
const article = store.get(ARTICLE_ID);
const quiz = store.quiz(ARTICLE_ID);
/** Glossed words in three different paragraphs, for look-ups that land in more than one paragraph row. */
const words = [...new Map(article.tokens.filter((t) => t.gloss).map((t) => [t.paragraph, t])).values()].slice(0, 3);

let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startTestLrs();
}, 30_000);
afterAll(async () => {
  await lrs.close();
});

/** A clock that moves a second at every reading, so attempts and answers have an order of their own. */
function ticking(start: string): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

interface Computer {
  backend: Backend;
  teacherToken: string;
}

async function computer(backend: Backend): Promise<Computer> {
  const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
  await callOk(backend, 'lrs:save', { teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret: LRS_PASSWORD, namesShown: true });
  return { backend, teacherToken };
}

/**
 * A learner's work on the article: reading, look-ups, a status, and whole attempts. `miss` picks the questions
 * answered wrong; `attempts` how many (the report counts the first finished); `finish: false` leaves the last
 * one a question short. A typed near miss earns a second try on the first attempt.
 */
async function learner(c: Computer, name: string, plan: { miss: (i: number) => boolean; attempts?: number; finish?: boolean; lookups: number }): Promise<string> {
  const { backend } = c;
  const { id: learnerId } = await callOk(backend, 'learners:create', { name });
  await callOk(backend, 'reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 30 + name.length });
  for (const word of words.slice(0, plan.lookups)) await callOk(backend, 'reading:lookup', { learnerId, lessonId: ARTICLE_ID, token: word.index, paragraph: word.paragraph });
  await callOk(backend, 'reading:setStatus', { learnerId, lessonId: ARTICLE_ID, token: words[0]!.index, status: plan.lookups > 1 ? 'learning' : 'known' });
  const attempts = plan.attempts ?? 1;
  for (let n = 0; n < attempts; n += 1) {
    const attempt = await callOk(backend, 'quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'comprehension' });
    const last = n === attempts - 1 && plan.finish === false ? attempt.questions.length - 1 : attempt.questions.length;
    for (const [i, view] of attempt.questions.slice(0, last).entries()) {
      const question = quiz.questions.find((q) => q.id === view.id)!;
      if (n === 0 && question.id === 'trip-length') {
        const nearMiss = await callOk(backend, 'quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer: { type: 'short-answer', text: 'sept jour' }, timeMs: 3000, secondTryOnNearMiss: true });
        expect(nearMiss).toHaveProperty('tryAgain');
      }
      const answer = plan.miss(i + n) ? wrongAnswer(question) : rightAnswer(question);
      await callOk(backend, 'quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer, timeMs: 2000 + i * 10 });
    }
  }
  return learnerId;
}

const rowsOf = (backend: Backend): Omit<ReportInput, 'lesson' | 'quiz'> => new ReportsRepository(new LearnerDatabase(backend.db)).rows(ARTICLE_ID, 1);

describe('the class report from the LRS', () => {
  const { start, dataDir } = useBackend();
  let secondDir = '';
  afterEach(() => removeTempDir(secondDir));

  it('is the report of both computers’ answers together, with the same numbers', async () => {
    secondDir = makeTempDir('liseuse-data-b-');
    const a = await computer(start(REAL_LESSONS, ticking('2026-12-01T09:00:00Z'), { xapiSyncMs: 0 }));
    const b = await computer(start(REAL_LESSONS, ticking('2026-12-01T09:30:00Z'), { xapiSyncMs: 0, dataDir: secondDir }));
    expect(secondDir).not.toBe(dataDir);

    await learner(a, 'Ana', { miss: (i) => i % 3 === 0, lookups: 3 });
    await learner(a, 'Bruno', { miss: (i) => i % 2 === 0, attempts: 2, lookups: 1 });
    await learner(a, 'Chloé', { miss: () => false, finish: false, lookups: 2 });
    await learner(b, 'Dana', { miss: (i) => i % 4 === 1, lookups: 2 });
    await learner(b, 'Élie', { miss: (i) => i % 5 < 2, attempts: 3, lookups: 0 });
    await learner(b, 'Farid', { miss: () => true, lookups: 3 });
    // The teacher grades Ana's open answers on computer A: the regrade (a void and a new statement) goes too.
    const open = await callOk(a.backend, 'openAnswers:list', { teacherToken: a.teacherToken, lessonId: ARTICLE_ID });
    for (const [i, answer] of open.answers.entries()) {
      await callOk(a.backend, 'openAnswers:grade', { teacherToken: a.teacherToken, answerId: answer.answerId, score: i % 2 ? 0.5 : 0.75, comment: 'Vu.' });
    }
    expect(open.answers.length).toBeGreaterThan(0);

    for (const c of [a, b]) expect(await callOk(c.backend, 'lrs:syncNow', { teacherToken: c.teacherToken })).toMatchObject({ pending: 0, failed: 0 });

    const fromLrs = await callOk(a.backend, 'reports:classFromLrs', { teacherToken: a.teacherToken, lessonId: ARTICLE_ID });
    const localA = await callOk(a.backend, 'reports:class', { teacherToken: a.teacherToken, lessonId: ARTICLE_ID });
    const localB = await callOk(b.backend, 'reports:class', { teacherToken: b.teacherToken, lessonId: ARTICLE_ID });
    expect(fromLrs).toMatchObject({ learners: 6, computers: 2, skipped: 0, skippedReasons: [] });
    // Read and not counted: the passed/failed beside each `completed` (the verdict is recomputed) and the voids of the
    // regrades: each graded answer's old statement, and the completed and passed/failed its new score replaced.
    const voids = await lrs.statements({ verb: VERBS.voided.id });
    expect(voids.length).toBeGreaterThanOrEqual(open.answers.length);
    expect(fromLrs.statementsRead).toBe(fromLrs.statementsUsed + countPassedFailed(fromLrs.report) + voids.length);

    // Every learner row is the one their own computer reports.
    const byId = (report: ClassReport): Map<string, ClassReport['learners'][number]> => new Map(report.learners.map((l) => [l.id, l]));
    expect(byId(fromLrs.report)).toEqual(new Map([...byId(localA), ...byId(localB)]));

    // Question and paragraph rows: what the same builder makes of both computers' rows together…
    const [rowsA, rowsB] = [rowsOf(a.backend), rowsOf(b.backend)];
    const union: ReportInput = {
      lesson: { id: ARTICLE_ID, title: article.manifest.title, paragraphOpenings: paragraphOpenings(article), version: 1, versions: [1] },
      quiz,
      learners: [...rowsA.learners, ...rowsB.learners].sort((x, y) => x.name.localeCompare(y.name, 'fr')),
      attempts: [...rowsA.attempts, ...rowsB.attempts].sort((x, y) => x.startedAt.localeCompare(y.startedAt)),
      answers: [...rowsA.answers, ...rowsB.answers],
      lookups: [...rowsA.lookups, ...rowsB.lookups],
      readingSeconds: { ...rowsA.readingSeconds, ...rowsB.readingSeconds },
      statuses: [...rowsA.statuses, ...rowsB.statuses],
    };
    const both = buildClassReport(union, new Date());
    expect(fromLrs.report.questions).toEqual(both.questions);
    expect(fromLrs.report.paragraphs).toEqual(both.paragraphs);
    expect(fromLrs.report.learners).toEqual(both.learners);

    // …and each count is the two local reports' sum.
    fromLrs.report.questions.forEach((q, i) => {
      const [qa, qb] = [localA.questions[i]!, localB.questions[i]!];
      expect([q.answered, q.awaiting]).toEqual([qa.answered + qb.answered, qa.awaiting + qb.awaiting]);
      expect(q.facility * q.answered).toBeCloseTo(qa.facility * qa.answered + qb.facility * qb.answered, 9);
    });
    fromLrs.report.paragraphs.forEach((p, i) => {
      const [pa, pb] = [localA.paragraphs[i]!, localB.paragraphs[i]!];
      expect([p.lookups, p.learnersLookingUp, p.misses]).toEqual([pa.lookups + pb.lookups, pa.learnersLookingUp + pb.learnersLookingUp, pa.misses + pb.misses]);
    });
    // Not a report of nothing: misses, look-ups, reading time and the teacher's grades are in it.
    expect(fromLrs.report.questions.some((q) => q.facility > 0 && q.facility < 1)).toBe(true);
    expect(fromLrs.report.paragraphs.filter((p) => p.lookups > 0).length).toBeGreaterThan(1);
    expect(fromLrs.report.learners.every((l) => l.readingSeconds > 0)).toBe(true);
    expect(fromLrs.report.learners.find((l) => l.name === 'Chloé')).toMatchObject({ finishedAttempts: 0, lastScore: null });
  }, 120_000);

  it('says so when no LRS is set, and when the LRS cannot be reached; nothing half-read is shown', async () => {
    const backend = start(REAL_LESSONS, undefined, { xapiSyncMs: 0 });
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    const notSet = errorOf(await backend.call('reports:classFromLrs', { teacherToken, lessonId: ARTICLE_ID }));
    expect(notSet).toMatchObject({ code: 'invalid_input', message: 'Save the LRS address and credentials first.' });

    await callOk(backend, 'lrs:save', { teacherToken, endpoint: 'http://127.0.0.1:9/xAPI', username: LRS_USER, secret: LRS_PASSWORD, namesShown: false });
    const unreachable = errorOf(await backend.call('reports:classFromLrs', { teacherToken, lessonId: ARTICLE_ID }));
    expect(unreachable).toMatchObject({ code: 'conflict' });
    expect(unreachable.message).toMatch(/^The school’s LRS could not be reached, so no report from it is shown\./);

    await callOk(backend, 'lrs:save', { teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret: 'wrong', namesShown: false });
    const refused = errorOf(await backend.call('reports:classFromLrs', { teacherToken, lessonId: ARTICLE_ID }));
    expect(refused.message).toMatch(/refused the user name or password/);
  }, 60_000);
});

/** The passed/failed statements: read, and not needed (the report recomputes the verdict from the answers). */
function countPassedFailed(report: ClassReport): number {
  return report.learners.reduce((n, l) => n + l.finishedAttempts, 0);
}
