import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lesson';
import { wordViews, type GlossDraft } from './gloss-edit';
import { countsOf, draftOfPage, glossPage, nextParagraphToReview, paragraphCounts } from './gloss-pages';

// Three paragraphs: "Le chat dort." (chat suggested), "Il pleut des cordes." (an expression, unglossed "des"),
// "Fin." (confirmed).
const TEXT = 'Le chat dort.\n\nIl pleut des cordes.\n\nFin.';
const at = (form: string): number => TEXT.indexOf(form);
const lexicon: Lexicon = {
  entries: {
    le: { lemma: 'le', pos: 'article', sense: 'the', function: true },
    chat: { lemma: 'chat', pos: 'noun', sense: 'cat', gender: 'm' },
    dormir: { lemma: 'dormir', pos: 'verb', sense: 'to sleep' },
    il: { lemma: 'il', pos: 'pronoun', sense: 'it' },
    pleuvoir: { lemma: 'pleuvoir', pos: 'verb', sense: 'to rain' },
    corde: { lemma: 'corde', pos: 'noun', sense: 'rope' },
    fin: { lemma: 'fin', pos: 'noun', sense: 'end' },
  },
  tokens: [
    { at: at('Le'), form: 'Le', entry: 'le' },
    { at: at('chat'), form: 'chat', entry: 'chat' },
    { at: at('dort'), form: 'dort', entry: 'dormir' },
    { at: at('Il'), form: 'Il', entry: 'il' },
    { at: at('pleut'), form: 'pleut', entry: 'pleuvoir' },
    { at: at('cordes'), form: 'cordes', entry: 'corde' },
    { at: at('Fin'), form: 'Fin', entry: 'fin' },
  ],
  expressions: [{ start: at('Il'), end: at('cordes') + 6, text: 'Il pleut des cordes', kind: 'expression', sense: 'it is raining hard' }],
};
const draft: GlossDraft = {
  text: TEXT,
  lexicon,
  review: { tokens: [{ at: at('chat'), suggested: true }], expressions: [{ start: at('Il'), end: at('cordes') + 6, suggested: true }] },
};

describe('the gloss editor a page at a time', () => {
  it('counts each paragraph’s words and those still to review (missing, unsure or suggested)', () => {
    expect(paragraphCounts(draft)).toEqual([
      { words: 3, unconfirmed: 1 },
      { words: 4, unconfirmed: 1 },
      { words: 1, unconfirmed: 0 },
    ]);
    // As each word's own status says, "des" (no gloss) and an unsure word included.
    const unsure = { ...draft, review: { ...draft.review, tokens: [...draft.review.tokens, { at: at('Fin'), unsure: true as const }] } };
    expect(paragraphCounts(unsure)).toEqual(countsOf(wordViews(unsure), 0, 3));
    expect(paragraphCounts(unsure)[2]).toEqual({ words: 1, unconfirmed: 1 });
  });

  it('a page holds only its paragraphs’ glosses, and its words are the whole draft’s, numbered alike', () => {
    const page = glossPage(draft, 1, 2);
    expect(page.tokens.map((t) => t.form)).toEqual(['Il', 'pleut', 'cordes']);
    expect(page.expressions.map((e) => e.text)).toEqual(['Il pleut des cordes']);
    expect(page.review).toEqual({ tokens: [], expressions: draft.review.expressions });
    const whole = wordViews(draft);
    const paged = wordViews(draftOfPage(TEXT, lexicon.entries, page), { first: 1, end: 2, firstIndex: 3 });
    expect(paged).toEqual(whole.filter((w) => w.paragraph === 1));
    expect(countsOf(paged, 1, 2)).toEqual([{ words: 4, unconfirmed: 1 }]);
  });

  it('finds the next paragraph with a word to review, wrapping round, and none when all are confirmed', () => {
    const counts = paragraphCounts(draft);
    expect(nextParagraphToReview(counts, 0)).toBe(1);
    expect(nextParagraphToReview(counts, 1)).toBe(0);
    expect(nextParagraphToReview(counts.map((c) => ({ ...c, unconfirmed: 0 })), 0)).toBeUndefined();
  });
});
