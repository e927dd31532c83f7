// The teacher accepts, then rejects, a typed answer, on a real backend and SQLite file: every stored answer to the
// question is regraded, finished attempts' scores and the class report change, new answers are graded the new
// way, and the change is logged in the reports and exports.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../core/grading';
import type { QuestionView } from '../../core/quiz-view';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ExportOutcome, Learner } from '../../shared/types';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { pdfText } from '../../../test/support/pdf-text';
import { createBackend, type Backend } from '../backend';

const LESSON = 'kim-russie';
const QUESTION = 'trip-length';
const QUESTION_COUNT = 23;

async function call<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/** Some answer of the right shape: what it scores does not matter here, only the typed question does. */
function anyAnswer(question: QuestionView): Answer {
  switch (question.type) {
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'single':
      return { type: 'single', choice: question.options[0]!.id };
    case 'multiple':
      return { type: 'multiple', choices: [question.options[0]!.id] };
    case 'short-answer':
      return { type: 'short-answer', text: 'je ne sais pas' };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: 'blindé' } : { type: 'cloze', mode: 'choice', choice: question.options[0]!.id };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.left.map((l, i) => [l.id, question.right[i]!.id])) };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Je ne sais pas encore.' };
  }
}

describe('the teacher accepts or rejects a typed answer', () => {
  let dir: string;
  let backend: Backend;
  let token: string;
  const learners: Record<string, Learner> = {};

  /** A finished attempt in which the learner typed `typed` to the trip-length question. */
  async function takeQuiz(name: string, typed: string, finish = true): Promise<void> {
    const learner = (learners[name] ??= await call(backend, 'learners:create', { name }));
    const attempt = await call(backend, 'quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    for (const question of attempt.questions) {
      if (!finish && question.id !== QUESTION) continue;
      const answer: Answer = question.id === QUESTION ? { type: 'short-answer', text: typed } : anyAnswer(question);
      await call(backend, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 1000 });
    }
  }

  const classReport = () => call(backend, 'reports:class', { teacherToken: token, lessonId: LESSON });
  const bestOf = async (name: string) => (await classReport()).learners.find((l) => l.name === name)?.bestScore;
  const responses = () => call(backend, 'reports:responses', { teacherToken: token, lessonId: LESSON, questionId: QUESTION });
  const decide = (text: string, accept: boolean) => backend.call('reports:decideAnswer', { teacherToken: token, lessonId: LESSON, questionId: QUESTION, text, accept });

  beforeEach(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test', now: () => new Date('2026-12-01T09:30:00Z') });
    token = (await call(backend, 'teacher:setPin', { pin: '482916' })).teacherToken;
    for (const key of Object.keys(learners)) delete learners[key];
    await takeQuiz('Ana', 'huit jours');
    await takeQuiz('Bruno', 'Huit  jours.');
    await takeQuiz('Chloé', 'une semaine');
    await takeQuiz('Dylan', 'huit jours', false);
  }, 30_000);

  afterEach(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('lists every distinct typed answer with its count, verdict and who gave it', async () => {
    const view = await responses();
    expect(view).toMatchObject({ questionId: QUESTION, number: 1, answerLang: 'fr', accepted: view.quizAccepted, regradings: [] });
    expect(view.responses).toEqual([
      { answer: 'huit jours', count: 3, verdict: 'wrong', score: 0, learners: ['Ana', 'Bruno', 'Dylan'], accepted: false },
      { answer: 'une semaine', count: 1, verdict: 'correct', score: 1, learners: ['Chloé'], accepted: true },
    ]);
    // Item analysis names what those who missed it typed, instead of "—".
    expect((await classReport()).questions[0]?.wrongChoices[0]).toMatchObject({ text: 'huit jours', count: 2 });
  });

  it('accepting regrades every stored answer and every finished attempt, and the reports say so', async () => {
    const before = { ana: await bestOf('Ana'), chloe: await bestOf('Chloé') };
    const accepted = await decide('huit jours', true);
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    const entry = accepted.value as CallOutput<'reports:decideAnswer'>;
    expect(entry).toMatchObject({ questionId: QUESTION, number: 1, by: 'teacher', at: '2026-12-01T09:30:00.000Z', change: 'accepted', answer: 'huit jours', answersChanged: 3 });
    // Dylan's attempt is unfinished: his answer is regraded, but he has no score to change.
    expect(entry.attempts.map((a) => learners.Ana?.id === a.learnerId || learners.Bruno?.id === a.learnerId)).toEqual([true, true]);
    for (const a of entry.attempts) expect(a.after - a.before).toBeCloseTo(1 / QUESTION_COUNT, 10);

    expect((await bestOf('Ana'))! - before.ana!).toBeCloseTo(1 / QUESTION_COUNT, 10);
    expect(await bestOf('Chloé')).toBe(before.chloe);
    const report = await classReport();
    expect(report.questions[0]).toMatchObject({ shareCorrect: 1, wrongChoices: [] });
    expect(report.regradings).toEqual([expect.objectContaining({ questionId: QUESTION, change: 'accepted', answer: 'huit jours' })]);

    const view = await responses();
    expect(view.accepted).toEqual([...view.quizAccepted, 'huit jours']);
    expect(view.responses[0]).toMatchObject({ answer: 'huit jours', verdict: 'correct', score: 1, accepted: true });

    // A new answer is graded with the teacher's list.
    await takeQuiz('Élodie', 'HUIT jours');
    expect((await responses()).responses[0]).toMatchObject({ answer: 'huit jours', count: 4, verdict: 'correct' });

    // The learner's own report and the exports say the question was regraded.
    const ana = await call(backend, 'reports:learner', { teacherToken: token, lessonId: LESSON, learnerId: learners.Ana!.id });
    expect(ana.regradings[0]?.attempts).toHaveLength(1);
    const csv = await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'attempts', format: 'csv', timeZone: 'Europe/Paris' });
    const rows = parse(bytesOf(csv).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const regraded = rows.filter((r) => r.question_id === QUESTION);
    expect(regraded.every((r) => r.regraded === '2026-12-01 10:30:00 accepted « huit jours »: 3 answers regraded, 2 scores changed')).toBe(true);
    expect(rows.filter((r) => r.question_id !== QUESTION).every((r) => r.regraded === '')).toBe(true);
    // In French, the same regrading in French words (the core gives facts, the export words them).
    const csvFr = await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'attempts', format: 'csv', timeZone: 'Europe/Paris', language: 'fr' });
    // A French computer's CSV is the French spreadsheet dialect: semicolons, dd/mm/yyyy dates.
    const rowsFr = parse(bytesOf(csvFr).toString('utf8'), { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rowsFr.filter((r) => r.question_id === QUESTION).map((r) => r.regraded)).toContain(
      '01/12/2026 10:30:00 acceptée «\u00a0huit jours\u00a0»\u00a0: 3\u00a0réponses recorrigées, 2\u00a0scores modifiés',
    );
    const pdfFr = (await pdfText(bytesOf(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, format: 'pdf', report: 'class', language: 'fr' })))).replace(/\s+/g, ' ');
    expect(pdfFr).toContain('Questions recorrigées');
    // pdftotext interleaves the table's wrapped columns: the words are checked, not their order.
    expect(pdfFr).toContain('acceptée « huit jours »');
    expect(pdfFr).toContain('réponses recorrigées');
    expect(pdfFr).not.toMatch(/\(teacher\)/);
    expect(pdfFr).not.toMatch(/answers regraded|scores changed/);
    const json = JSON.parse(bytesOf(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'class', format: 'json' })).toString('utf8'));
    expect(json.regradings).toHaveLength(1);
    for (const request of [{ report: 'class' as const }, { report: 'learner' as const, learnerId: learners.Ana!.id }]) {
      const pdf = bytesOf(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, format: 'pdf', ...request }));
      if (process.env.LISEUSE_KEEP_PDF) writeFileSync(join(process.env.LISEUSE_KEEP_PDF, `regraded-${request.report}.pdf`), pdf);
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(text).toContain('Regraded questions');
      expect(text).toContain('accepted « huit jours »');
      expect(text).toMatch(/\d+% → \d+%/);
    }
  }, 30_000);

  it('rejecting takes the answer out again and every score goes back', async () => {
    const before = await bestOf('Ana');
    expect((await decide('huit jours', true)).ok).toBe(true);
    const rejected = await decide('Huit jours', false);
    expect(rejected).toMatchObject({ ok: true, value: { change: 'rejected', answersChanged: 3 } });
    expect(await bestOf('Ana')).toBeCloseTo(before!, 12);
    expect((await responses()).responses[0]).toMatchObject({ answer: 'huit jours', verdict: 'wrong', accepted: false });
    expect((await classReport()).regradings.map((r) => r.change)).toEqual(['accepted', 'rejected']);
  });

  it('a rejected quiz answer is wrong from then on, for stored and new answers alike', async () => {
    expect(await decide('une semaine', false)).toMatchObject({ ok: true, value: { answersChanged: 1, attempts: [expect.objectContaining({ learnerId: learners.Chloé!.id })] } });
    const view = await responses();
    expect(view.accepted).not.toContain('une semaine');
    expect(view.responses.find((r) => r.answer === 'une semaine')).toMatchObject({ verdict: 'wrong', accepted: false });
  });

  it('refuses what it cannot do, with a reason, and changes nothing', async () => {
    expect(await decide('une semaine', true)).toMatchObject({ ok: false, error: { code: 'conflict', message: '« une semaine » is already accepted for this question.' } });
    expect(await decide('douze jours', false)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const choice = await backend.call('reports:decideAnswer', { teacherToken: token, lessonId: LESSON, questionId: 'news-source', text: 'KCNA', accept: true });
    expect(choice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.call('reports:decideAnswer', { teacherToken: token, lessonId: LESSON, questionId: 'no-such-question', text: 'x', accept: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await backend.call('reports:decideAnswer', { teacherToken: token, lessonId: LESSON, questionId: QUESTION, text: '   ', accept: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await classReport()).regradings).toEqual([]);
    expect((await responses()).accepted).toEqual((await responses()).quizAccepted);
  });
});

function bytesOf(outcome: ExportOutcome): Buffer {
  if (!('download' in outcome)) throw new Error('expected a download in browser mode');
  return Buffer.from(outcome.download.base64, 'base64');
}
