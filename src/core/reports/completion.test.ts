import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../../test/support/article';
import { loadQuiz } from '../quiz';
import { buildClassReportFrom, classReportInput, type ReportInput } from './class-report';
import { quizCompletion } from './completion';

const lesson = loadArticle();
const quiz = loadQuiz(readArticleFile('quiz.json'), lesson);

/** A class of one: `attempts` in the order started, each with how many questions it answered. */
function reportOf(attempts: { finished: boolean; answered: number }[]): ReportInput {
  return {
    lesson: { id: 'kim-russie', title: 'Kim', paragraphOpenings: Array.from({ length: 9 }, (_, p) => `Paragraph ${p + 1}`), version: 1, versions: [1] },
    quiz,
    learners: [{ id: 'l-1', name: 'Amélie' }],
    attempts: attempts.map((a, n) => ({
      id: `a-${n}`,
      learnerId: 'l-1',
      startedAt: `2026-11-3${n}T09:00:00.000Z`,
      finishedAt: a.finished ? `2026-11-3${n}T09:30:00.000Z` : null,
      score: a.finished ? 0.5 : null,
    })),
    answers: attempts.flatMap((a, n) =>
      quiz.questions.slice(0, a.answered).map((q) => ({
        attemptId: `a-${n}`,
        questionId: q.id,
        answer: '{"type":"true-false","value":true}',
        score: 0,
        verdict: 'wrong' as const,
        timeMs: 1000,
        answeredAt: `2026-11-3${n}T09:10:00.000Z`,
      })),
    ),
    lookups: [],
    readingSeconds: {},
    statuses: [],
  };
}

const completionIn = (input: ReportInput): number | undefined => buildClassReportFrom(classReportInput(input), new Date()).learners[0]?.completion;

describe('completion of a lesson’s quiz', () => {
  it('a learner who finished the quiz once has completed it, even with a new attempt under way', () => {
    expect(completionIn(reportOf([{ finished: true, answered: quiz.questions.length }, { finished: false, answered: 8 }]))).toBe(1);
  });

  it('before any finished attempt, it is the share answered in the latest attempt', () => {
    expect(completionIn(reportOf([{ finished: false, answered: 4 }, { finished: false, answered: 8 }]))).toBeCloseTo(8 / quiz.questions.length);
  });

  it('nothing answered is 0, and a lesson without a quiz has nothing to complete', () => {
    expect(completionIn(reportOf([]))).toBe(0);
    expect(quizCompletion([], new Map(), 0)).toBe(0);
  });
});
