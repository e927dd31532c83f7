import { describe, expect, it } from 'vitest';
import { grammarLine, shortSense } from './gloss-format';
import type { Gloss } from './lesson';

const base: Gloss = { form: 'retenu', lemma: 'retenir', pos: 'verb', sense: 'kept', entryId: 'retenir.v' };

describe('grammarLine', () => {
  it('names tense, person and number of a compound verb form, with its group', () => {
    const gloss: Gloss = { ...base, verb: { tense: 'passé composé', mood: 'indicative', person: 3, number: 'sg', group: 'a retenu' } };
    expect(grammarLine(gloss)).toBe('verb: passé composé, 3rd person singular (a retenu)');
  });

  it('names the mood when it is not the indicative and not already in the tense', () => {
    const gloss: Gloss = { ...base, form: 'serait', verb: { tense: 'conditionnel présent', mood: 'conditional', person: 3, number: 'sg' } };
    expect(grammarLine(gloss)).toBe('verb: conditionnel présent, conditional, 3rd person singular');
  });

  it('gives the agreement of a past participle, which agrees like an adjective', () => {
    const gloss: Gloss = { ...base, form: 'imposées', gender: 'f', number: 'pl', verb: { tense: 'past participle (passive sense)', mood: 'participle' } };
    expect(grammarLine(gloss)).toBe('verb: past participle (passive sense), feminine plural');
    const conjugated: Gloss = { ...base, gender: 'm', verb: { tense: 'passé composé', mood: 'indicative', person: 3, number: 'sg', group: 'a retenu' } };
    expect(grammarLine(conjugated)).toBe('verb: passé composé, 3rd person singular (a retenu)');
  });

  it('gives gender and number of a noun', () => {
    expect(grammarLine({ ...base, pos: 'noun', gender: 'f', number: 'pl' })).toBe('noun, feminine plural');
    expect(grammarLine({ ...base, pos: 'adverb' })).toBe('adverb');
  });
});

describe('shortSense', () => {
  it.each([
    ['trip, journey', 'trip'],
    ['kept (in Russia)', 'kept'],
    ['the (with plus: forms the superlative, « le plus long » = the longest)', 'the'],
    ['(part of « de retour »: back)', ''],
    ['who/which/that (relative pronoun, subject)', 'who'],
    ['armoured', 'armoured'],
  ])('%s → %s', (sense, expected) => {
    expect(shortSense(sense)).toBe(expected);
  });
});
