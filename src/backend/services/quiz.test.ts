// The quiz service against the real lesson and quiz, on a real SQLite file, through the backend's one entry point.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../core/grading';
import type { QuestionView } from '../../core/quiz-view';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Learner } from '../../shared/types';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { unpackLesson } from '../../shared/lesson-wire';

const LESSON = 'kim-russie';

/** An answer of the right shape for any question: true, the first option, an empty text, the shown order. */
function someAnswer(question: QuestionView): Answer {
  switch (question.type) {
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'single':
      return { type: 'single', choice: question.options[0]!.id };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'short-answer':
      return { type: 'short-answer', text: '' };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: '' } : { type: 'cloze', mode: 'choice', choice: question.options[0]!.id };
    case 'matching':
      return { type: 'matching', pairs: {} };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
  }
}

describe('quiz attempts', () => {
  let dir: string;
  let backend: Backend;
  let learner: Learner;

  const open = (): Backend => createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test' });

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await backend.call(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<K>;
  }

  beforeEach(async () => {
    dir = makeTempDir();
    backend = open();
    learner = await call('learners:create', { name: 'Amélie' });
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('grades right, wrong and near-miss answers, keeps them across a restart and scores the finished attempt', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    expect(attempt.questions.length).toBeGreaterThanOrEqual(15);
    expect(JSON.stringify(attempt.questions)).not.toContain('accepted');

    const right = await call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'Sept  jours' },
      timeMs: 4200,
    });
    expect(right.feedback.verdict).toBe('correct');
    expect(right.feedback.evidence.paragraph).toBe(1);

    const almost = await call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'which-station',
      answer: { type: 'short-answer', text: 'Tumon' },
      timeMs: 3000,
    });
    expect(almost.feedback.verdict).toBe('almost');
    expect(almost.feedback.score).toBe(0);

    const wrong = await call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'longest-trip',
      answer: { type: 'true-false', value: false },
      timeMs: 1500,
    });
    expect(wrong.feedback.verdict).toBe('wrong');
    expect(wrong.attempt).toMatchObject({ answered: 3, finishedAt: null, score: null });

    // Answering twice is refused; the first answer stands.
    const again = await backend.call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'dix jours' },
      timeMs: 1,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    backend.close();
    backend = open();
    const overview = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(overview.inProgress.comprehension).toMatchObject({ id: attempt.id, answered: 3 });
    const resumed = await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id });
    expect(Object.keys(resumed.feedback).sort()).toEqual(['longest-trip', 'trip-length', 'which-station']);
    expect(resumed.feedback['which-station']?.verdict).toBe('almost');
    // The same option order after a restart.
    expect(resumed.questions).toEqual(attempt.questions);

    // Answer the rest with answers of the right shape, mostly wrong.
    let last;
    for (const question of resumed.questions.filter((q) => !resumed.feedback[q.id])) {
      const answer = someAnswer(question);
      last = await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 1000 });
    }
    expect(last?.attempt.finishedAt).not.toBeNull();
    const score = last?.attempt.score ?? -1;
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);

    const after = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(after).toMatchObject({ best: score, last: score, inProgress: { comprehension: null } });
    const finished = await backend.call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'sept jours' },
      timeMs: 1,
    });
    expect(finished).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps every attempt in history, newest first, and best is the best finished score', async () => {
    const first = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const second = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const overview = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(overview.attempts.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(overview.best).toBeNull();
  });

  it('does not show one learner another learner’s attempt', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const other = await call('learners:create', { name: 'Bruno' });
    const peek = await backend.call('quiz:attempt', { learnerId: other.id, attemptId: attempt.id });
    expect(peek).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const answer = await backend.call('quiz:answer', {
      learnerId: other.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'sept jours' },
      timeMs: 1,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an answer of the wrong shape at the boundary and one that does not fit its question', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const malformed = await backend.call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'essay' }, timeMs: 1 });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const mismatched = await backend.call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'true-false', value: true },
      timeMs: 1,
    });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('practises the words this learner looked up, the same questions when resumed', async () => {
    const view = unpackLesson(await call('lessons:get', { lessonId: LESSON }));
    const blinde = view.paragraphs[2]!.tokens.find((t) => t.gloss?.form === 'blindé')!;
    await call('reading:lookup', { learnerId: learner.id, lessonId: LESSON, token: blinde.i, paragraph: 2 });
    const practice = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'vocabulary' });
    expect(practice.questions.length).toBe(10);
    expect(JSON.stringify(practice.questions[0])).toContain('blind');
    const resumed = await call('quiz:attempt', { learnerId: learner.id, attemptId: practice.id });
    expect(resumed.questions).toEqual(practice.questions);
  });
});
