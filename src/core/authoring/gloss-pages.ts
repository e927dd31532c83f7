// The gloss editor a page at a time. A draft of a whole book is megabytes of glosses (13 MB of JSON for 100,000
// words), and the editor shows one page of it: it opens on the draft's outline (its text, its entries and, per
// paragraph, how many words it has and how many still need a look), then asks for one page's glosses at a time.
import type { Entry, Expression, TokenGloss } from '../lesson';
import { splitParagraphs, tokenize } from '../tokenizer';
import type { GlossDraft, WordView } from './gloss-edit';
import type { Review } from './review';

/** One paragraph as the outline counts it: its words, and those not confirmed yet (missing, unsure or suggested). */
export interface ParagraphCount {
  words: number;
  unconfirmed: number;
}

/** The glosses of paragraphs [first, end): their tokens, expressions and review items, nothing else. */
export interface GlossPage {
  first: number;
  end: number;
  tokens: TokenGloss[];
  expressions: Expression[];
  review: Review;
}

/**
 * Every paragraph's counts, from the whole draft (the backend's side): what countsOf says of each page's words,
 * without making a view of each of the draft's words (a 100,000-word draft's outline waits on this).
 */
export function paragraphCounts(draft: GlossDraft): ParagraphCount[] {
  const { text, lexicon, review } = draft;
  const glossed = new Set(lexicon.tokens.filter((t) => lexicon.entries[t.entry]).map((t) => t.at));
  const flagged = new Set(review.tokens.filter((r) => r.unsure || r.suggested).map((r) => r.at));
  return splitParagraphs(text).map((span) => {
    const count = { words: 0, unconfirmed: 0 };
    for (const token of tokenize(text.slice(span.start, span.end), span.start)) {
      if (token.kind === 'punct') continue;
      count.words += 1;
      if (!glossed.has(token.start) || flagged.has(token.start)) count.unconfirmed += 1;
    }
    return count;
  });
}

/** Paragraphs [first, end)'s counts, from their words. */
export function countsOf(words: readonly WordView[], first: number, end: number): ParagraphCount[] {
  const counts = Array.from({ length: Math.max(0, end - first) }, () => ({ words: 0, unconfirmed: 0 }));
  for (const word of words) countWord(counts, word, first);
  return counts;
}

function countWord(counts: ParagraphCount[], word: WordView, first: number): void {
  const count = counts[word.paragraph - first];
  if (!count) return;
  count.words += 1;
  if (word.status !== 'confirmed') count.unconfirmed += 1;
}

/** The glosses of paragraphs [first, end) of a whole draft: what authoring:glosses sends. */
export function glossPage(draft: GlossDraft, first: number, end: number): GlossPage {
  const paragraphs = splitParagraphs(draft.text);
  const from = paragraphs[first]?.start ?? draft.text.length;
  const to = paragraphs[end - 1]?.end ?? from;
  const inside = (at: number): boolean => at >= from && at < to;
  return {
    first,
    end,
    tokens: draft.lexicon.tokens.filter((t) => inside(t.at)),
    expressions: draft.lexicon.expressions.filter((e) => inside(e.start)),
    review: { tokens: draft.review.tokens.filter((r) => inside(r.at)), expressions: draft.review.expressions.filter((r) => inside(r.start)) },
  };
}

/** The editor's draft while one page is open: the whole text and every entry, that page's glosses alone. */
export function draftOfPage(text: string, entries: Record<string, Entry>, page: GlossPage): GlossDraft {
  return { text, lexicon: { entries, tokens: page.tokens, expressions: page.expressions }, review: page.review };
}

/** The first paragraph after `from`, wrapping round, with a word to review; undefined when none has one. */
export function nextParagraphToReview(counts: readonly ParagraphCount[], from: number): number | undefined {
  for (let step = 1; step <= counts.length; step++) {
    const p = (from + step) % counts.length;
    if ((counts[p]?.unconfirmed ?? 0) > 0) return p;
  }
  return undefined;
}
