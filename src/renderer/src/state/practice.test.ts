// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Feedback, QuestionView } from '../../../core/quiz-view';
import type { AttemptView } from '../../../shared/contract/quiz';
import { fakeApi, refused } from './fake-api';
import { missedQuestions, PracticeState } from './practice.svelte';
import { SessionState } from './session.svelte';

const questions: QuestionView[] = [
  { id: 'trip-length', prompt: 'How long did Kim stay in Russia?', promptLang: 'en', type: 'short-answer', answerLang: 'fr' },
  { id: 'who-invited', prompt: 'Who invited Kim?', promptLang: 'en', type: 'true-false' },
  { id: 'train', prompt: 'How did Kim travel?', promptLang: 'en', type: 'true-false' },
  { id: 'station', prompt: 'Where did the train stop?', promptLang: 'en', type: 'short-answer', answerLang: 'fr' },
];
const feedback = (questionId: string, score: number): Feedback => ({
  questionId,
  score,
  verdict: score >= 1 ? 'correct' : score > 0 ? 'partial' : 'wrong',
  explanation: 'Le voyage a duré sept jours.',
  explanationLang: 'fr',
  answer: ['sept jours'],
  answerLang: 'fr',
  given: 'dix jours',
  evidence: { paragraph: 1, quote: 'sept jours', start: 120, end: 130 },
});
const finished: AttemptView = {
  firstTries: {},
  awaiting: 0,
  glosses: true,
  id: 'a-1',
  lessonId: 'kim-russie',
  kind: 'comprehension',
  startedAt: '2026-11-30T09:00:00.000Z',
  finishedAt: '2026-11-30T09:10:00.000Z',
  score: 0.375,
  answered: 4,
  questionCount: 4,
  questions,
  feedback: { 'trip-length': feedback('trip-length', 0), 'who-invited': feedback('who-invited', 1), train: feedback('train', 0.5), station: feedback('station', 0) },
};

describe('retrying the questions missed', () => {
  it('are those below full marks, in the attempt’s order', () => {
    expect(missedQuestions(finished).map((q) => q.id)).toEqual(['trip-length', 'train', 'station']);
  });

  it('each practice answer is graded by the backend for this attempt, shown, and the round moves on', async () => {
    const fake = fakeApi({ 'quiz:practise': async () => ({ ...feedback('trip-length', 1), given: 'sept jours' }) });
    const app = new SessionState(fake.api);
    const practice = new PracticeState('l-1', finished, fake.api, app);
    expect(practice.current?.id).toBe('trip-length');
    expect(await practice.submit({ type: 'short-answer', text: 'sept jours' })).toBe(true);
    expect(fake.inputsOf('quiz:practise')).toEqual([{ learnerId: 'l-1', attemptId: 'a-1', questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' } }]);
    expect(practice.currentFeedback?.verdict).toBe('correct');
    expect(practice.rightCount).toBe(1);
    // One answer per question of the round.
    expect(await practice.submit({ type: 'short-answer', text: 'neuf jours' })).toBe(false);
    practice.next();
    expect(practice.current?.id).toBe('train');
    practice.next();
    expect(practice.isLast).toBe(true);
    practice.next();
    expect(practice.current?.id).toBe('station');
  });

  it('a refusal shows no feedback and says why', async () => {
    const why = 'Finish this attempt before practising its questions again.';
    const fake = fakeApi({ 'quiz:practise': refused('conflict', why) });
    const app = new SessionState(fake.api);
    const practice = new PracticeState('l-1', finished, fake.api, app);
    expect(await practice.submit({ type: 'short-answer', text: 'sept jours' })).toBe(false);
    expect(practice.currentFeedback).toBeUndefined();
    expect(app.error).toBe(why);
  });
});
