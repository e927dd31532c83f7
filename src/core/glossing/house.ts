// The house lexicon's ranking: senses a teacher confirmed before come first for the same lemma and part of
// speech, the one confirmed in the most similar sentence first; and its seed, the senses of lessons made by hand.
import * as v from 'valibot';
import { LexiconSchema, loadLesson, type Lesson, type LessonFiles, type Lexicon } from '../lesson';
import { headwordIndex, longestFirst, matchHeadwords, type HeadwordIndex } from './headwords';
import type { ExpressionCandidate, ExpressionWord, HouseLexicon, PartOfSpeech, SenseCandidate, SenseContext } from './types';

export const HOUSE_SOURCE = 'house';

/** A sense a teacher confirmed or wrote, as the store keeps it. Expressions have pos '' and a multi-word lemma. */
export interface ConfirmedSense {
  lemma: string;
  pos: PartOfSpeech | '';
  sense: string;
  /** Lower-cased lemmas of the sentence (or sentences) the sense was confirmed in. */
  contextLemmas: readonly string[];
  /** ISO date and time. */
  confirmedAt: string;
  note?: string;
}

/** House senses score above every dictionary sense (whose scores stay ≤ 0.9): 0.95 plus up to 0.05 for context. */
const HOUSE_BASE = 0.95;
const HOUSE_CONTEXT_SHARE = 0.05;

const keyOf = (lemma: string, pos: string): string => `${lemma.toLowerCase()}|${pos}`;

/**
 * Inverse document frequency over some confirmations' sentences: a lemma in every one of them weighs nothing, a
 * lemma in one of many weighs much. So sharing "le" and "de" with this sentence says little, "missile" much.
 */
function rarity(confirmed: readonly ConfirmedSense[]): (lemma: string) => number {
  const documentFrequency = new Map<string, number>();
  for (const entry of confirmed) for (const lemma of new Set(entry.contextLemmas)) documentFrequency.set(lemma, (documentFrequency.get(lemma) ?? 0) + 1);
  return (lemma) => Math.log(confirmed.length / Math.max(1, documentFrequency.get(lemma) ?? 0));
}

/**
 * The confirmations of one lemma and part of speech as candidates: one per sense, the sense confirmed in the
 * sentence most like this one first (lemmas shared, weighted by `weight`), then the one confirmed more often,
 * then the latest.
 */
function rank(entries: readonly ConfirmedSense[], context: SenseContext, weight: (lemma: string) => number): SenseCandidate[] {
  return rankPrepared(prepare(entries, weight), context);
}

/** Confirmations with their context lemmas already weighed: what rank reads for every word of a text. */
interface Prepared {
  entry: ConfirmedSense;
  key: string;
  context: { lemma: string; weight: number }[];
}

function prepare(entries: readonly ConfirmedSense[], weight: (lemma: string) => number): Prepared[] {
  return entries.map((entry) => ({ entry, key: entry.sense.toLowerCase(), context: [...new Set(entry.contextLemmas)].map((lemma) => ({ lemma, weight: weight(lemma) })) }));
}

/** Membership in a context's lemmas, lower-cased, as rankPrepared reads it: one set for all the words it ranks. */
function lemmaSet(lemmas: readonly string[]): (lowerLemma: string) => boolean {
  const set = new Set(lemmas.map((l) => l.toLowerCase()));
  return (lemma) => set.has(lemma);
}

function rankPrepared(entries: readonly Prepared[], context: SenseContext): SenseCandidate[] {
  if (entries.length === 0) return [];
  // has() is called on its context (a word context answers it from its sentence), else a set of the list.
  const has = context.has ? (lemma: string): boolean => context.has?.(lemma) === true : lemmaSet(context.lemmas);
  const similarity = (prepared: Prepared): number => prepared.context.reduce((sum, c) => sum + (has(c.lemma) ? c.weight : 0), 0);
  const bySense = new Map<string, { sense: string; similarity: number; times: number; latest: string }>();
  for (const prepared of entries) {
    const { entry, key } = prepared;
    const seen = bySense.get(key) ?? { sense: entry.sense, similarity: 0, times: 0, latest: '' };
    seen.similarity = Math.max(seen.similarity, similarity(prepared));
    seen.times++;
    if (entry.confirmedAt > seen.latest) seen.latest = entry.confirmedAt;
    bySense.set(key, seen);
  }
  const senses = [...bySense.values()].sort((a, b) => b.similarity - a.similarity || b.times - a.times || b.latest.localeCompare(a.latest));
  // Strictly decreasing in rank order, all above the dictionaries.
  return senses.map((s, i) => ({ sense: s.sense, source: HOUSE_SOURCE, score: HOUSE_BASE + (HOUSE_CONTEXT_SHARE * (senses.length - i)) / senses.length }));
}

/**
 * Ranks the confirmations a store read for one lemma (any parts of speech; those of `pos` are kept), with
 * rarity counted among them: what the repository's per-lemma read needs.
 */
export function rankHouseSenses(confirmedForLemma: readonly ConfirmedSense[], lemma: string, pos: PartOfSpeech, context: SenseContext): SenseCandidate[] {
  const key = keyOf(lemma, pos);
  return rank(confirmedForLemma.filter((c) => keyOf(c.lemma, c.pos) === key), context, rarity(confirmedForLemma));
}

/**
 * rankHouseSenses for many words of one text: the confirmations of a lemma (any parts of speech, rarity counted
 * among them, as rankHouseSenses does) prepared once, then ranked for each sentence. Same ranking, less work.
 */
