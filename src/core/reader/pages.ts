// How the reader cuts a lesson into pages of whole paragraphs, and a page into screenfuls rendered one after the
// other. Everything is counted in words (glossed tokens), paragraph by paragraph.

/** About this many words on a page (a couple of screens): the article (437 words) is one page. */
export const PAGE_WORDS = 500;

/** A page renders about this many words (a screenful) at a time: the first at once, the others when idle. */
export const FIRST_PAINT_WORDS = 250;

/** Paragraphs [first, end) of one page. */
export type PageRange = [first: number, end: number];

/** Whole paragraphs per page, a page closing once it holds PAGE_WORDS words; `wordCounts[p]` is paragraph p's. */
export function paginate(wordCounts: readonly number[]): PageRange[] {
  const pages: PageRange[] = [];
  let first = 0;
  let words = 0;
  for (let p = 0; p < wordCounts.length; p++) {
    words += wordCounts[p] ?? 0;
    if (words >= PAGE_WORDS || p === wordCounts.length - 1) {
      pages.push([first, p + 1]);
      first = p + 1;
      words = 0;
    }
  }
  return pages;
}

/** The page holding `paragraph`; the first page when none does. */
export function pageOfParagraph(pages: readonly PageRange[], paragraph: number): number {
  const found = pages.findIndex(([first, end]) => paragraph >= first && paragraph < end);
  return found === -1 ? 0 : found;
}

/**
 * The end (exclusive) of about FIRST_PAINT_WORDS words of whole paragraphs from paragraph `from`, never past
 * `end` (the page's end) and at least past paragraph `through`.
 */
export function screenfulFrom(wordCounts: readonly number[], from: number, end: number, through = -1): number {
  let stop = from;
  for (let words = 0; stop < end && (words < FIRST_PAINT_WORDS || stop <= through); stop++) words += wordCounts[stop] ?? 0;
  return stop;
}
