// Open questions end to end through the backend's one entry point, on a real SQLite file and the real quiz: the
// answer awaits the teacher, counts in no score until graded, and the grade and comment reach the learner.
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../core/grading';
import type { QuestionView } from '../../core/quiz-view';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ExportOutcome, Learner } from '../../shared/types';
import type { ClassReport, LearnerReport } from '../../shared/contract/reports';
import { pdfText } from '../../../test/support/pdf-text';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const LESSON = 'kim-russie';
const SUMMARY = 'Kim et Poutine se sont vus à Vostochni ; Poutine parle ensuite de coopération militaire et spatiale.';

/** True, the first option, the shown order: right or wrong, every keyed answer gets its score at once. */
function keyedAnswer(question: QuestionView): Answer {
  switch (question.type) {
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'single':
    case 'multiple':
      return question.type === 'single' ? { type: 'single', choice: question.options[0]!.id } : { type: 'multiple', choices: [question.options[0]!.id] };
    case 'short-answer':
      return { type: 'short-answer', text: 'sept jours' };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: 'x' } : { type: 'cloze', mode: 'choice', choice: question.options[0]!.id };
    case 'matching':
      return { type: 'matching', pairs: {} };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: SUMMARY };
  }
}

function downloaded(outcome: ExportOutcome): Buffer {
  if (!('download' in outcome)) throw new Error('expected a download');
  return Buffer.from(outcome.download.base64, 'base64');
}

