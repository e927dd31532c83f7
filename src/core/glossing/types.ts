// The shared types of automatic glossing: what morphology tells about a word, and the interfaces through which
// the dictionaries (senses.ts, helper "dict") and the house lexicon (stored by helper "store") offer senses.
import type { Entry, TokenGloss } from '../lesson';

export type PartOfSpeech = Entry['pos'];
export type VerbForm = NonNullable<TokenGloss['verb']>;

/** One reading of a word form from the morphology lexicon, before context chooses among them. */
export interface MorphReading {
  lemma: string;
  pos: PartOfSpeech;
  gender?: 'm' | 'f';
  number?: 'sg' | 'pl';
  /** For a finite verb, an infinitive or a participle (the group of a compound tense is added by analyse). */
  verb?: VerbForm;
}

/** The morphology lexicon, opened once: every reading of a lower-cased form (empty when the form is unknown). */
export interface Morphology {
  readings(form: string): readonly MorphReading[];
}

/** What analyse says about one word or number token of the tokenizer. */
export interface TokenAnalysis {
  /** Index of the token in tokenize()'s output. */
  token: number;
  form: string;
  start: number;
  end: number;
  /** The reading context chose (the first of candidates). */
  reading: MorphReading;
  /** Every reading considered, best first; the chosen one included. */
  candidates: MorphReading[];
  /** True when the rules could not decide between readings of different lemma or part of speech. */
  unsure: boolean;
  /** The form is not in the lexicon: a name from its capital, a number, or a guess. */
  unknown?: true;
}

/** A sense offered for a lemma, with where it came from (e.g. "house", "freedict", "apertium") and a rank score. */
export interface SenseCandidate {
  sense: string;
  source: string;
  /** Higher is better; sources put their own scale in 0..1 so candidates of several sources can be merged. */
  score: number;
}

/** The sentence a word stands in, so a source can rank senses by context. */
export interface SenseContext {
  /** Lower-cased lemmas of the sentence's other words, in order. */
  lemmas: readonly string[];
  /** The sentence as written. */
  sentence: string;
  /**
   * Whether a lower-cased lemma is one of `lemmas`, when the caller can answer without a scan: every word of a
   * sentence shares one set, so a sentence of n words costs n, not n² (a pasted text may have no full stop).
   */
  has?: (lowerLemma: string) => boolean;
}

/** One word of a sentence, as an expression finder sees it. */
export interface ExpressionWord {
  form: string;
  lemma: string;
  pos: PartOfSpeech;
}

/** A multi-word expression found in a sentence: words first..last (indices into the ExpressionWord list). */
export interface ExpressionCandidate {
  first: number;
  last: number;
  /** Dictionary form, e.g. "ouvrir une nouvelle page". */
  lemma: string;
  sense: string;
  source: string;
  score: number;
}

/** An offline dictionary (or several merged), implemented in senses.ts. */
export interface SenseSource {
  lookup(lemma: string, pos: PartOfSpeech): SenseCandidate[];
  /** Multi-word headwords found in one sentence. */
  expressions(words: readonly ExpressionWord[]): ExpressionCandidate[];
}

/** Senses a teacher confirmed or wrote before, ranked first for the same lemma in a similar context. */
export interface HouseLexicon {
  lookup(lemma: string, pos: PartOfSpeech, context: SenseContext): SenseCandidate[];
  /** Expressions the teacher confirmed before, found again in this sentence. */
  expressions?(words: readonly ExpressionWord[]): ExpressionCandidate[];
  /**
   * The house lexicon for one text, read at once for the lemmas it holds (a store reads them in one query rather
   * than one per word); lemmas match whatever their case, the part of speech keeping names apart.
   */
  forText?(lemmas: readonly string[]): HouseLexicon;
  /** The parts of speech confirmed for a lemma, whatever its case: a capital that only starts a sentence is read so. */
  partsOfSpeech?(lemma: string): PartOfSpeech[];
}
