import { describe, expect, it } from 'vitest';
import { mulberry32, seedFrom, shuffle } from './random';

describe('shuffle', () => {
  const items = Array.from({ length: 20 }, (_, i) => `item-${i}`);
  it('is deterministic for a seed', () => {
    expect(shuffle(items, 42)).toEqual(shuffle(items, 42));
    expect(shuffle(items, seedFrom('attempt-1', 'q1'))).toEqual(shuffle(items, seedFrom('attempt-1', 'q1')));
  });
  it('is a permutation and leaves the input alone', () => {
    const copy = [...items];
    const out = shuffle(items, 7);
    expect(items).toEqual(copy);
    expect([...out].sort()).toEqual([...items].sort());
    expect(out).not.toEqual(items);
  });
  it('differs between seeds', () => {
    expect(shuffle(items, 1)).not.toEqual(shuffle(items, 2));
  });
  it('mulberry32 yields numbers in [0, 1)', () => {
    const random = mulberry32(123);
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
