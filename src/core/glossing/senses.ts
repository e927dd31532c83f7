// English senses of French lemmas from the bundled dictionary (FreeDict, then Apertium's French -> Spanish ->
// English chain), ranked; multi-word headwords found in a sentence; names for capitalised words it lacks.
import { isCognate } from './cognates';
import type { DictionaryData, DictionarySense } from './dictionary-data';
import { headwordIndex, longestFirst, matchHeadwords, type HeadwordIndex } from './headwords';
import type { ExpressionCandidate, ExpressionWord, PartOfSpeech, SenseCandidate, SenseSource } from './types';

/** Where a name's suggested gloss comes from: the name itself, as written. */
export const NAME_SOURCE = 'name';

/**
 * A source's trust, the top of its scores. FreeDict is edited by people; Apertium's chain goes through a Spanish
 * pivot word and brings that word's other senses along, so it ranks below.
 */
const SOURCE_WEIGHT: Readonly<Record<string, number>> = { freedict: 0.9, apertium: 0.6 };
const OTHER_SOURCE_WEIGHT = 0.5;
/** Each later sense of the same source and part of speech. */
const ORDER_STEP = 0.04;
/**
 * A sense holding a cognate of the lemma (technologie -> technology), within its own source: FreeDict's numbered
 * senses come in no particular order, and Apertium's chain brings its Spanish pivot's other senses along.
 */
const COGNATE_BONUS = 0.2;
/** Senses filed under no part of speech, or under another one than asked: maybe right, less likely. */
const NO_POS_PENALTY = 0.1;
const OTHER_POS_PENALTY = 0.4;
const NAME_SCORE = 0.3;
/**
 * A name the dictionary has only as a common word (Pierre, pierre "stone"): the name itself first, above the
 * common word's senses (which score at most 0.9 - OTHER_POS_PENALTY).
 */
const NAME_OVER_COMMON_WORD_SCORE = 0.55;

/**
 * Long lists of synonyms are harder for a learner than one or two words: a small penalty per extra item, less
 * than one step of the source's own order.
 */
function lengthPenalty(sense: string): number {
  const items = sense.split(/[,;]/).length;
  return Math.min(0.06, Math.max(0, items - 2) * 0.01 + (sense.length > 40 ? 0.02 : 0));
}

const clamp = (score: number): number => Math.max(0, Math.min(1, score));

export interface Senses extends SenseSource {
  /** Headwords in the dictionary (single and multi-word). */
  readonly headwords: number;
  /** True when the dictionary has this lemma under any part of speech (as written or in lower case). */
  has(lemma: string): boolean;
}

/**
 * The senses of one headword, scored; `penalty` is what this part of speech costs against the one asked for.
 * Within a source, senses are reordered by their order there, length and cognates; then each source's senses
 * get scores that step down from its weight, so a cognate never lifts an Apertium sense above FreeDict's.
 */
function scored(data: DictionaryData, lemma: string, senses: readonly DictionarySense[], penalty: number): SenseCandidate[] {
  // A cognate the chain missed but the back-translation confirmed ('c') means the chain's own senses came from
  // another sense of the Spanish pivot (violation -> violación -> "rape"): those are dropped.
  const cognateFound = senses.some(([source, , flag]) => data.sources[source] === 'apertium' && flag === 'c');
  const bySource = new Map<number, { sense: string; merit: number }[]>();
  for (const [sourceIndex, sense] of senses) {
    const cognate = isCognate(lemma, sense);
    if (cognateFound && data.sources[sourceIndex] === 'apertium' && !cognate) continue;
    const list = bySource.get(sourceIndex) ?? [];
    list.push({ sense, merit: -list.length * ORDER_STEP - lengthPenalty(sense) + (cognate ? COGNATE_BONUS : 0) });
    bySource.set(sourceIndex, list);
  }
  const out: SenseCandidate[] = [];
  for (const [sourceIndex, list] of bySource) {
    const source = data.sources[sourceIndex] ?? 'unknown';
    const weight = SOURCE_WEIGHT[source] ?? OTHER_SOURCE_WEIGHT;
    list.sort((a, b) => b.merit - a.merit);
    list.forEach(({ sense }, rank) => out.push({ sense, source, score: clamp(weight - rank * ORDER_STEP - penalty) }));
  }
  return out;
}

/** Best first; the same English sense twice keeps the better-ranked one (and its source). */
function ranked(candidates: SenseCandidate[]): SenseCandidate[] {
  const seen = new Set<string>();
  return candidates
    .sort((a, b) => b.score - a.score)
    .filter((candidate) => {
      const key = candidate.sense.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

export function createSenses(data: DictionaryData): Senses {
  let index: HeadwordIndex | undefined;

  const entryOf = (lemma: string): ReadonlyMap<string, readonly DictionarySense[]> | undefined =>
    data.senses(lemma) ?? data.senses(lemma.toLowerCase());

  /** pos undefined: every part of speech alike (an expression's headword, whatever its first word is). */
  function lookup(lemma: string, pos: PartOfSpeech | undefined): SenseCandidate[] {
    const entry = entryOf(lemma);
    const candidates: SenseCandidate[] = [];
    for (const [entryPos, senses] of entry ?? []) {
      const penalty = pos === undefined || entryPos === pos ? 0 : entryPos === '' ? NO_POS_PENALTY : OTHER_POS_PENALTY;
      candidates.push(...scored(data, lemma, senses, penalty));
    }
    if (isCapitalised(lemma)) {
      // A name the dictionary does not know: the name itself is the best suggestion (Pyongyang, Jong-un).
      if (candidates.length === 0) candidates.push({ sense: lemma, source: NAME_SOURCE, score: NAME_SCORE });
      else if (pos === 'proper noun' && !data.senses(lemma)) candidates.push({ sense: lemma, source: NAME_SOURCE, score: NAME_OVER_COMMON_WORD_SCORE });
    }
    return ranked(candidates);
  }

  function expressions(words: readonly ExpressionWord[]): ExpressionCandidate[] {
    index ??= headwordIndex(data.headwords());
    const found: ExpressionCandidate[] = [];
    for (const { first, last, headword } of matchHeadwords(index, words)) {
      const best = lookup(headword, undefined)[0];
      if (best) found.push({ first, last, lemma: headword, sense: best.sense, source: best.source, score: best.score });
    }
    return longestFirst(found);
  }

  return {
    headwords: data.size,
    has: (lemma) => entryOf(lemma) !== undefined,
    lookup,
    expressions,
  };
}
