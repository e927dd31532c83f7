// A pasted text without full stops is one sentence: each word's context (the other words' lemmas) is answered from
// one set per sentence, not a list filtered per word (n² for n words: 100,000 such words took over 13 minutes),
// and the dictionary is asked once per lemma and part of speech. The draft must stay exactly what it was.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARTICLE_DIR, readLessonFiles } from '../../../test/support/article';
import { repeatText } from '../../../test/support/lessons';
import { readMorphology } from '../../../test/support/glossing';
import { autoGloss, sentenceContexts } from './auto-gloss';
import { parseDictionary } from './dictionary-data';
import { createHouseLexicon, seedFromLessonFiles } from './house';
import { createSenses } from './senses';
import type { HouseLexicon, SenseContext, SenseSource } from './types';

const morphology = readMorphology();
const dictionary = createSenses(parseDictionary(gunzipSync(readFileSync(resolve('resources/dictionary/fr-en.tsv.gz'))).toString('utf8')));
// The article's hand-made senses as the house: several senses per lemma, ranked by the sentence they stand in.
const house = createHouseLexicon(seedFromLessonFiles(readLessonFiles(ARTICLE_DIR), '2026-01-01T10:00:00.000Z'));
const ARTICLE = repeatText(readLessonFiles(ARTICLE_DIR), 1);
// Six copies with every sentence end made a comma and every line joined: one sentence of some 2,600 words.
const NO_STOP = repeatText(readLessonFiles(ARTICLE_DIR), 6).replace(/[.!?;]/g, ',').replace(/\n+/g, ' ');

/** The house as the glossing asked it before: a plain list of the other lemmas, which the ranking makes a set of. */
const listOnly = (inner: HouseLexicon): HouseLexicon => ({
  lookup: (lemma, pos, context) => inner.lookup(lemma, pos, { lemmas: [...context.lemmas], sentence: context.sentence }),
  ...(inner.expressions ? { expressions: inner.expressions } : {}),
  ...(inner.partsOfSpeech ? { partsOfSpeech: inner.partsOfSpeech } : {}),
});

describe('glossing a long sentence', () => {
  it.each([
    ['the article', ARTICLE],
    ['a text without full stops', NO_STOP],
  ])('makes the same draft of %s as a house ranking from the plain list of the other lemmas', (_, text) => {
    const draft = autoGloss(text, { morphology, senses: dictionary, house });
    const reference = autoGloss(text, { morphology, senses: dictionary, house: listOnly(house) });
    expect(draft).toEqual(reference);
    // The house's context ranking is at work: some words get several house senses in an order the context chose.
    expect(draft.flags.filter((f) => f.candidates.filter((c) => c.source === 'house').length > 1).length).toBeGreaterThan(0);
  });

  it('gives each word its sentence’s other lemmas, and has() says the same as the list', () => {
    // "Paris" and "paris" stand for one lower-cased lemma spelled two ways: the word "paris" still has "Paris" beside it.
    const lemmas = ['le', 'paris', 'de', 'le', 'Paris', 'train'];
    const contextOf = sentenceContexts(lemmas, 'Le pari de le Paris train.');
    for (const own of [...lemmas, 'absent']) {
      const context = contextOf(own);
      const others = lemmas.filter((l) => l !== own);
      expect(context.lemmas).toEqual(others);
      const set = new Set(others.map((l) => l.toLowerCase()));
      for (const probe of ['le', 'paris', 'de', 'train', 'absent']) expect(context.has?.(probe), `${own} / ${probe}`).toBe(set.has(probe));
    }
  });

  it('in a sentence of 2,600 words, the house never reads the list of other lemmas and the dictionary answers each lemma once', () => {
    let listReads = 0;
    const contexts: SenseContext[] = [];
    const counted: HouseLexicon = {
      lookup: (lemma, pos, context) => {
        contexts.push(context);
        const watched = new Proxy(context, {
          get: (target, key) => {
            if (key === 'lemmas') listReads++;
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        return house.lookup(lemma, pos, watched);
      },
      ...(house.expressions ? { expressions: house.expressions } : {}),
    };
    const asked: string[] = [];
    const senses: SenseSource = {
      lookup: (lemma, pos) => {
        asked.push(`${pos}|${lemma}`);
        return dictionary.lookup(lemma, pos);
      },
      expressions: (words) => dictionary.expressions(words),
    };
    const draft = autoGloss(NO_STOP, { morphology, senses, house: counted });
    expect(draft.lexicon.tokens.length).toBeGreaterThan(2_500);
    expect(contexts).toHaveLength(draft.lexicon.tokens.length);
    // Each word's list would be the sentence's length again: read, it is n² for the sentence.
    expect(listReads).toBe(0);
    expect(contexts.every((c) => typeof c.has === 'function')).toBe(true);
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked.length).toBeLessThan(draft.lexicon.tokens.length / 2);
  });
});
