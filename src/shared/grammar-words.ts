// The grammatical labels a person reads (gloss card, My words, the gloss editor), in each interface language: they
// are interface vocabulary, so they follow the interface, while the stored values stay English machine keys and
// the sense stays English (the lexicon's language). Beside error-messages.ts because the backend's word exports
// use them too.
import type { GrammarWords } from '../core/gloss-format';
import type { InterfaceLanguage } from './contract/fields';

const NB = '\u00a0';

const english: GrammarWords = {
  pos: {
    noun: 'noun',
    'proper noun': 'proper noun',
    verb: 'verb',
    auxiliary: 'auxiliary',
    adjective: 'adjective',
    adverb: 'adverb',
    article: 'article',
    determiner: 'determiner',
    pronoun: 'pronoun',
    preposition: 'preposition',
    conjunction: 'conjunction',
    number: 'number',
    interjection: 'interjection',
    abbreviation: 'abbreviation',
  },
  mood: { indicative: 'indicative', subjunctive: 'subjunctive', conditional: 'conditional', imperative: 'imperative', infinitive: 'infinitive', participle: 'participle' },
  // The French names of French tenses are what English courses call them too (passé composé, imparfait).
  tense: {
    present: 'present',
    imparfait: 'imparfait',
    'passé simple': 'passé simple',
    'futur simple': 'futur simple',
    'conditionnel présent': 'conditionnel présent',
    'passé composé': 'passé composé',
    'plus-que-parfait': 'plus-que-parfait',
    'passé antérieur': 'passé antérieur',
    'futur antérieur': 'futur antérieur',
    'conditionnel passé': 'conditionnel passé',
    passé: 'passé',
    'passé (passive)': 'passé (passive)',
    'present infinitive': 'present infinitive',
    'past infinitive': 'past infinitive',
    'present participle': 'present participle',
    'past participle': 'past participle',
    'past participle (compound)': 'past participle (compound)',
    'past participle (passive sense)': 'past participle (passive sense)',
  },
  agreement: (gender, number) => [gender === 'm' ? 'masculine' : gender === 'f' ? 'feminine' : '', number === 'sg' ? 'singular' : number === 'pl' ? 'plural' : ''].filter(Boolean).join(' '),
  person: (person, number) =>
    [person ? `${person}${person === 1 ? 'st' : person === 2 ? 'nd' : 'rd'} person` : '', number === 'sg' ? 'singular' : number === 'pl' ? 'plural' : ''].filter(Boolean).join(' '),
  verbLine: (pos, parts) => `${pos}: ${parts}`,
  agreedLine: (pos, agreement) => `${pos}, ${agreement}`,
};

const french: GrammarWords = {
  pos: {
    noun: 'nom',
    'proper noun': 'nom propre',
    verb: 'verbe',
    auxiliary: 'auxiliaire',
    adjective: 'adjectif',
    adverb: 'adverbe',
    article: 'article',
    determiner: 'déterminant',
    pronoun: 'pronom',
    preposition: 'préposition',
    conjunction: 'conjonction',
    number: 'numéral',
    interjection: 'interjection',
    abbreviation: 'abréviation',
  },
  mood: { indicative: 'indicatif', subjunctive: 'subjonctif', conditional: 'conditionnel', imperative: 'impératif', infinitive: 'infinitif', participle: 'participe' },
  tense: {
    present: 'présent',
    imparfait: 'imparfait',
    'passé simple': 'passé simple',
    'futur simple': 'futur simple',
    'conditionnel présent': 'conditionnel présent',
    'passé composé': 'passé composé',
    'plus-que-parfait': 'plus-que-parfait',
    'passé antérieur': 'passé antérieur',
    'futur antérieur': 'futur antérieur',
    'conditionnel passé': 'conditionnel passé',
    passé: 'passé',
    'passé (passive)': 'passé (passif)',
    'present infinitive': 'infinitif présent',
    'past infinitive': 'infinitif passé',
    'present participle': 'participe présent',
    'past participle': 'participe passé',
    'past participle (compound)': 'participe passé composé',
    'past participle (passive sense)': 'participe passé (sens passif)',
  },
  agreement: (gender, number) => [gender === 'm' ? 'masculin' : gender === 'f' ? 'féminin' : '', number === 'sg' ? 'singulier' : number === 'pl' ? 'pluriel' : ''].filter(Boolean).join(' '),
  // « 1re personne du singulier », « 3e personne du pluriel ».
  person: (person, number) => {
    const count = number === 'sg' ? 'singulier' : number === 'pl' ? 'pluriel' : '';
    if (!person) return count;
    const who = `${person}${person === 1 ? 're' : 'e'}${NB}personne`;
    return count ? `${who} du ${count}` : who;
  },
  verbLine: (pos, parts) => `${pos}${NB}: ${parts}`,
  agreedLine: (pos, agreement) => `${pos}, ${agreement}`,
};

export const GRAMMAR_WORDS: Record<InterfaceLanguage, GrammarWords> = { en: english, fr: french };