describe('open questions', () => {
  let dir: string;
  let backend: Backend;
  let learner: Learner;
  let teacherToken: string;

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await backend.call(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<K>;
  }

  beforeEach(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test' });
    learner = await call('learners:create', { name: 'Amélie' });
    ({ teacherToken } = await call('teacher:setPin', { pin: '246813' }));
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dir);
  });

  /** A whole attempt answered; returns it with the keyed questions' mean score. */
  async function finishAttempt(): Promise<{ attemptId: string; keyedMean: number }> {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    let keyed = 0;
    let keyedCount = 0;
    let last;
    for (const question of attempt.questions) {
      last = await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer: keyedAnswer(question), timeMs: 1000 });
      if (question.type === 'open') {
        expect(last.feedback).toMatchObject({ verdict: 'awaiting', score: 0, answer: [] });
        expect(JSON.stringify(last.feedback)).not.toContain('Full marks');
      } else {
        keyed += last.feedback?.score ?? 0;
        keyedCount++;
      }
    }
    expect(last?.attempt.awaiting).toBe(2);
    expect(last?.attempt.score).toBeCloseTo(keyed / keyedCount, 10);
    expect(last?.attempt.finishedAt).not.toBeNull();
    return { attemptId: attempt.id, keyedMean: keyed / keyedCount };
  }

  it('awaits the teacher, then counts the grade in the attempt’s score and shows the comment to the learner', async () => {
    const { attemptId, keyedMean } = await finishAttempt();
    const keyedCount = (await call('quiz:attempt', { learnerId: learner.id, attemptId })).questionCount - 2;

    const list = await call('openAnswers:list', { teacherToken, lessonId: LESSON });
    expect(list.questions.map((q) => q.id)).toEqual(['summary-summit', 'deal-opinion']);
    expect(list.questions[0]?.guidance).toMatch(/Full marks/);
    expect(list.answers).toHaveLength(2);
    expect(list.answers[0]).toMatchObject({ learner: { id: learner.id, name: 'Amélie' }, text: SUMMARY, grade: null });

    const summary = list.answers.find((a) => a.questionId === 'summary-summit')!;
    const graded = await call('openAnswers:grade', { teacherToken, answerId: summary.answerId, score: 0.75, comment: '  Bien résumé ; il manque « dans la région de l’Amour ».  ' });
    expect(graded.grade).toMatchObject({ score: 0.75, comment: 'Bien résumé ; il manque « dans la région de l’Amour ».' });

    const view = await call('quiz:attempt', { learnerId: learner.id, attemptId });
    expect(view.awaiting).toBe(1);
    expect(view.score).toBeCloseTo((keyedMean * keyedCount + 0.75) / (keyedCount + 1), 10);
    expect(view.feedback['summary-summit']).toMatchObject({ verdict: 'partial', score: 0.75, teacher: { score: 0.75, comment: 'Bien résumé ; il manque « dans la région de l’Amour ».' } });
    expect(view.feedback['deal-opinion']).toMatchObject({ verdict: 'awaiting' });
    expect(view.feedback['deal-opinion']?.teacher).toBeUndefined();

    // Graded again: the new grade replaces the first, and the score follows.
    const opinion = list.answers.find((a) => a.questionId === 'deal-opinion')!;
    await call('openAnswers:grade', { teacherToken, answerId: opinion.answerId, score: 0, comment: '' });
    await call('openAnswers:grade', { teacherToken, answerId: summary.answerId, score: 1, comment: 'Parfait.' });
    const overview = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(overview.attempts[0]).toMatchObject({ awaiting: 0 });
    expect(overview.scores.comprehension.last).toBeCloseTo((keyedMean * keyedCount + 1) / (keyedCount + 2), 10);
    expect((await call('openAnswers:list', { teacherToken, lessonId: LESSON })).answers.map((a) => a.grade?.score)).toEqual([1, 0]);
  });

  it('refuses a grade off the scale, an answer that is not to an open question, and a call without the teacher', async () => {
    const { attemptId } = await finishAttempt();
    const view = await call('quiz:attempt', { learnerId: learner.id, attemptId });
    const answerId = (await call('openAnswers:list', { teacherToken, lessonId: LESSON })).answers[0]!.answerId;
    const off = await backend.call('openAnswers:grade', { teacherToken, answerId, score: 0.6, comment: '' });
    expect(off).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await backend.call('openAnswers:grade', { teacherToken, answerId: '00000000-0000-4000-8000-000000000000', score: 1, comment: '' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const locked = await backend.call('openAnswers:list', { teacherToken: 'x'.repeat(30), lessonId: LESSON });
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call('quiz:attempt', { learnerId: learner.id, attemptId })).score).toBe(view.score);
  });

  it('refuses an empty open answer, and keeps nothing of it', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const empty = await backend.call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'summary-summit', answer: { type: 'open', text: '   ' }, timeMs: 10 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id })).answered).toBe(0);
  });

  it('reaches the learner’s lesson card and progress page once graded', async () => {
    await finishAttempt();
    const list = await call('openAnswers:list', { teacherToken, lessonId: LESSON });
    expect((await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON })).teacherNotes).toEqual([]);
    const summary = list.answers.find((a) => a.questionId === 'summary-summit')!;
    await call('openAnswers:grade', { teacherToken, answerId: summary.answerId, score: 0.5, comment: 'Il manque le lieu.' });
    const note = { lessonId: LESSON, questionId: 'summary-summit', answer: SUMMARY, answerLang: 'fr', promptLang: 'fr', score: 0.5, comment: 'Il manque le lieu.' };
    expect((await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON })).teacherNotes).toMatchObject([note]);
    expect((await call('progress:get', { learnerId: learner.id })).teacherNotes).toMatchObject([note]);
  });

  it('shows in every export: awaiting the teacher, then with the grade and the comment', async () => {
    await finishAttempt();
    const exportOf = async (report: 'class' | 'attempts' | 'learner', format: 'csv' | 'pdf' | 'json'): Promise<Buffer> =>
      downloaded(await call('reports:export', { teacherToken, lessonId: LESSON, report, format, ...(report === 'learner' ? { learnerId: learner.id } : {}) }));
    const rowsOf = async (): Promise<Record<string, string>[]> =>
      (parse(await exportOf('attempts', 'csv'), { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.question_id === 'summary-summit');

    expect(await rowsOf()).toMatchObject([{ answer: SUMMARY, verdict: 'awaiting the teacher', score_pct: '', teacher_comment: '' }]);
    const before = JSON.parse((await exportOf('class', 'json')).toString()) as ClassReport;
    expect(before.questions.find((q) => q.questionId === 'summary-summit')).toMatchObject({ answered: 0, awaiting: 1 });
    // The PDF's table wraps a cell over lines that interleave with its neighbours' in the text read back: words, not phrases.
    expect(await pdfText(await exportOf('learner', 'pdf'))).toMatch(/Awaiting[\s\S]*the teacher/);

    const { answers } = await call('openAnswers:list', { teacherToken, lessonId: LESSON });
    await call('openAnswers:grade', { teacherToken, answerId: answers.find((a) => a.questionId === 'summary-summit')!.answerId, score: 0.75, comment: 'Clair, mais le lieu manque.' });

    const [row] = await rowsOf();
    expect(row).toMatchObject({ verdict: 'partial', teacher_comment: 'Clair, mais le lieu manque.' });
    expect(row?.score_pct).toBe('75');
    const after = JSON.parse((await exportOf('class', 'json')).toString()) as ClassReport;
    expect(after.questions.find((q) => q.questionId === 'summary-summit')).toMatchObject({ answered: 1, awaiting: 0, facility: 0.75 });
    const learnerJson = JSON.parse((await exportOf('learner', 'json')).toString()) as LearnerReport;
    expect(learnerJson.attempts[0]?.answers.find((a) => a.questionId === 'summary-summit')).toMatchObject({ given: SUMMARY, score: 0.75, teacherComment: 'Clair, mais le lieu manque.' });
    expect(await pdfText(await exportOf('learner', 'pdf'))).toMatch(/Teacher:[\s\S]*Clair,[\s\S]*manque\./);
  }, 30_000);
});
