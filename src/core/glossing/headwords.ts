// Multi-word headwords ("afin de", "ouvrir une nouvelle page") found in a sentence's words: one matcher for the
// dictionary's expressions and the house lexicon's.
import type { ExpressionWord } from './types';

export type HeadwordIndex = ReadonlyMap<string, readonly { words: readonly string[]; headword: string }[]>;

const wordsOf = (headword: string): string[] => headword.toLowerCase().split(/[\s’']+/).filter((w) => w.length > 0);

/** Headwords of two words or more, by their first word in lower case, longest first. */
export function headwordIndex(headwords: Iterable<string>): HeadwordIndex {
  const index = new Map<string, { words: string[]; headword: string }[]>();
  for (const headword of headwords) {
    const words = wordsOf(headword);
    // "... à", "-able": fragments, not expressions a sentence can contain.
    if (words.length < 2 || !/^\p{L}/u.test(headword)) continue;
    const first = words[0] ?? '';
    const list = index.get(first) ?? [];
    list.push({ words, headword });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

export interface HeadwordMatch {
  first: number;
  last: number;
  headword: string;
}

/**
 * Every headword whose words match consecutive words of the sentence, each by its form or its lemma in lower case
 * ("ouvrait une nouvelle page" matches "ouvrir une nouvelle page"); an elided form matches without its apostrophe.
 */
export function matchHeadwords(index: HeadwordIndex, words: readonly ExpressionWord[]): HeadwordMatch[] {
  const forms = words.map((w) => w.form.toLowerCase().replace(/[’']$/, ''));
  const lemmas = words.map((w) => w.lemma.toLowerCase());
  const matches = (i: number, word: string): boolean => forms[i] === word || lemmas[i] === word;
  const found: HeadwordMatch[] = [];
  for (let first = 0; first < words.length; first++) {
    const candidates = new Set([...(index.get(forms[first] ?? '') ?? []), ...(index.get(lemmas[first] ?? '') ?? [])]);
    for (const { words: parts, headword } of candidates) {
      if (first + parts.length > words.length) continue;
      if (parts.every((part, k) => matches(first + k, part))) found.push({ first, last: first + parts.length - 1, headword });
    }
  }
  return found;
}

/** Longest first, then in sentence order: a caller keeping non-overlapping matches keeps the longest. */
export function longestFirst<T extends { first: number; last: number }>(matches: T[]): T[] {
  return matches.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
}
