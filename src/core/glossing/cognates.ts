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

/** True when the English word (or one word of a short English gloss) is a cognate spelling of the French word. */
export function isCognate(french: string, english: string): boolean {
  const spellings = new Set(cognateSpellings(french));
  return english
    .split(/[\s,;/]+/)
    .map(bareSpelling)
    .some((word) => spellings.has(word));
}
