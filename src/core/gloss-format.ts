// Turns a gloss's grammar into the short line the gloss card shows, in the words it is given (the interface's:
// shared/grammar-words.ts), so components only lay them out; and the English senses the interlinear line prints.
import type { PARTS_OF_SPEECH } from './parts-of-speech';

/** The grammar of a glossed word, as the lesson gives it (structural, so lesson.ts can use these helpers). */
interface Grammar {
  pos: string;
  gender?: 'm' | 'f' | undefined;
  number?: 'sg' | 'pl' | undefined;
  verb?: VerbForm | undefined;
}
interface VerbForm {
  tense: string;
  mood: string;
  person?: 1 | 2 | 3 | undefined;
  number?: 'sg' | 'pl' | undefined;
  group?: string | undefined;
}

export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];
export type Mood = 'indicative' | 'subjunctive' | 'conditional' | 'imperative' | 'infinitive' | 'participle';
/**
 * The tenses as stored: the keys automatic glossing writes (glossing/morphology, glossing/analyse, typed with
 * them) and the built-in lessons use. A lesson may store another text; it is then shown as written.
 */
export const TENSES = [
  'present', 'imparfait', 'passé simple', 'futur simple', 'conditionnel présent', 'passé composé', 'plus-que-parfait',
  'passé antérieur', 'futur antérieur', 'conditionnel passé', 'passé', 'passé (passive)', 'present infinitive',
  'past infinitive', 'present participle', 'past participle', 'past participle (compound)', 'past participle (passive sense)',
] as const;
export type Tense = (typeof TENSES)[number];

/** The grammatical labels in one language; the stored values stay English machine keys ('noun', 'sg'). */
export interface GrammarWords {
  pos: Record<PartOfSpeech, string>;
  mood: Record<Mood, string>;
  /** « présent », « participe passé »: a tense key as the interface names it. */
  tense: Record<Tense, string>;
  /** "masculine singular" / « masculin singulier »; '' for neither. */
  agreement: (gender: 'm' | 'f' | undefined, number: 'sg' | 'pl' | undefined) => string;
  /** "3rd person singular" / « 3e personne du singulier »; '' for neither. */
  person: (person: 1 | 2 | 3 | undefined, number: 'sg' | 'pl' | undefined) => string;
  /** A verb's line: "verb: passé composé, 3rd person singular". */
  verbLine: (pos: string, parts: string) => string;
  /** A word that agrees: "noun, masculine singular". */
  agreedLine: (pos: string, agreement: string) => string;
}

/** A part of speech in `words`; one it does not know (a newer lesson's) as stored. */
export function posLabel(pos: string, words: GrammarWords): string {
  return Object.hasOwn(words.pos, pos) ? words.pos[pos as PartOfSpeech] : pos;
}

/** A tense in `words`; one that is not a key (a teacher's or a newer lesson's text) as stored. */
export function tenseLabel(tense: string, words: GrammarWords): string {
  return Object.hasOwn(words.tense, tense) ? words.tense[tense as Tense] : tense;
}

/**
 * "noun, masculine singular" / "verb: passé composé, indicative, 3rd person singular (a retenu)" /
 * "verb: past participle (passive sense), feminine plural": a participle standing alone agrees like an adjective.
 * The tense in the interface's words (tenseLabel); the group is the French words, as written.
 */
export function grammarLine(gloss: Grammar, words: GrammarWords): string {
  const pos = posLabel(gloss.pos, words);
  const agreement = words.agreement(gloss.gender, gloss.number);
  if (gloss.verb) {
    const { mood, person, number, group } = gloss.verb;
    const tense = tenseLabel(gloss.verb.tense, words);
    const who = mood === 'participle' && !person ? agreement : words.person(person, number);
    const moodLabel = Object.hasOwn(words.mood, mood) ? words.mood[mood as Mood] : mood;
    // A tense that already says the mood (« conditionnel présent » in French words) is not followed by it again.
    const parts = [tense, mood === 'indicative' || tense.includes(mood) || tense.includes(moodLabel) ? '' : moodLabel, who].filter(Boolean);
    return `${words.verbLine(pos, parts.join(', '))}${group ? ` (${group})` : ''}`;
  }
  return agreement ? words.agreedLine(pos, agreement) : pos;
}

/**
 * A sense short enough for a quiz option: its first part (up to a semicolon), without remarks in brackets.
 * Empty when the sense is only a remark (a word that means something only as part of an expression).
 */
