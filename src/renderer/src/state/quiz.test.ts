// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Feedback, QuestionView } from '../../../core/quiz-view';
import type { AnswerOutcome, AttemptView } from '../../../shared/contract/quiz';
import { fakeApi, refused } from './fake-api';
import { QuizState } from './quiz.svelte';
import { SessionState } from './session.svelte';

const questions: QuestionView[] = [
  { id: 'trip-length', prompt: 'How long did Kim stay in Russia?', promptLang: 'en', type: 'short-answer', answerLang: 'fr' },
  { id: 'who-invited', prompt: 'Who invited Kim?', promptLang: 'en', type: 'true-false' },
  { id: 'train', prompt: 'How did Kim travel?', promptLang: 'en', type: 'true-false' },
];
const feedback = (questionId: string, verdict: Feedback['verdict'] = 'correct'): Feedback => ({
  questionId,
  score: verdict === 'correct' ? 1 : 0,
  verdict,
  explanation: 'Le voyage a duré sept jours.',
  explanationLang: 'fr',
  answer: ['sept jours'],
  answerLang: 'fr',
  given: 'sept jours',
  evidence: { paragraph: 1, quote: 'sept jours', start: 120, end: 130 },
});
const attempt = (answered: string[], finishedAt: string | null = null): AttemptView => ({
  glosses: true,
  id: 'a-1',
  lessonId: 'kim-russie',
  kind: 'comprehension',
  startedAt: '2026-11-30T09:00:00.000Z',
  finishedAt,
  score: finishedAt ? 1 : null,
  answered: answered.length,
  questionCount: questions.length,
  questions,
  feedback: Object.fromEntries(answered.map((id) => [id, feedback(id)])),
  firstTries: {},
  awaiting: 0,
});

const outcome: AnswerOutcome = {
  feedback: feedback('trip-length'),
  attempt: { id: 'a-1', kind: 'comprehension', startedAt: '2026-11-30T09:00:00.000Z', finishedAt: null, score: null, answered: 1, questionCount: 3, awaiting: 0 },
};

function quizWith(fake: ReturnType<typeof fakeApi>): { quiz: QuizState; app: SessionState } {
  const app = new SessionState(fake.api);
  return { quiz: new QuizState('l-1', 'a-1', fake.api, app), app };
}

