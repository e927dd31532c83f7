import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighbour, type WordsByParagraph } from './navigation';

/** A text whose paragraphs hold these word tokens (the indices in between are punctuation). */
function textOf(paragraphs: number[][]): WordsByParagraph<{ i: number }> {
  return { paragraphCount: paragraphs.length, words: (p) => (paragraphs[p] ?? []).map((i) => ({ i })) };
}

/** Where `step` from token `i` lands: [token, paragraph], or undefined. */
function landing(paragraphs: number[][], i: number, step: number): [number, number] | undefined {
  const paragraph = paragraphs.findIndex((words) => words.some((w) => w >= i));
  const found = neighbour(textOf(paragraphs), paragraph, i, step);
  return found && [found.token.i, found.paragraph];
}

describe('neighbour', () => {
  // Paragraph 1 has no words (a "***" line); token 1 is a comma.
  const TEXT = [[0, 2, 3], [], [5, 7]];
  it.each([
    { case: 'the next word, over punctuation', from: 0, step: 1, lands: [2, 0] },
    { case: 'the previous word', from: 3, step: -1, lands: [2, 0] },
    { case: 'into the next paragraph with words, over an empty one', from: 3, step: 1, lands: [5, 2] },
    { case: 'back into the previous paragraph with words', from: 5, step: -1, lands: [3, 0] },
    { case: 'clamped at the last word', from: 7, step: 1, lands: [7, 2] },
    { case: 'clamped at the first word', from: 0, step: -1, lands: [0, 0] },
    { case: 'several words at once, across paragraphs', from: 2, step: 3, lands: [7, 2] },
    { case: 'from punctuation, the word just after it counts as the start', from: 1, step: 0, lands: [2, 0] },
    { case: 'from punctuation, one step on', from: 1, step: 1, lands: [3, 0] },
  ])('$case', ({ from, step, lands }) => {
    expect(landing(TEXT, from, step)).toEqual(lands);
  });

  it('finds nothing outside the text or where the last paragraph has no word to land on', () => {
    expect(neighbour(textOf(TEXT), -1, 0, 1)).toBeUndefined();
    expect(neighbour(textOf(TEXT), 3, 0, 1)).toBeUndefined();
    expect(landing([[0], []], 0, 1)).toBeUndefined();
  });

  it('moves through the words as one list in reading order, clamped at both ends', () => {
    const texts = fc
      .array(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 5 }), { minLength: 1, maxLength: 6 })
      .filter((gaps) => (gaps[0]?.length ?? 0) > 0 && (gaps.at(-1)?.length ?? 0) > 0)
      .map((gaps) => {
        // Token indices increasing in reading order, with gaps where punctuation sits.
        let i = 0;
        return gaps.map((paragraph) => paragraph.map((gap) => (i += gap)));
      });
    fc.assert(
      fc.property(texts, fc.nat(), fc.integer({ min: -8, max: 8 }), (paragraphs, pick, step) => {
        const all = paragraphs.flat();
        const at = pick % all.length;
        const target = all[Math.max(0, Math.min(all.length - 1, at + step))];
        expect(landing(paragraphs, all[at]!, step)?.[0]).toBe(target);
      }),
    );
  });
});
