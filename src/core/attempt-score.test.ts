import { describe, expect, it } from 'vitest';
import { attemptScore } from './attempt-score';

describe('attemptScore', () => {
  it('is the mean of the answers’ scores', () => {
    expect(attemptScore([{ score: 1, verdict: 'correct' }, { score: 0.5, verdict: 'partial' }, { score: 0, verdict: 'wrong' }])).toEqual({ score: 0.5, awaiting: 0 });
  });

  it('leaves out open answers the teacher has not graded, and says how many', () => {
    expect(attemptScore([{ score: 1, verdict: 'correct' }, { score: 0, verdict: 'awaiting' }, { score: 0, verdict: 'wrong' }])).toEqual({ score: 0.5, awaiting: 1 });
  });

  it('counts a graded open answer like any other', () => {
    expect(attemptScore([{ score: 1, verdict: 'correct' }, { score: 0.25, verdict: 'partial' }])).toEqual({ score: 0.625, awaiting: 0 });
  });

  it('has no score while nothing counts yet', () => {
    expect(attemptScore([])).toEqual({ score: null, awaiting: 0 });
    expect(attemptScore([{ score: 0, verdict: 'awaiting' }])).toEqual({ score: null, awaiting: 1 });
  });
});
