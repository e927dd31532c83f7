import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readMorphology } from '../../../test/support/glossing';
import type { HouseLexicon, SenseSource } from '../glossing/types';
import { draftFromText } from './draft-from-text';
import { ReviewSchema } from './review';

const morphology = readMorphology();
const senses: SenseSource = {
  lookup: (lemma, pos) =>
    lemma === 'traverser' && pos === 'verb'
      ? [{ sense: 'to cross', source: 'freedict', score: 0.8 }, { sense: 'to go through', source: 'apertium', score: 0.5 }]
      : lemma === 'chat' ? [{ sense: 'cat', source: 'freedict', score: 0.9 }] : [],
  expressions: () => [],
};
// The teacher confirmed "cat" for chat in an earlier lesson.
const house: HouseLexicon = { lookup: (lemma, pos) => (lemma === 'chat' && pos === 'noun' ? [{ sense: 'cat', source: 'house', score: 0.96 }] : []) };

const TEXT = 'Le chat a traversé la rue avec Marie Curie.';
const at = (form: string): number => TEXT.indexOf(form);

describe('draftFromText', () => {
  const draft = draftFromText(TEXT, { morphology, senses, house });
  const reviewOf = (form: string) => draft.review.tokens.find((t) => t.at === at(form));

  it('glosses every word with a lemma, part of speech and sense, and the review passes its own schema', () => {
    expect(draft.lexicon.tokens.map((t) => t.form)).toEqual(['Le', 'chat', 'a', 'traversé', 'la', 'rue', 'avec', 'Marie', 'Curie']);
    const traverse = draft.lexicon.tokens.find((t) => t.form === 'traversé');
    expect(draft.lexicon.entries[traverse?.entry ?? '']).toMatchObject({ lemma: 'traverser', pos: 'verb', sense: 'to cross' });
    expect(v.safeParse(ReviewSchema, draft.review).issues).toBeUndefined();
  });

  it('marks a dictionary sense "suggested" with every candidate and its source, best first', () => {
    expect(reviewOf('traversé')).toEqual({
      at: at('traversé'),
      suggested: true,
      candidates: [
        { lemma: 'traverser', pos: 'verb', sense: 'to cross', source: 'freedict', score: 2 },
        { lemma: 'traverser', pos: 'verb', sense: 'to go through', source: 'apertium', score: 1 },
      ],
    });
  });

  it('leaves a sense the teacher confirmed before (house, certain morphology) out of the review', () => {
    expect(reviewOf('chat')).toBeUndefined();
  });

  it('marks a word without any sense suggested and without candidates, and every name suggested', () => {
    expect(reviewOf('rue')).toEqual({ at: at('rue'), suggested: true });
    expect(draft.review.expressions).toContainEqual({ start: at('Marie'), end: at('Curie') + 5, suggested: true, source: 'name' });
  });
});
