// An attempt's score from its answers, in one place: saving an answer, the teacher grading an open answer and
// regrading all compute it here.
import type { Verdict } from './grading';

export interface ScoredAnswer {
  /** 0..1 */
  score: number;
  verdict: Verdict;
}

export interface AttemptScore {
  /** Mean over the answers that count, 0..1; null while none counts yet. */
  score: number | null;
  /** Open answers the teacher has not graded: they count in the score only once graded. */
  awaiting: number;
}

export function attemptScore(answers: readonly ScoredAnswer[]): AttemptScore {
  const counted = answers.filter((a) => a.verdict !== 'awaiting');
  const total = counted.reduce((sum, a) => sum + a.score, 0);
  return { score: counted.length ? total / counted.length : null, awaiting: answers.length - counted.length };
}
