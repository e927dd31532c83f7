// Forms Lefff reads as two lemmas of the same part of speech (ouvre: ouvrer or ouvrir; fils: fil or fils), glossed
// with the bundled dictionary as a new draft is: the lemma a reader means, not the first in alphabetical order.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readMorphology } from '../../../test/support/glossing';
import { autoGloss } from './auto-gloss';
import { parseDictionary } from './dictionary-data';
import { createSenses } from './senses';
import type { HouseLexicon } from './types';

const morphology = readMorphology();
const senses = createSenses(parseDictionary(gunzipSync(readFileSync(resolve('resources/dictionary/fr-en.tsv.gz'))).toString('utf8')));

/** The lemma, part of speech and unsure flag autoGloss gives the word `form` of `sentence`. */
function glossOf(sentence: string, form: string, house?: HouseLexicon): { lemma: string; pos: string; unsure: boolean } {
  const draft = autoGloss(sentence, { morphology, senses, ...(house ? { house } : {}) });
  const k = draft.lexicon.tokens.findIndex((t) => t.form === form);
  const entry = draft.lexicon.entries[draft.lexicon.tokens[k]?.entry ?? ''];
  if (!entry) throw new Error(`no "${form}" in "${sentence}"`);
  return { lemma: entry.lemma, pos: entry.pos, unsure: draft.flags[k]?.unsure ?? false };
}

describe('autoGloss: the lemma of a form two lemmas share', () => {
  it.each([
    // sentence, form, lemma, part of speech
    ['Léa ouvre la porte.', 'ouvre', 'ouvrir', 'verb'],
    ['Il ouvrait la fenêtre.', 'ouvrait', 'ouvrir', 'verb'],
    ['Nous ouvrons la boutique.', 'ouvrons', 'ouvrir', 'verb'],
    ['Le fils de Marie est là.', 'fils', 'fils', 'noun'],
    ['Un fils est né.', 'fils', 'fils', 'noun'],
    ['Je sens le vent.', 'sens', 'sentir', 'verb'],
    ['Le sens du mot est clair.', 'sens', 'sens', 'noun'],
    ['Je suis content.', 'suis', 'être', 'verb'],
    ['Je pense donc je suis.', 'suis', 'être', 'verb'],
    ['Il est là.', 'est', 'être', 'verb'],
    ['Il habite dans l’est du pays.', 'est', 'est', 'noun'],
    ['Le couvent est vieux.', 'couvent', 'couvent', 'noun'],
  ])('%s: %s is %s (%s)', (sentence, form, lemma, pos) => {
    expect(glossOf(sentence, form)).toMatchObject({ lemma, pos });
  });

  it('does not mark "ouvre" unsure for a rival only the machine-translated chain knows (ouvrer, "plough")', () => {
    expect(glossOf('Léa ouvre la porte.', 'ouvre').unsure).toBe(false);
  });

  it('prefers the lemma the teacher confirmed before (the house lexicon) among readings of one part of speech', () => {
    const house: HouseLexicon = {
      lookup: (lemma, pos) => (lemma === 'fil' && pos === 'noun' ? [{ sense: 'wire', source: 'house', score: 1 }] : []),
      partsOfSpeech: (lemma) => (lemma === 'fil' ? ['noun'] : []),
    };
    expect(glossOf('Les fils pendent du plafond.', 'fils', house)).toMatchObject({ lemma: 'fil', pos: 'noun' });
    expect(glossOf('Les fils pendent du plafond.', 'fils', { lookup: () => [], partsOfSpeech: (lemma) => (lemma === 'fils' ? ['noun'] : []) })).toMatchObject({ lemma: 'fils' });
  });
});
