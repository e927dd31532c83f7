import { describe, expect, it } from 'vitest';
import { lessonReadings, MorphologyFileError, openMorphology } from './morphology';

describe('lessonReadings: Lefff tags to the lesson schema', () => {
  it('splits a verb tag read two ways (present indicative or subjunctive) into two readings', () => {
    expect(lessonReadings('pèsent', 'peser', 'v', 'PS3p')).toEqual([
      { lemma: 'peser', pos: 'verb', verb: { tense: 'present', mood: 'indicative', person: 3, number: 'pl' } },
      { lemma: 'peser', pos: 'verb', verb: { tense: 'present', mood: 'subjunctive', person: 3, number: 'pl' } },
    ]);
  });

  it('gives a past participle its agreement, and a participle used as adjective its masculine singular as lemma', () => {
    expect(lessonReadings('imposées', 'imposer', 'v', 'Kfp')).toEqual([
      { lemma: 'imposer', pos: 'verb', gender: 'f', number: 'pl', verb: { tense: 'past participle', mood: 'participle' } },
    ]);
    expect(lessonReadings('située', 'situer', 'adj', 'Kfs')).toEqual([{ lemma: 'situé', pos: 'adjective', gender: 'f', number: 'sg' }]);
  });

  it('names clitics and articles by their own full form, not by Lefff category', () => {
    expect(lessonReadings('l’', 'cla', 'cla', '3fs')).toEqual([{ lemma: 'le', pos: 'pronoun', gender: 'f', number: 'sg' }]);
    expect(lessonReadings('une', 'un', 'det', 'fs')).toEqual([{ lemma: 'une', pos: 'article', gender: 'f', number: 'sg' }]);
    expect(lessonReadings('cette', 'ce', 'det', 'fs')).toEqual([{ lemma: 'ce', pos: 'determiner', gender: 'f', number: 'sg' }]);
  });

  it('leaves out categories a word token cannot have', () => {
    expect(lessonReadings('(', '(', 'parento', '')).toEqual([]);
  });
});

describe('openMorphology', () => {
  it('refuses a file that is not an index, and a truncated one, by name', () => {
    expect(() => openMorphology(new TextEncoder().encode('not an index at all'))).toThrow(MorphologyFileError);
    const header = new Uint8Array(16);
    header.set(new TextEncoder().encode('LEFFIDX1'));
    new DataView(header.buffer).setUint32(8, 1000, true);
    expect(() => openMorphology(header)).toThrow(/truncated/);
  });
});
