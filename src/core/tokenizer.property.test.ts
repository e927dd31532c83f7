// The hand-written scanner in tokenizer.ts against the regex tokenizer it replaced, on random text: both must give
// exactly the same tokens (kinds, texts, offsets). The regex version is copied here, same behaviour, as the oracle.
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from './tokenizer';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

// ---- the oracle: the regex tokenizer as it was before the scanner ----

const CHUNK =
  /([\p{L}\p{M}]+(?:[-‐‑'’][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:[.,]\p{N}+)?(?:(?:ères?|ers?|res?|èmes?|es?|nde?s?)(?![\p{L}\p{M}]))?)|\S/gu;
const ELISIONS = new Set(['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'qu', 'l', 'd', 'n', 's', 'j', 'c', 'm', 't']);
const ELIDED_PREFIX = /^([\p{L}\p{M}]+)['’](?=[\p{L}\p{M}])/u;
const WHOLE_WORDS = new Set(['aujourd’hui', 'quelqu’un', 'quelqu’une', 'presqu’île', 'prud’homme', 'prud’hommes']);

function oracleSplitElisions(chunk: string, start: number, out: Token[]): void {
  if (!chunk.includes('’') && !chunk.includes("'")) {
    out.push({ kind: 'word', text: chunk, start, end: start + chunk.length });
    return;
  }
  let rest = chunk;
  let offset = start;
  while (!WHOLE_WORDS.has(rest.replace(/'/g, '’').toLowerCase())) {
    const elided = ELIDED_PREFIX.exec(rest);
    if (!elided || !ELISIONS.has((elided[1] ?? '').toLowerCase())) break;
    const piece = elided[0];
    out.push({ kind: 'word', text: piece, start: offset, end: offset + piece.length });
    offset += piece.length;
    rest = rest.slice(piece.length);
  }
  if (rest.length > 0) out.push({ kind: 'word', text: rest, start: offset, end: offset + rest.length });
}

function oracle(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const chunks = new RegExp(CHUNK.source, CHUNK.flags);
  for (let match = chunks.exec(text); match !== null; match = chunks.exec(text)) {
    const chunk = match[0];
    const start = base + match.index;
    if (match[1] !== undefined) oracleSplitElisions(chunk, start, tokens);
    else if (match[2] !== undefined) tokens.push({ kind: 'number', text: chunk, start, end: start + chunk.length });
    else tokens.push({ kind: 'punct', text: chunk, start, end: start + chunk.length });
  }
  return tokens;
}

// ---- generated text ----

// Pieces chosen to hit every branch of the regex: letters (Latin-1, œ, Greek, CJK, an astral letter), combining
// marks (also at the start of a word), digits of several scripts (superscripts, fractions, an astral digit),
// the joiners, the number separators, ordinal endings, elided forms and whole words, white space of every
// kind (and U+180E, which is no longer white space), punctuation, emoji (surrogate pairs) and lone surrogates.
const PIECES = [
  ...'abcdeélnqstuxzEÉLMNQÀàâçèêëîïôùûüÿœŒß',
  'α', 'Ж', '日', '𝐀', 'ǅ',
  '\u0301', '\u0300', '\u0327', '\u{1D167}', 'e\u0301', 'e\u0300me',
  ...'0123456789', '²', '½', '٣', '𝟏', 'Ⅻ',
  '-', '‐', '‑', "'", '’', '.', ',', '\u00A0', '\u202F',
  'er', 'ers', 're', 'res', 'e', 'es', 'ère', 'ères', 'ème', 'èmes', 'nd', 'nde', 'ndes', 'nds', 'ème', 'ne',
  'l’', "l'", 'd’', 'qu’', "qu'", 'jusqu’', 'L’', 'aujourd’hui', "aujourd'hui", 'quelqu’un', 'presqu’île', 'prud’hommes', '000', '1 000',
  ' ', ' ', ' ', '\n', '\t', '\r', '\u2003', '\u3000', '\uFEFF', '\u180E', '\u2028',
  ...';:!?«»—…()%/_°"', '“', '”',
  '😀', '👍🏽', '🇫🇷', '\uD83D', '\uDE00',
];
const frenchish = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 40 });
const anyCodePoints = fc.string({
  unit: fc.oneof(fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)), fc.constantFrom(...PIECES)),
  maxLength: 30,
});

describe('tokenize matches the regex tokenizer it replaced', () => {
  it('on French-like text with digits, joiners, marks, white space, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(frenchish, fc.nat(1000), (text, base) => {
        expect(tokenize(text, base)).toEqual(oracle(text, base));
      }),
      { numRuns: RUNS },
    );
  });

  it('on any code points, lone surrogates included', () => {
    fc.assert(
      fc.property(anyCodePoints, (text) => {
        expect(tokenize(text)).toEqual(oracle(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('on the whole kim-russie article', () => {
    const article = readFileSync(resolve('resources/lessons/kim-russie/text.fr.txt'), 'utf8');
    expect(tokenize(article)).toEqual(oracle(article));
  });

  it('the oracle and the generator do reach the cases the scanner must get right', () => {
    // Guards the test itself: if the oracle or the pieces drifted, the properties above could pass vacuously.
    expect(oracle('1\u00A0000,5e 😀 l’a-')).toEqual([
      { kind: 'number', text: '1\u00A0000,5e', start: 0, end: 8 },
      { kind: 'punct', text: '😀', start: 9, end: 11 },
      { kind: 'word', text: 'l’', start: 12, end: 14 },
      { kind: 'word', text: 'a', start: 14, end: 15 },
      { kind: 'punct', text: '-', start: 15, end: 16 },
    ]);
    const kinds = new Set<string>();
    fc.sample(frenchish, { numRuns: 200, seed: 1 }).forEach((text) => oracle(text).forEach((t) => kinds.add(t.kind)));
    expect([...kinds].sort()).toEqual(['number', 'punct', 'word']);
  });
});
