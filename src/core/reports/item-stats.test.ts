import { describe, expect, it } from 'vitest';
import { itemStats, MIN_LEARNERS_FOR_DISCRIMINATION, type Response } from './item-stats';

// A small class worked out by hand. Question q1 (single choice, right option "a"):
//   learner totals (whole quiz): L1 9, L2 8, L3 8, L4 7, L5 6, L6 5, L7 4, L8 3, L9 2, L10 1
//   answers to q1: L1 a, L2 a, L3 a, L4 b, L5 a, L6 c, L7 b, L8 b, L9 c, L10 b
const learners = Array.from({ length: 10 }, (_, i) => `L${i + 1}`);
const totals = new Map(learners.map((id, i) => [id, [9, 8, 8, 7, 6, 5, 4, 3, 2, 1][i]!]));
const chosen = ['a', 'a', 'a', 'b', 'a', 'c', 'b', 'b', 'c', 'b'];
const responses: Response[] = learners.map((learnerId, i) => ({ learnerId, questionId: 'q1', score: chosen[i] === 'a' ? 1 : 0, chosen: [chosen[i]!] }));
const looked: Record<string, string[]> = { L4: ['blindé', 'gare'], L6: ['blindé'], L7: ['gare', 'gare'], L1: ['train'] };

describe('itemStats', () => {
  const stats = itemStats('q1', responses, totals, ['a'], (id) => looked[id] ?? []);

  it('facility is the mean score and share correct the share of full marks: 4 of 10', () => {
    expect(stats.answered).toBe(10);
    expect(stats.facility).toBeCloseTo(0.4, 10);
    expect(stats.shareCorrect).toBeCloseTo(0.4, 10);
  });

  it('discrimination compares the top and bottom 27% (3 learners each): (1+1+1)/3 − (0+0+0)/3 = 1', () => {
    // Top 3 by total: L1, L2, L3 (all right). Bottom 3: L8, L9, L10 (all wrong).
    expect(stats.discrimination).toBeCloseTo(1, 10);
  });

  it('counts each wrong option, most chosen first', () => {
    expect(stats.wrongChoices).toEqual([
      { optionId: 'b', count: 4 },
      { optionId: 'c', count: 2 },
    ]);
  });

  it('lists what the learners who missed it looked up, each learner counted once per word', () => {
    // Missers: L4 (blindé, gare), L6 (blindé), L7 (gare twice). L1 answered right: "train" does not count.
    expect(stats.lookedUpByMissers).toEqual([
      { lemma: 'blindé', learners: 2 },
      { lemma: 'gare', learners: 2 },
    ]);
  });

  it('gives no discrimination index for a class smaller than the minimum', () => {
    const few = itemStats('q1', responses.slice(0, MIN_LEARNERS_FOR_DISCRIMINATION - 1), totals, ['a'], () => []);
    expect(few.discrimination).toBeNull();
    expect(few.answered).toBe(9);
  });

  it('a question nobody answered has zero facility and no discrimination', () => {
    const none = itemStats('q2', responses, totals, ['a'], () => []);
    expect(none).toMatchObject({ answered: 0, facility: 0, shareCorrect: 0, discrimination: null, wrongChoices: [] });
  });

  it('partial scores lower the facility but not the share correct', () => {
    const partial: Response[] = [
      { learnerId: 'A', questionId: 'm', score: 0.5, chosen: [] },
      { learnerId: 'B', questionId: 'm', score: 1, chosen: [] },
    ];
    const result = itemStats('m', partial, new Map(), [], () => []);
    expect(result.facility).toBeCloseTo(0.75, 10);
    expect(result.shareCorrect).toBeCloseTo(0.5, 10);
  });
});
