// The one rule for an attempt's score, used when an attempt is finished, when a question is regraded, and by
// anything else that recomputes a score from stored answers.

/** The mean of the attempt's question scores (each 0..1): a question with no answer counts 0. */
export function attemptScore(answerScores: readonly number[], questionCount: number): number {
  if (questionCount <= 0) return 0;
  return answerScores.reduce((sum, score) => sum + score, 0) / questionCount;
}
