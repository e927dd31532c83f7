// An attempt's score from its answers, in one place: saving an answer, finishing an attempt, the teacher grading an
// open answer and regrading after an accepted or rejected answer all compute it here.
import type { Verdict } from './grading';

export interface ScoredAnswer {
  /** 0..1 */
  score: number;
  verdict: Verdict;
}

export interface AttemptScore {
  /** Mean over the questions that count, 0..1; null while none counts yet. */
  score: number | null;
  /** Open answers the teacher has not graded: they count in the score only once graded. */
  awaiting: number;
}

/**
 * The mean over the attempt's questions, each 0..1. A question with no answer counts 0 (pass `questionCount`, the
 * attempt's number of questions; without it only the answers given are counted); an open answer awaiting the teacher
 * counts in neither the sum nor the number of questions, and is reported in `awaiting`.
 */
export function attemptScore(answers: readonly ScoredAnswer[], questionCount = answers.length): AttemptScore {
  const counted = answers.filter((a) => a.verdict !== 'awaiting');
  const awaiting = answers.length - counted.length;
  const over = Math.max(questionCount, answers.length) - awaiting;
  const total = counted.reduce((sum, a) => sum + a.score, 0);
  return { score: over > 0 ? total / over : null, awaiting };
}
