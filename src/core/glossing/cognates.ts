// French -> English cognates by spelling (nation -> nation, technologie -> technology, nucléaire -> nuclear): the
// dictionary build uses them to propose a cognate for back-translation, and ranking uses them to prefer a
// cognate over a pivot language's other sense (Apertium's violation -> violación -> "rape").

/** Lower case without accents: the spelling both languages are compared in. */
export function bareSpelling(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** General suffix correspondences between French and English spellings, French ending first. */
const SUFFIXES: readonly [RegExp, string][] = [
  [/ique$/, 'ic'],
  [/ique$/, 'ical'],
  [/ie$/, 'y'],
  [/ite$/, 'ity'],
  [/eur$/, 'or'],
  [/eur$/, 'er'],
  [/eux$/, 'ous'],
  [/isme$/, 'ism'],
  [/iste$/, 'ist'],
  [/aire$/, 'ary'],
  [/oire$/, 'ory'],
  [/if$/, 'ive'],
  [/el$/, 'al'],
  [/e$/, ''],
  [/e$/, 'al'],
  [/er$/, 'e'],
  [/er$/, ''],
  [/ir$/, ''],
  [/re$/, 'er'],
  [/iser$/, 'ize'],
  [/ifier$/, 'ify'],
  [/ement$/, 'ly'],
  [/ment$/, 'ly'],
  [/ain$/, 'an'],
  [/ien$/, 'ian'],
];

/** English spellings a French word's cognate could have (the bare word itself first); real words or not. */
export function cognateSpellings(french: string): string[] {
  const bare = bareSpelling(french);
  const out = new Set([bare]);
  for (const [ending, english] of SUFFIXES) if (ending.test(bare)) out.add(bare.replace(ending, english));
  return [...out].filter((word) => word.length > 2);
}

/** Edits (insert, delete, substitute) from a to b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** Long words a few letters apart are cognates too (gouvernement / government, développement / development). */
const MIN_FUZZY_LENGTH = 6;
const MAX_EDITS_PER_LETTER = 0.2;

function cognateWords(spellings: readonly string[], word: string): boolean {
  return spellings.some(
    (spelling) =>
      spelling === word ||
      (word.length >= MIN_FUZZY_LENGTH &&
        spelling[0] === word[0] &&
        editDistance(spelling, word) <= MAX_EDITS_PER_LETTER * Math.max(spelling.length, word.length)),
  );
}

/** True when the English word, or one word of an English gloss, is a cognate of the French word. */
export function isCognate(french: string, english: string): boolean {
  const spellings = cognateSpellings(french);
  return english
    .split(/[\s,;/()]+/)
    .map(bareSpelling)
    .some((word) => cognateWords(spellings, word));
}