describe('taking a quiz', () => {
  it('a near miss leaves the question open for a second try, which is then graded', async () => {
    const replies: AnswerOutcome[] = [
      { tryAgain: { firstTry: 'sept jour' }, attempt: { ...outcome.attempt, answered: 0 } },
      { ...outcome, feedback: { ...feedback('trip-length'), firstTry: 'sept jour' } },
    ];
    const fake = fakeApi({ 'quiz:attempt': async () => attempt([]), 'quiz:answer': async () => replies.shift()! });
    const { quiz } = quizWith(fake);
    await quiz.load();
    expect(await quiz.submit({ type: 'short-answer', text: 'sept jour' })).toBe(true);
    expect(quiz.current?.id).toBe('trip-length');
    expect(quiz.feedback).toBeUndefined();
    expect(quiz.firstTry).toBe('sept jour');
    expect(await quiz.submit({ type: 'short-answer', text: 'sept jours' })).toBe(true);
    expect(quiz.feedback).toMatchObject({ verdict: 'correct', firstTry: 'sept jour' });
    expect(quiz.firstTry).toBeUndefined();
    expect(fake.inputsOf('quiz:answer')).toEqual([
      expect.objectContaining({ answer: { type: 'short-answer', text: 'sept jour' }, secondTryOnNearMiss: true }),
      expect.objectContaining({ answer: { type: 'short-answer', text: 'sept jours' }, secondTryOnNearMiss: true }),
    ]);
  });

  it('resumes on a second try after a restart', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => ({ ...attempt([]), firstTries: { 'trip-length': 'sept jour' } }) }));
    await quiz.load();
    expect(quiz.current?.id).toBe('trip-length');
    expect(quiz.firstTry).toBe('sept jour');
  });

  it('opens a new attempt on its first question', async () => {
    const fake = fakeApi({ 'quiz:attempt': async () => attempt([]) });
    const { quiz } = quizWith(fake);
    await quiz.load();
    expect(fake.inputsOf('quiz:attempt')).toEqual([{ learnerId: 'l-1', attemptId: 'a-1' }]);
    expect(quiz.current?.id).toBe('trip-length');
    expect(quiz.feedback).toBeUndefined();
    expect(quiz.finished).toBe(false);
    expect(quiz.isLast).toBe(false);
  });

  it('resumes an interrupted attempt at its first unanswered question', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt(['trip-length']) }));
    await quiz.load();
    expect(quiz.index).toBe(1);
    expect(quiz.current?.id).toBe('who-invited');
  });

  it('a finished attempt opens on its last question, with its feedback', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt(['trip-length', 'who-invited', 'train'], '2026-11-30T09:10:00.000Z') }));
    await quiz.load();
    expect(quiz.current?.id).toBe('train');
    expect(quiz.isLast).toBe(true);
    expect(quiz.finished).toBe(true);
    expect(quiz.feedback).toEqual(feedback('train'));
  });

  it('back from the text, the attempt opens on the question the learner left, with its feedback', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt(['trip-length']) }));
    await quiz.load('trip-length');
    expect(quiz.current?.id).toBe('trip-length');
    expect(quiz.feedback).toEqual(feedback('trip-length'));
  });

  it('a question the attempt does not have opens where the attempt stopped', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt(['trip-length']) }));
    await quiz.load('no-such-question');
    expect(quiz.current?.id).toBe('who-invited');
  });

  it('an answer shows its feedback, and the next question follows', async () => {
    const fake = fakeApi({ 'quiz:attempt': async () => attempt([]), 'quiz:answer': async () => outcome });
    const { quiz } = quizWith(fake);
    await quiz.load();
    expect(await quiz.submit({ type: 'short-answer', text: 'sept jours' })).toBe(true);
    const [sent] = fake.inputsOf('quiz:answer') as { timeMs: number }[];
    expect(sent).toEqual({ learnerId: 'l-1', attemptId: 'a-1', questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' }, timeMs: expect.any(Number), secondTryOnNearMiss: true });
    expect(sent!.timeMs).toBeGreaterThanOrEqual(0);
    expect(quiz.feedback).toEqual(feedback('trip-length'));
    expect(quiz.attempt?.answered).toBe(1);
    expect(quiz.submitting).toBe(false);
    quiz.next();
    expect(quiz.current?.id).toBe('who-invited');
    expect(quiz.feedback).toBeUndefined();
  });

  it('an answer the backend refuses shows no feedback and says why', async () => {
    const already = 'This question was already answered.';
    const { quiz, app } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt([]), 'quiz:answer': refused('conflict', already) }));
    await quiz.load();
    expect(await quiz.submit({ type: 'short-answer', text: 'sept jours' })).toBe(false);
    expect(quiz.feedback).toBeUndefined();
    expect(quiz.submitting).toBe(false);
    expect(app.error).toBe(already);
  });

  it('one answer at a time: a second submit while the first is on its way is ignored', async () => {
    let answer: (outcome: AnswerOutcome) => void = () => {};
    const fake = fakeApi({ 'quiz:attempt': async () => attempt([]), 'quiz:answer': () => new Promise((resolve) => (answer = resolve)) });
    const { quiz } = quizWith(fake);
    await quiz.load();
    const first = quiz.submit({ type: 'short-answer', text: 'sept jours' });
    expect(await quiz.submit({ type: 'short-answer', text: 'sept' })).toBe(false);
    answer(outcome);
    expect(await first).toBe(true);
    expect(fake.inputsOf('quiz:answer')).toHaveLength(1);
  });

  it('next stops at the last question', async () => {
    const { quiz } = quizWith(fakeApi({ 'quiz:attempt': async () => attempt(['trip-length', 'who-invited']) }));
    await quiz.load();
    expect(quiz.isLast).toBe(true);
    quiz.next();
    expect(quiz.index).toBe(2);
  });

  it('an attempt that cannot be opened leaves nothing to answer', async () => {
    const missing = 'There is no such quiz attempt for this learner.';
    const { quiz, app } = quizWith(fakeApi({ 'quiz:attempt': refused('not_found', missing) }));
    await quiz.load();
    expect(quiz.attempt).toBeNull();
    expect(await quiz.submit({ type: 'short-answer', text: 'x' })).toBe(false);
    expect(app.error).toBe(missing);
  });
});