export function houseRanker(confirmedForLemma: (lowerLemma: string) => readonly ConfirmedSense[]): (lemma: string, pos: PartOfSpeech, context: SenseContext) => SenseCandidate[] {
  const prepared = new Map<string, Prepared[]>();
  return (lemma, pos, context) => {
    const key = keyOf(lemma, pos);
    let entries = prepared.get(key);
    if (!entries) {
      const all = confirmedForLemma(lemma.toLowerCase());
      entries = prepare(all.filter((c) => keyOf(c.lemma, c.pos) === key), rarity(all));
      prepared.set(key, entries);
    }
    return rankPrepared(entries, context);
  };
}

/** The lookup over every confirmed sense held in memory (the seed, or a whole store read), rarity counted among all. */
export function createHouseLexicon(confirmed: readonly ConfirmedSense[]): HouseLexicon {
  const byKey = new Map<string, ConfirmedSense[]>();
  for (const entry of confirmed) {
    const key = keyOf(entry.lemma, entry.pos);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const weight = rarity(confirmed);
  let expressionIndex: HeadwordIndex | undefined;
  const partsByLemma = new Map<string, Set<PartOfSpeech>>();
  for (const entry of confirmed) {
    if (entry.pos === '') continue;
    const key = entry.lemma.toLowerCase();
    partsByLemma.set(key, (partsByLemma.get(key) ?? new Set()).add(entry.pos));
  }
  return {
    lookup: (lemma, pos, context) => rank(byKey.get(keyOf(lemma, pos)) ?? [], context, weight),
    partsOfSpeech: (lemma) => [...(partsByLemma.get(lemma.toLowerCase()) ?? [])],
    expressions(words: readonly ExpressionWord[]): ExpressionCandidate[] {
      expressionIndex ??= headwordIndex(confirmed.filter((c) => c.pos === '').map((c) => c.lemma));
      const lemmas = words.map((w) => w.lemma);
      // One set for every expression of the sentence, not one per expression found.
      const context: SenseContext = { lemmas, sentence: words.map((w) => w.form).join(' '), has: lemmaSet(lemmas) };
      const found: ExpressionCandidate[] = [];
      for (const { first, last, headword } of matchHeadwords(expressionIndex, words)) {
        const best = rank(byKey.get(keyOf(headword, '')) ?? [], context, weight)[0];
        if (best) found.push({ first, last, lemma: headword, ...best });
      }
      return longestFirst(found);
    },
  };
}

/** House senses first, then the dictionaries' candidates that say something else. */
export function rankWithHouse(house: readonly SenseCandidate[], dictionary: readonly SenseCandidate[]): SenseCandidate[] {
  const said = new Set(house.map((c) => c.sense.toLowerCase()));
  return [...house, ...dictionary.filter((c) => !said.has(c.sense.toLowerCase()))];
}

/**
 * A lesson made by hand (loaded, and its lexicon.json parsed) as house senses: each lexicon entry once for every
 * sentence it glosses a word in, with that sentence's lemmas as context; each expression and name of several
 * words as an expression (pos ''), a one-word name as a proper noun.
 */
export function seedFromLesson(lesson: Lesson, lexicon: Lexicon, confirmedAt: string): ConfirmedSense[] {
  const sentenceLemmas = new Map<number, string[]>();
  for (const token of lesson.tokens) {
    if (!token.gloss) continue;
    sentenceLemmas.set(token.sentence, [...(sentenceLemmas.get(token.sentence) ?? []), token.gloss.lemma.toLowerCase()]);
  }
  const byEntry = new Map<string, { lemma: string; pos: PartOfSpeech; sense: string; note?: string; sentences: Set<number> }>();
  for (const token of lesson.tokens) {
    const entry = token.gloss ? lexicon.entries[token.gloss.entryId] : undefined;
    if (!token.gloss || !entry) continue;
    // The entry's sense, not a token's sense in its sentence: the next lesson's sentence is another one.
    const seen = byEntry.get(token.gloss.entryId) ?? {
      lemma: entry.lemma,
      pos: entry.pos,
      sense: entry.sense,
      ...(entry.note ? { note: entry.note } : {}),
      sentences: new Set<number>(),
    };
    seen.sentences.add(token.sentence);
    byEntry.set(token.gloss.entryId, seen);
  }
  const contextOf = (sentences: Iterable<number>): string[] => [...new Set([...sentences].flatMap((s) => sentenceLemmas.get(s) ?? []))];
  // One confirmation per sentence, as a teacher confirming word by word makes them: a context is one sentence.
  const senses: ConfirmedSense[] = [...byEntry.values()].flatMap(({ sentences, ...entry }) =>
    [...sentences].map((sentence) => ({ ...entry, contextLemmas: contextOf([sentence]), confirmedAt })),
  );
  for (const expression of lesson.expressions) {
    // Its dictionary form when it has one ("ouvrir une nouvelle page"), else the words as they stand ("New York Times").
    const lemma = expression.lemma ?? expression.text;
    const single = !/[\s’'-]/.test(lemma.trim());
    const pos: ConfirmedSense['pos'] = single && expression.kind === 'name' ? 'proper noun' : '';
    const sentences = lesson.sentences.filter((s) => s.start <= expression.start && expression.end <= s.end).map((s) => s.index);
    senses.push({ lemma, pos, sense: expression.sense, contextLemmas: contextOf(sentences), confirmedAt, ...(expression.note ? { note: expression.note } : {}) });
  }
  return senses;
}

/** The seed of one lesson folder's files, checked as loadLesson checks them (a bad lesson throws LessonError). */
export function seedFromLessonFiles(files: LessonFiles, confirmedAt: string): ConfirmedSense[] {
  const lesson = loadLesson(files);
  return seedFromLesson(lesson, v.parse(LexiconSchema, JSON.parse(files['lexicon.json'])), confirmedAt);
}
