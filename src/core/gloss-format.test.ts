import { describe, expect, it } from 'vitest';
import { loadArticleLexicon } from '../../test/support/article';
import { GRAMMAR_WORDS } from '../shared/grammar-words';
import { grammarLine as grammarLineIn, inContextSense, shortSense, tenseLabel, TENSES } from './gloss-format';
import type { Gloss } from './lesson';

const grammarLine = (gloss: Gloss): string => grammarLineIn(gloss, GRAMMAR_WORDS.en);
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

  it('names a stored tense key in the interface’s words; a tense that is no key is shown as written', () => {
    const fr = (gloss: Gloss): string => grammarLineIn(gloss, GRAMMAR_WORDS.fr);
    expect(fr({ ...base, form: 'ouvre', verb: { tense: 'present', mood: 'indicative', person: 3, number: 'sg' } })).toBe('verbe\u00a0: présent, 3e\u00a0personne du singulier');
    expect(fr({ ...base, form: 'imposées', gender: 'f', number: 'pl', verb: { tense: 'past participle (passive sense)', mood: 'participle' } })).toBe(
      'verbe\u00a0: participe passé (sens passif), féminin pluriel',
    );
    expect(fr({ ...base, verb: { tense: 'present infinitive', mood: 'infinitive' } })).toBe('verbe\u00a0: infinitif présent');
    expect(tenseLabel('futur proche', GRAMMAR_WORDS.fr)).toBe('futur proche');
    expect(grammarLine({ ...base, form: 'ouvre', verb: { tense: 'present', mood: 'indicative', person: 3, number: 'sg' } })).toBe('verb: present, 3rd person singular');
  });

  it('has a label in both languages for every tense the built-in lesson stores', () => {
    const stored = new Set(loadArticleLexicon().tokens.flatMap((t) => (t.verb ? [t.verb.tense] : [])));
    expect([...stored].filter((tense) => !(TENSES as readonly string[]).includes(tense))).toEqual([]);
    for (const words of Object.values(GRAMMAR_WORDS)) expect(Object.keys(words.tense).sort()).toEqual([...TENSES].sort());
  });

  it('says it all in French for a French interface; the French group stays as written', () => {
    const fr = (gloss: Gloss): string => grammarLineIn(gloss, GRAMMAR_WORDS.fr);
    expect(fr({ ...base, verb: { tense: 'passé composé', mood: 'indicative', person: 3, number: 'sg', group: 'a retenu' } })).toBe(
      'verbe\u00a0: passé composé, 3e\u00a0personne du singulier (a retenu)',
    );
    expect(fr({ ...base, verb: { tense: 'présent', mood: 'subjunctive', person: 1, number: 'pl' } })).toBe('verbe\u00a0: présent, subjonctif, 1re\u00a0personne du pluriel');
    // « conditionnel présent » already says the mood.
    expect(fr({ ...base, verb: { tense: 'conditionnel présent', mood: 'conditional', person: 3, number: 'sg' } })).toBe('verbe\u00a0: conditionnel présent, 3e\u00a0personne du singulier');
    expect(fr({ ...base, form: 'imposées', gender: 'f', number: 'pl', verb: { tense: 'participe passé', mood: 'participle' } })).toBe('verbe\u00a0: participe passé, féminin pluriel');
    expect(fr({ ...base, pos: 'noun', gender: 'm', number: 'sg' })).toBe('nom, masculin singulier');
    expect(fr({ ...base, pos: 'proper noun' })).toBe('nom propre');
    // A part of speech this version does not know is shown as stored rather than lost.
    expect(fr({ ...base, pos: 'particle' as Gloss['pos'] })).toBe('particle');
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

describe('inContextSense', () => {
  const present3sg = { tense: 'present', mood: 'indicative', person: 3, number: 'sg' } as const;
  const passeCompose = { tense: 'passé composé', mood: 'indicative', person: 3, number: 'sg', group: 'a retenu' } as const;
  it.each([
    { case: 'the token’s own sense first', grammar: { pos: 'verb', verb: passeCompose }, senses: { token: 'kept (in Russia)', entry: 'to keep' }, here: 'kept' },
    { case: 'a plural noun in the plural', grammar: { pos: 'noun', number: 'pl' }, senses: { entry: 'year' }, here: 'years' },
    { case: 'a plural noun ending in y', grammar: { pos: 'noun', number: 'pl' }, senses: { entry: 'country' }, here: 'countries' },
    { case: '« est » is "is"', grammar: { pos: 'verb', verb: present3sg }, senses: { entry: 'to be' }, here: 'is' },
    { case: 'a present verb takes -s', grammar: { pos: 'verb', verb: present3sg }, senses: { entry: 'to concern, to regard' }, here: 'concerns' },
    { case: 'a plural present stays bare', grammar: { pos: 'verb', verb: { ...present3sg, number: 'pl' } }, senses: { entry: 'say' }, here: 'say' },
    { case: 'the auxiliary of « a retenu » is "has"', grammar: { pos: 'auxiliary', verb: passeCompose }, senses: { entry: 'have (auxiliary forming compound tenses)' }, here: 'has' },
    { case: 'the auxiliary of « ont tenu » is "have"', grammar: { pos: 'auxiliary', verb: { ...passeCompose, number: 'pl' } }, senses: { entry: 'have (auxiliary)' }, here: 'have' },
    { case: 'a participle of a compound tense', grammar: { pos: 'verb', verb: passeCompose }, senses: { entry: 'to cross' }, here: 'crossed' },
    { case: 'an irregular participle', grammar: { pos: 'verb', verb: passeCompose }, senses: { entry: 'to hold (a meeting)' }, here: 'held' },
    { case: 'a conditional', grammar: { pos: 'verb', verb: { ...present3sg, tense: 'conditionnel présent', mood: 'conditional' } }, senses: { entry: 'receive, get' }, here: 'would receive' },
    { case: 'an infinitive keeps "to"', grammar: { pos: 'verb', verb: { tense: 'present infinitive', mood: 'infinitive' } }, senses: { entry: 'support, back' }, here: 'to support' },
    { case: 'a word with no grammar to apply', grammar: { pos: 'adverb' }, senses: { entry: 'already' }, here: 'already' },
  ] as const)('$case', ({ grammar, senses, here }) => {
    expect(inContextSense(grammar, senses)).toBe(here);
  });
});
