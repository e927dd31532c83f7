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

  it('after a near miss the learner tries once more: both tries are kept, the second counts, also after a restart', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const send = (text: string) =>
      call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'which-station', answer: { type: 'short-answer', text }, timeMs: 900, secondTryOnNearMiss: true });

    const first = await send('Tumon');
    expect(first.tryAgain).toEqual({ firstTry: 'Tumon' });
    expect(first.feedback).toBeUndefined();
    expect(first.attempt.answered).toBe(0);

    backend.close();
    backend = open();
    const resumed = await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id });
    expect(resumed.firstTries).toEqual({ 'which-station': 'Tumon' });
    expect(resumed.feedback['which-station']).toBeUndefined();

    const second = await send('la Tumen');
    expect(second.tryAgain).toBeUndefined();
    expect(second.feedback).toMatchObject({ verdict: 'correct', score: 1, firstTry: 'Tumon' });
    expect(second.attempt.answered).toBe(1);
    const after = await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id });
    expect(after.feedback['which-station']).toMatchObject({ verdict: 'correct', firstTry: 'Tumon' });

    // The teacher's report on this learner shows both tries beside the counted verdict.
    const { teacherToken } = await call('teacher:setPin', { pin: '246813' });
    const report = await call('reports:learner', { teacherToken, lessonId: LESSON, learnerId: learner.id });
    expect(report.attempts[0]?.answers).toEqual([expect.objectContaining({ questionId: 'which-station', firstTry: 'Tumon', given: 'la Tumen', verdict: 'correct' })]);

    const third = await backend.call('quiz:answer', {
      learnerId: learner.id, attemptId: attempt.id, questionId: 'which-station', answer: { type: 'short-answer', text: 'Tumen' }, timeMs: 1, secondTryOnNearMiss: true,
    });
    expect(third).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a second near miss is final, and only one second try is given', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const send = (text: string) =>
      call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'armoured-train', answer: { type: 'cloze', mode: 'typed', text }, timeMs: 900, secondTryOnNearMiss: true });
    expect((await send('blinde')).tryAgain).toEqual({ firstTry: 'blinde' });
    const second = await send('blinde');
    expect(second.feedback).toMatchObject({ verdict: 'almost', score: 0, firstTry: 'blinde' });
    expect(second.attempt.answered).toBe(1);
  });

  it('without secondTryOnNearMiss a near miss is final at once', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const once = await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'which-station', answer: { type: 'short-answer', text: 'Tumon' }, timeMs: 9 });
    expect(once.feedback).toMatchObject({ verdict: 'almost' });
    expect(once.feedback?.firstTry).toBeUndefined();
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
    expect(right.feedback?.verdict).toBe('correct');
    expect(right.feedback?.evidence.paragraph).toBe(1);

    const almost = await call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'which-station',
      answer: { type: 'short-answer', text: 'Tumon' },
      timeMs: 3000,
    });
    expect(almost.feedback?.verdict).toBe('almost');
    expect(almost.feedback?.score).toBe(0);

    const wrong = await call('quiz:answer', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'longest-trip',
      answer: { type: 'true-false', value: false },
      timeMs: 1500,
    });
    expect(wrong.feedback?.verdict).toBe('wrong');
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
    expect(after).toMatchObject({ scores: { comprehension: { best: score, last: score, finished: 1 } }, inProgress: { comprehension: null } });
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
    expect(overview.scores.comprehension).toEqual({ best: null, last: null, finished: 0 });
  });

  it('each kind has its own last and best: a vocabulary round is not the comprehension quiz’s score', async () => {
    const quiz = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    let comprehension = -1;
    for (const question of quiz.questions) {
      const reply = await call('quiz:answer', { learnerId: learner.id, attemptId: quiz.id, questionId: question.id, answer: someAnswer(question), timeMs: 1 });
      comprehension = reply.attempt.score ?? -1;
    }
    const practice = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'vocabulary' });
    let vocabulary = -1;
    for (const question of practice.questions) {
      const reply = await call('quiz:answer', { learnerId: learner.id, attemptId: practice.id, questionId: question.id, answer: someAnswer(question), timeMs: 1 });
      vocabulary = reply.attempt.score ?? -1;
    }
    const overview = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(overview.scores).toEqual({
      comprehension: { best: comprehension, last: comprehension, finished: 1 },
      vocabulary: { best: vocabulary, last: vocabulary, finished: 1 },
    });
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

  it('practises the questions of a finished attempt again: graded, never stored, never counted', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const early = await backend.call('quiz:practise', {
      learnerId: learner.id,
      attemptId: attempt.id,
      questionId: 'trip-length',
      answer: { type: 'short-answer', text: 'sept jours' },
    });
    // Not before the attempt is finished: practice would be a way to try answers before the counted one.
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    let score = -1;
    for (const question of attempt.questions) {
      const reply = await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer: someAnswer(question), timeMs: 1 });
      score = reply.attempt.score ?? -1;
    }
    const right = await call('quiz:practise', { learnerId: learner.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' } });
    expect(right).toMatchObject({ questionId: 'trip-length', verdict: 'correct', score: 1, given: 'sept jours' });
    const after = await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id });
    expect(after.score).toBe(score);
    expect(after.feedback['trip-length']?.verdict).toBe('wrong');
    const overview = await call('quiz:overview', { learnerId: learner.id, lessonId: LESSON });
    expect(overview.scores.comprehension).toEqual({ best: score, last: score, finished: 1 });
    expect(overview.attempts).toHaveLength(1);
    const stranger = await call('learners:create', { name: 'Bruno' });
    const peek = await backend.call('quiz:practise', { learnerId: stranger.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'x' } });
    expect(peek).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the feedback of an answer says what the learner answered, for the review after the score', async () => {
    const attempt = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const reply = await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'dix jours' }, timeMs: 1 });
    expect(reply.feedback).toMatchObject({ given: 'dix jours', answer: ['sept jours'] });
    const longest = attempt.questions.find((q) => q.id === 'longest-trip')!;
    await call('quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: longest.id, answer: { type: 'true-false', value: false }, timeMs: 1 });
    const view = await call('quiz:attempt', { learnerId: learner.id, attemptId: attempt.id });
    expect(view.feedback['trip-length']?.given).toBe('dix jours');
    // A true-false answer is its value, in no language, flagged for the screen to word (Vrai / Faux, True / False).
    expect(view.feedback['longest-trip']).toMatchObject({ given: 'false', answer: ['true'], trueFalse: true });
    expect(view.feedback['trip-length']?.trueFalse).toBeUndefined();
  });

  it('glosses beside the quiz: on for comprehension and off for vocabulary, until the teacher chooses otherwise for a lesson', async () => {
    const comprehension = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
    const vocabulary = await call('quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'vocabulary' });
    expect([comprehension.glosses, vocabulary.glosses]).toEqual([true, false]);

    const locked = await backend.call('quiz:setGlosses', { teacherToken: 'x'.repeat(40), lessonId: LESSON, kind: 'comprehension', shown: false });
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const { teacherToken } = await call('teacher:setPin', { pin: '482916' });
    expect(await call('quiz:glossSettings', { teacherToken })).toContainEqual({ lessonId: LESSON, comprehension: true, vocabulary: false });
    await call('quiz:setGlosses', { teacherToken, lessonId: LESSON, kind: 'comprehension', shown: false });
    await call('quiz:setGlosses', { teacherToken, lessonId: LESSON, kind: 'vocabulary', shown: true });
    const unknown = await backend.call('quiz:setGlosses', { teacherToken, lessonId: 'no-such-lesson', kind: 'vocabulary', shown: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The choice is kept on this computer and reaches attempts already started.
    backend.close();
    backend = open();
    expect((await call('quiz:attempt', { learnerId: learner.id, attemptId: comprehension.id })).glosses).toBe(false);
    expect((await call('quiz:attempt', { learnerId: learner.id, attemptId: vocabulary.id })).glosses).toBe(true);
  });
});
