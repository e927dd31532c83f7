// The pure edits on a draft: ids from titles, the text of pasted paragraphs, and gloss patches that can be retried.
import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lesson';
import { applyGlossPatch, lessonIdFromTitle, sentenceLemmas, textFromParagraphs, unconfirmedCount } from './draft';
import type { Review } from './review';

const TEXT = 'Il est parti. Vers l’est.';
const LEXICON: Lexicon = {
  entries: { il: { lemma: 'il', pos: 'pronoun', sense: 'he' }, partir: { lemma: 'partir', pos: 'verb', sense: 'to leave' } },
  tokens: [
    { at: 0, form: 'Il', entry: 'il' },
    { at: 7, form: 'parti', entry: 'partir' },
  ],
  expressions: [],
};
const REVIEW: Review = {
  tokens: [{ at: 3, unsure: true, candidates: [{ lemma: 'être', pos: 'auxiliary', sense: 'is', source: 'lefff' }] }, { at: 7, suggested: true }],
  expressions: [],
};

describe('draft edits', () => {
  it('makes a lesson id from a French title, one not taken', () => {
    expect(lessonIdFromTitle('Kim Jong-un rentre de Russie !', () => false)).toBe('kim-jong-un-rentre-de-russie');
    expect(lessonIdFromTitle('L’été à Noël', (id) => id === 'l-ete-a-noel')).toBe('l-ete-a-noel-2');
    expect(lessonIdFromTitle('日本', () => false)).toBe('lecon');
  });

  it('keeps one paragraph per paragraph given, whatever blank lines a pasted one holds', () => {
    expect(textFromParagraphs([' Un.\n\nDeux. ', 'Trois.'])).toBe('Un. Deux.\n\nTrois.');
  });

  it('applies a patch by keys, so applying it twice gives the same draft', () => {
    const patch = {
      entries: [{ id: 'etre', entry: { lemma: 'être', pos: 'auxiliary' as const, sense: 'is' } }],
      tokens: [{ at: 3, gloss: { at: 3, form: 'est', entry: 'etre' }, confirm: true as const }],
    };
    const once = applyGlossPatch(LEXICON, REVIEW, patch);
    const twice = applyGlossPatch(once.lexicon, once.review, patch);
    expect(twice.lexicon).toEqual(once.lexicon);
    expect(twice.review).toEqual(once.review);
    expect(once.lexicon.tokens.map((t) => t.at)).toEqual([0, 3, 7]);
    // Confirmed: its flags are gone; its candidates stay for the editor to show.
    expect(once.review.tokens).toEqual([{ at: 3, candidates: REVIEW.tokens[0]?.candidates }, { at: 7, suggested: true }]);
    expect(once.confirmed).toEqual([{ at: 3, form: 'est', entry: 'etre' }]);
    expect(unconfirmedCount(once.review)).toBe(1);
  });

  it('removes with null, and does not call a gloss confirmed while it is still flagged', () => {
    const next = applyGlossPatch(LEXICON, REVIEW, { tokens: [{ at: 0, gloss: null }, { at: 7, gloss: { at: 7, form: 'parti', entry: 'partir' } }], entries: [{ id: 'il', entry: null }] });
    expect(next.lexicon.tokens.map((t) => t.at)).toEqual([7]);
    expect(Object.keys(next.lexicon.entries)).toEqual(['partir']);
    expect(next.confirmed).toEqual([]);
  });

  it('gives the lemmas of the sentence around a word as its context, not those of the next sentence', () => {
    expect(sentenceLemmas(TEXT, LEXICON, 3)).toEqual(['il', 'partir']);
    expect(sentenceLemmas(TEXT, LEXICON, 19)).toEqual([]);
  });
});
