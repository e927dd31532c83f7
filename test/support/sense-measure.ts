// How the bundled dictionary's senses compare with a hand-made lexicon: coverage by source and agreement of the
// top candidate. Shared by scripts/measure-senses.ts (the figures) and the unit test that keeps their floor.
import type { Entry } from '../../src/core/lesson';
import type { SenseSource } from '../../src/core/glossing/types';

/** English words that say nothing about which sense is meant: a general list, not the article's. */
const ENGLISH_STOP_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'and', 'or', 'sb', 'sth', 'someone', 'something']);

/** Content words of an English gloss, lower case, plural -s and a few endings trimmed so "leaders" meets "leader". */
export function contentWords(gloss: string): Set<string> {
  return new Set(
    gloss
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length > 1 && !ENGLISH_STOP_WORDS.has(word))
      .map((word) => word.replace(/(ies)$/, 'y').replace(/(?<=[^s])s$/, '')),
  );
}

/** Loose agreement: the two glosses share one content word. */
export function looselyAgree(a: string, b: string): boolean {
  const words = contentWords(b);
  return [...contentWords(a)].some((word) => words.has(word));
}

export interface SenseFigures {
  /** Distinct lemma + part of speech pairs measured. */
  lemmas: number;
  /** Pairs with at least one candidate from FreeDict, from Apertium, from either. */
  freedict: number;
  apertium: number;
  combined: number;
  /** Pairs with any suggestion, a name glossed by itself included. */
  suggested: number;
  /** Pairs whose top candidate (names included) loosely agrees with a hand-made sense of that pair. */
  topAgrees: number;
  /** Pairs with no candidate at all, and pairs whose top candidate disagrees (for reading, not for tuning). */
  missing: string[];
  disagreeing: { lemma: string; pos: string; top: string; handMade: string }[];
}

/** Measures every content entry (function words left out) of a hand-made lexicon, optionally only some parts of speech. */
export function measureSenses(senses: SenseSource, entries: readonly Entry[], keep: (entry: Entry) => boolean = () => true): SenseFigures {
  const byPair = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.function || !keep(entry)) continue;
    const key = `${entry.lemma}|${entry.pos}`;
    byPair.set(key, [...(byPair.get(key) ?? []), entry]);
  }
  const figures: SenseFigures = { lemmas: byPair.size, freedict: 0, apertium: 0, combined: 0, suggested: 0, topAgrees: 0, missing: [], disagreeing: [] };
  for (const group of byPair.values()) {
    const { lemma, pos } = group[0] as Entry;
    const candidates = senses.lookup(lemma, pos);
    const from = (source: string): boolean => candidates.some((c) => c.source === source);
    if (from('freedict')) figures.freedict++;
    if (from('apertium')) figures.apertium++;
    if (from('freedict') || from('apertium')) figures.combined++;
    else figures.missing.push(`${lemma} (${pos})`);
    if (candidates.length > 0) figures.suggested++;
    const top = candidates[0];
    if (top && group.some((entry) => looselyAgree(top.sense, entry.sense))) figures.topAgrees++;
    else figures.disagreeing.push({ lemma, pos, top: top ? `${top.sense} [${top.source}]` : '(none)', handMade: group.map((e) => e.sense).join(' | ') });
  }
  return figures;
}
