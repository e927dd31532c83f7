// Classical item analysis for one quiz question across a class: facility, discrimination, the wrong options
// chosen, and what the learners who missed it had looked up while reading.

export interface Response {
  learnerId: string;
  questionId: string;
  /** 0..1 */
  score: number;
  /** Option ids chosen, for choice questions (empty otherwise). */
  chosen: string[];
}

export interface ItemStats {
  questionId: string;
  /** Learners who answered. */
  answered: number;
  /** Share of learners whose answer was fully right. */
  shareCorrect: number;
  /** Facility index p: the mean score, 0..1 (1 = everyone right). */
  facility: number;
  /**
   * Discrimination index D = p(upper 27%) − p(lower 27%), the groups ranked by total quiz score; null when fewer
   * than MIN_LEARNERS_FOR_DISCRIMINATION learners answered, where the groups would be one or two people.
   */
  discrimination: number | null;
  /** How often each wrong option was chosen, most chosen first. */
  wrongChoices: { optionId: string; count: number }[];
  /** Lemmas looked up by the learners who missed this question, with how many of them looked each up. */
  lookedUpByMissers: { lemma: string; learners: number }[];
}

export const MIN_LEARNERS_FOR_DISCRIMINATION = 10;
const GROUP_SHARE = 0.27;

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * @param responses one response per learner and question (the caller picks which attempt counts)
 * @param totals each learner's total score on the quiz, for the discrimination groups
 * @param correctOptions the right option ids of each choice question
 * @param lookups lemmas each learner looked up (in the question's paragraph, or the whole lesson: the caller decides)
 */
export function itemStats(
  questionId: string,
  responses: Response[],
  totals: ReadonlyMap<string, number>,
  correctOptions: readonly string[],
  lookups: (learnerId: string) => readonly string[],
): ItemStats {
  const mine = responses.filter((r) => r.questionId === questionId);
  const answered = mine.length;
  const facility = mean(mine.map((r) => r.score));
  const shareCorrect = answered ? mine.filter((r) => r.score >= 1).length / answered : 0;

  let discrimination: number | null = null;
  if (answered >= MIN_LEARNERS_FOR_DISCRIMINATION) {
    // Ties in total score keep a stable order by learner id, so the same class always gives the same D.
    const ranked = [...mine].sort((a, b) => (totals.get(b.learnerId) ?? 0) - (totals.get(a.learnerId) ?? 0) || a.learnerId.localeCompare(b.learnerId));
    const size = Math.max(1, Math.round(answered * GROUP_SHARE));
    discrimination = mean(ranked.slice(0, size).map((r) => r.score)) - mean(ranked.slice(-size).map((r) => r.score));
  }

  const right = new Set(correctOptions);
  const wrong = new Map<string, number>();
  for (const response of mine) for (const id of response.chosen) if (!right.has(id)) wrong.set(id, (wrong.get(id) ?? 0) + 1);
  const wrongChoices = [...wrong].map(([optionId, count]) => ({ optionId, count })).sort((a, b) => b.count - a.count || a.optionId.localeCompare(b.optionId));

  const byLemma = new Map<string, number>();
  for (const response of mine.filter((r) => r.score < 1)) {
    for (const lemma of new Set(lookups(response.learnerId))) byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + 1);
  }
  const lookedUpByMissers = [...byLemma].map(([lemma, learners]) => ({ lemma, learners })).sort((a, b) => b.learners - a.learners || a.lemma.localeCompare(b.lemma, 'fr'));

  return { questionId, answered, shareCorrect, facility, discrimination, wrongChoices, lookedUpByMissers };
}