export function optionSense(sense: string): string {
  const head = sense.split(';')[0] ?? '';
  return head
    .replace(/\([^)]*\)?/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.])/gu, '$1')
    .replace(/^[\s,.:]+|[\s,.:]+$/gu, '');
}

/**
 * The shortest useful sense, for glosses printed under the words: the first alternative of the option-sized
 * sense, without quoted French either.
 */
export function shortSense(sense: string): string {
  const bare = optionSense(sense).replace(/«[^»]*»?/g, ' ');
  return (bare.split(/[,/:]/)[0] ?? '').replace(/\s+/g, ' ').trim();
}

/** English forms the regular rules get wrong: past participle and simple past. */
const IRREGULAR: Record<string, { participle: string; past: string }> = {
  be: { participle: 'been', past: 'was' },
  have: { participle: 'had', past: 'had' },
  hold: { participle: 'held', past: 'held' },
  give: { participle: 'given', past: 'gave' },
  keep: { participle: 'kept', past: 'kept' },
  make: { participle: 'made', past: 'made' },
  say: { participle: 'said', past: 'said' },
  undertake: { participle: 'undertaken', past: 'undertook' },
  get: { participle: 'got', past: 'got' },
  take: { participle: 'taken', past: 'took' },
  see: { participle: 'seen', past: 'saw' },
  come: { participle: 'come', past: 'came' },
  go: { participle: 'gone', past: 'went' },
  know: { participle: 'known', past: 'knew' },
  admit: { participle: 'admitted', past: 'admitted' },
};

function regularPast(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/u.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function thirdSingular(verb: string): string {
  if (verb === 'be') return 'is';
  if (verb === 'have') return 'has';
  if (/(?:s|x|z|ch|sh|o)$/u.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/u.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** "year" → "years", "country" → "countries"; a sense already plural or uncountable stays. */
function plural(noun: string): string {
  if (/s$/u.test(noun) || /\bmedia$/u.test(noun)) return noun;
  if (/[^aeiou]y$/u.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:x|z|ch|sh)$/u.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** An English verb (its bare form) as the French form's tense, mood, person and number say it in the sentence. */
function conjugate(verb: string, form: VerbForm, auxiliary: boolean): string {
  const { tense, mood, person, number } = form;
  const [head = verb, ...rest] = verb.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const participle = (IRREGULAR[head]?.participle ?? regularPast(head)) + tail;
  const third = person === 3 || person === undefined;
  if (auxiliary && head === 'have') {
    if (mood === 'conditional') return 'would have';
    if (mood === 'infinitive') return 'to have';
    return third && number !== 'pl' && mood === 'indicative' ? 'has' : 'have';
  }
  if (mood === 'participle') return tense.includes('present') ? `${head.replace(/e$/u, '')}ing${tail}` : participle;
  if (mood === 'infinitive') return `to ${verb}`;
  if (/compos|passé|past/u.test(tense)) return participle;
  if (mood === 'conditional') return `would ${verb}`;
  if (tense.startsWith('futur')) return `will ${verb}`;
  if (tense === 'imparfait') {
    if (head === 'be') return number === 'pl' ? `were${tail}` : `was${tail}`;
    return (IRREGULAR[head]?.past ?? regularPast(head)) + tail;
  }
  if (head === 'be') return (number === 'pl' ? 'are' : person === 1 ? 'am' : 'is') + tail;
  return third && number !== 'pl' ? thirdSingular(head) + tail : verb;
}

/**
 * What the interlinear line prints under a word: its sense in this sentence, never a dictionary form. The
 * token's own sense comes first, as written ("kept"); otherwise the entry's sense is put in the word's form:
 * "ans" → years, "est" → is, the auxiliary "a" of « a retenu » → has.
 */
export function inContextSense(
  gloss: Grammar,
  senses: { token?: string | undefined; entry: string },
): string {
  if (senses.token !== undefined) return shortSense(senses.token);
  const sense = shortSense(senses.entry);
  if (!sense) return sense;
  if (gloss.pos === 'noun' && gloss.number === 'pl') return plural(sense);
  if ((gloss.pos === 'verb' || gloss.pos === 'auxiliary') && gloss.verb) {
    return conjugate(sense.replace(/^to /u, ''), gloss.verb, gloss.pos === 'auxiliary');
  }
  return sense;
}
