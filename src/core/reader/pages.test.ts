import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_WORDS, PAGE_WORDS, pageOfParagraph, paginate, screenfulFrom } from './pages';

const sum = (counts: readonly number[], from: number, end: number): number => counts.slice(from, end).reduce((a, b) => a + b, 0);

describe('paginate', () => {
  it.each([
    { case: 'no paragraphs, no pages', counts: [], pages: [] },
    { case: 'the article (437 words) is one page', counts: [60, 80, 90, 70, 57, 80], pages: [[0, 6]] },
    { case: 'a page closes once it holds 500 words', counts: [300, 200, 10], pages: [[0, 2], [2, 3]] },
    { case: 'a page short of 500 takes the next paragraph whole', counts: [499, 300, 10], pages: [[0, 2], [2, 3]] },
    { case: 'a paragraph longer than a page is a page alone', counts: [900, 10, 700], pages: [[0, 1], [1, 3]] },
    { case: 'paragraphs without words (***) stay on the page before the next word', counts: [0, 500, 0, 0, 3], pages: [[0, 2], [2, 5]] },
    { case: 'the last page may be short', counts: [250, 250, 1], pages: [[0, 2], [2, 3]] },
  ])('$case', ({ counts, pages }) => {
    expect(paginate(counts)).toEqual(pages);
  });

  it('covers every paragraph once, in order, and closes a page only once it holds PAGE_WORDS words', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 800 }), { maxLength: 60 }), (counts) => {
        const pages = paginate(counts);
        expect(pages.flatMap(([first, end]) => Array.from({ length: end - first }, (_, k) => first + k))).toEqual(counts.map((_, p) => p));
        pages.forEach(([first, end], n) => {
          expect(end).toBeGreaterThan(first);
          // Without its last paragraph a page is under PAGE_WORDS: it closed as soon as it could.
          expect(sum(counts, first, end - 1)).toBeLessThan(PAGE_WORDS);
          if (n < pages.length - 1) expect(sum(counts, first, end)).toBeGreaterThanOrEqual(PAGE_WORDS);
        });
      }),
    );
  });
});

describe('pageOfParagraph', () => {
  const pages: [number, number][] = [
    [0, 2],
    [2, 5],
    [5, 6],
  ];
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [4, 1],
    [5, 2],
  ])('paragraph %i is on page %i', (paragraph, page) => {
    expect(pageOfParagraph(pages, paragraph)).toBe(page);
  });

  it('sends a paragraph on no page (none, or past the end) to the first page', () => {
    expect(pageOfParagraph(pages, -1)).toBe(0);
    expect(pageOfParagraph(pages, 6)).toBe(0);
    expect(pageOfParagraph([], 0)).toBe(0);
  });
});

describe('screenfulFrom', () => {
  const counts = [100, 100, 100, 100, 100, 100];
  it.each([
    { case: 'whole paragraphs up to about FIRST_PAINT_WORDS words', from: 0, end: 6, through: -1, stop: 3 },
    { case: 'from a later paragraph', from: 3, end: 6, through: -1, stop: 6 },
    { case: 'never past the page', from: 0, end: 2, through: -1, stop: 2 },
    { case: 'at least through a paragraph the keyboard goes to', from: 0, end: 6, through: 4, stop: 5 },
    { case: 'nothing left to render', from: 6, end: 6, through: -1, stop: 6 },
  ])('$case', ({ from, end, through, stop }) => {
    expect(screenfulFrom(counts, from, end, through)).toBe(stop);
  });

  it('a paragraph of FIRST_PAINT_WORDS words or more is a screenful alone, and empty paragraphs come along', () => {
    expect(screenfulFrom([FIRST_PAINT_WORDS, 5], 0, 2)).toBe(1);
    expect(screenfulFrom([0, 0, 300, 0], 0, 4)).toBe(3);
  });

  it('renders from `from` to within the page, past `through`, and stops once FIRST_PAINT_WORDS words are in', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.integer({ min: -1, max: 45 }), (counts, a, b, through) => {
        const from = a % counts.length;
        const end = from + 1 + (b % (counts.length - from));
        const stop = screenfulFrom(counts, from, end, through);
        expect(stop).toBeGreaterThan(from);
        expect(stop).toBeLessThanOrEqual(end);
        if (through < end) expect(stop).toBeGreaterThan(Math.min(through, end - 1));
        if (stop < end) expect(sum(counts, from, stop)).toBeGreaterThanOrEqual(FIRST_PAINT_WORDS);
        if (stop - 1 > Math.max(from, through)) expect(sum(counts, from, stop - 1)).toBeLessThan(FIRST_PAINT_WORDS);
      }),
    );
  });
});
