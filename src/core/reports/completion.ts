// When a learner has completed a lesson's quiz: the one rule behind the teacher's table and its CSV, PDF and JSON.

/** The column's help, worded once for the app and the exports. */
export const COMPLETION_HELP =
  'Completion is 100% once the learner has finished the comprehension quiz at least once; before that, it is the share of the quiz answered in their latest attempt.';

/**
 * A learner's completion of a lesson's comprehension quiz, 0..1. `attempts` are theirs in the order started;
 * `answeredQuestions` gives the distinct questions answered by attempt id (only the latest attempt's is needed).
 */
export function quizCompletion(
  attempts: readonly { id: string; finishedAt: string | null }[],
  answeredQuestions: ReadonlyMap<string, number>,
  questionCount: number,
): number {
  if (questionCount === 0) return 0;
  if (attempts.some((a) => a.finishedAt !== null)) return 1;
  const latest = attempts.at(-1);
  return latest ? Math.min(1, (answeredQuestions.get(latest.id) ?? 0) / questionCount) : 0;
}
