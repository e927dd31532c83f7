// French tokenizer: words, elided articles and pronouns, numbers and punctuation, with character offsets
// into the original text so the reader can render it exactly as written.

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the first UTF-16 code unit in the source text. */
  start: number;
  /** Offset just past the last code unit. */
  end: number;
}

export interface Range {
  start: number;
  end: number;
}

// A hand-written scanner over UTF-16 code units, with exactly the behaviour of this one regex (kept here as the
// specification; src/core/tokenizer.property.test.ts checks the scanner against it on random text):
//   /([\p{L}\p{M}]+(?:[-‐‑'’][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:[.,]\p{N}+)?
//    (?:(?:ères?|ers?|res?|èmes?|es?|nde?s?)(?![\p{L}\p{M}]))?)|\S/gu
// that is: a run of letters (with combining marks) joined by hyphens or apostrophes (nord-coréen, Jong-un,
// l’agence); a number with thousands groups, decimals and ordinal endings (1 000, 3,5, 1er, 2e); otherwise a
// single punctuation mark, one code point (an emoji's surrogate pair is one mark). The regex ran at about a
// million words a second; the scanner classifies each code unit through a table instead.

// Character classes; 0 in the table means "not classified yet".
const SPACE = 1;
const LETTER = 2; // \p{L} or \p{M}
const DIGIT = 3; // \p{N}
const OTHER = 4;

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const NUMBER = /^\p{N}$/u;
const WHITE_SPACE = /^\s$/u;

/** The class of one code point, by the same Unicode properties the regex used. */
function classify(codePoint: string): number {
  if (LETTER_OR_MARK.test(codePoint)) return LETTER;
  if (NUMBER.test(codePoint)) return DIGIT;
  if (WHITE_SPACE.test(codePoint)) return SPACE;
  return OTHER;
}

// Class of each BMP code unit (surrogates excepted): Latin-1 filled at load, the rest on first sight, so French
// text almost never reaches the regexes above. Astral code points are classified each time (they are rare).
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x100; c++) BMP_CLASS[c] = classify(String.fromCharCode(c));

function bmpClass(c: number): number {
  const known = BMP_CLASS[c] as number;
  if (known !== 0) return known;
  const cls = classify(String.fromCharCode(c));
  BMP_CLASS[c] = cls;
  return cls;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** Class of the code point at i (i < text.length); a lone surrogate is OTHER, as for the regex's \S. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!isSurrogate(c)) return bmpClass(c);
  const codePoint = text.codePointAt(i) as number;
  return codePoint > 0xffff ? classify(String.fromCodePoint(codePoint)) : OTHER;
}

/** Code units in the code point at i: 2 for a surrogate pair, else 1. */
const widthAt = (text: string, i: number): number => ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);

/** End of the run of code points of class `cls` starting at i. */
function skip(text: string, i: number, cls: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isSurrogate(c)) {
      if (bmpClass(c) !== cls) break;
      i++;
    } else {
      if (classAt(text, i) !== cls) break;
      i += widthAt(text, i);
    }
  }
  return i;
}

// - ‐ ‑ ' ’: join two runs of letters into one word.
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2011 || isApostrophe(c);
// . , NBSP, narrow NBSP: before exactly three digits, a thousands group.
const isGroupSeparator = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0xa0 || c === 0x202f;
const isDecimalPoint = (c: number): boolean => c === 0x2e || c === 0x2c;
// Ordinal endings of a number (1er, 2e, 3ème, 2nd), taken only when no letter follows them.
const ORDINALS = new Set(['ères', 'ère', 'ers', 'er', 'res', 're', 'èmes', 'ème', 'es', 'e', 'ndes', 'nde', 'nds', 'nd']);

/** End of three digits starting at i, or -1 if there are not three. */
function threeDigitsEnd(text: string, i: number): number {
  for (let k = 0; k < 3; k++) {
    if (i >= text.length || classAt(text, i) !== DIGIT) return -1;
    i += widthAt(text, i);
  }
  return i;
}

/** End of the number starting at i. */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  let end = skip(text, i, DIGIT);
  while (end < n && isGroupSeparator(text.charCodeAt(end))) {
    const group = threeDigitsEnd(text, end + 1);
    if (group < 0) break;
    end = group;
  }
  if (end + 1 < n && isDecimalPoint(text.charCodeAt(end)) && classAt(text, end + 1) === DIGIT) end = skip(text, end + 1, DIGIT);
  // An ordinal ending must be the whole run of letters after the digits (the regex's (?![\p{L}\p{M}])).
  const letters = skip(text, end, LETTER);
  if (letters > end && letters - end <= 4 && ORDINALS.has(text.slice(end, letters))) end = letters;
  return end;
}

// Elided forms that stand as words of their own before a vowel or mute h.
const ELISIONS = new Set(['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'qu', 'l', 'd', 'n', 's', 'j', 'c', 'm', 't']);
const ELIDED_PREFIX = /^([\p{L}\p{M}]+)['’](?=[\p{L}\p{M}])/u;

// Words whose apostrophe is part of the word, not an elision.
const WHOLE_WORDS = new Set(['aujourd’hui', 'quelqu’un', 'quelqu’une', 'presqu’île', 'prud’homme', 'prud’hommes']);

function normaliseApostrophes(word: string): string {
  return word.replace(/'/g, '’').toLowerCase();
}

/** Splits a letter chunk with an apostrophe into its elided prefixes and the word that follows them. */
function splitElisions(chunk: string, start: number, out: Token[]): void {
  let rest = chunk;
  let offset = start;
  while (!WHOLE_WORDS.has(normaliseApostrophes(rest))) {
    const elided = ELIDED_PREFIX.exec(rest);
    if (!elided || !ELISIONS.has((elided[1] ?? '').toLowerCase())) break;
    const piece = elided[0];
    out.push({ kind: 'word', text: piece, start: offset, end: offset + piece.length });
    offset += piece.length;
    rest = rest.slice(piece.length);
  }
  if (rest.length > 0) out.push({ kind: 'word', text: rest, start: offset, end: offset + rest.length });
}

// Token texts are interned in a small cache keyed by their code units, so a word that comes back is the same
// string each time, one byte a character when it fits in Latin-1. Why: V8 allocates the long-lived tokens in
// the old generation, so a fresh slice per token is a young string pointed at from old memory, which every
// minor garbage collection must copy and track (most of the tokenizer's time on a busy machine); and a slice of
// a text with ’ or « is two bytes a character, which makes toLowerCase() on it slow. The cache is bounded:
// when all the probed slots are taken the last is overwritten, and long tokens are not interned.
const INTERN_SLOTS = 1 << 15; // a power of two
const INTERN_PROBES = 8;
const INTERN_MAX_LENGTH = 32;
const internTable: string[] = new Array<string>(INTERN_SLOTS).fill(''); // '' is a free slot: no token is empty

function sameText(known: string, text: string, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** text.slice(start, end), interned. */
function textOf(text: string, start: number, end: number): string {
  if (end - start > INTERN_MAX_LENGTH) return text.slice(start, end);
  let hash = 0;
  let latin1 = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    hash = (Math.imul(hash, 31) + c) | 0;
    if (c > 0xff) latin1 = false;
  }
  const home = hash ^ (hash >>> 15);
  let slot = 0;
  for (let probe = 0; probe < INTERN_PROBES; probe++) {
    slot = (home + probe) & (INTERN_SLOTS - 1);
    const known = internTable[slot] as string;
    if (known === '') break;
    if (sameText(known, text, start, end)) return known;
  }
  const slice = text.slice(start, end);
  // String.fromCharCode builds a one-byte string when every code fits in one.
  const fresh = latin1 ? String.fromCharCode(...Array.from(slice, (ch) => ch.charCodeAt(0))) : slice;
  internTable[slot] = fresh;
  return fresh;
}

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classAt(text, i);
    if (cls === SPACE) {
      i++; // white space is all in the BMP
      continue;
    }
    const start = base + i;
    if (cls === LETTER) {
      // Runs of letters, joined by a hyphen or apostrophe when a letter follows it.
      let end = skip(text, i, LETTER);
      let apostrophe = false;
      while (end + 1 < n && isJoiner(text.charCodeAt(end)) && classAt(text, end + 1) === LETTER) {
        apostrophe ||= isApostrophe(text.charCodeAt(end));
        end = skip(text, end + 1, LETTER);
      }
      // Most words have no apostrophe, hence no elision to look for (the tokenizer's hot path).
      if (apostrophe) splitElisions(textOf(text, i, end), start, tokens);
      else tokens.push({ kind: 'word', text: textOf(text, i, end), start, end: base + end });
      i = end;
    } else {
      const end = cls === DIGIT ? numberEnd(text, i) : i + widthAt(text, i);
      tokens.push({ kind: cls === DIGIT ? 'number' : 'punct', text: textOf(text, i, end), start, end: base + end });
      i = end;
    }
  }
  return tokens;
}

/** Paragraphs are the text's non-empty lines; offsets stay those of the whole text. */
export function splitParagraphs(text: string): Range[] {
  const paragraphs: Range[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const trimmed = line.replace(/\s+$/u, '');
    if (trimmed.trim().length > 0) paragraphs.push({ start, end: start + trimmed.length });
    start = end + 1;
  }
  return paragraphs;
}

// A sentence ends at . ! ? or … (with any closing quote, spaced the French way), before a capital, a digit,
// an opening quote or the end; not after common abbreviations such as M. or Mme.
const SENTENCE_END =
  /(?<!(?:^|[\s(«“])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|St|Ste|av|apr|J\.-C|cf|p|vol|n°))[.!?…]+(?:[\s\u00A0\u202F]*[»”"')\]])*(?=[\s\u00A0\u202F]+[«"“(\p{Lu}\p{N}]|\s*$)/gu;

/** Sentence ranges inside one paragraph (offsets in the whole text). */
export function splitSentences(text: string, paragraph: Range): Range[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const sentences: Range[] = [];
  let start = 0;
  for (const match of body.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    pushTrimmed(body, start, end, paragraph.start, sentences);
    start = end;
  }
  pushTrimmed(body, start, body.length, paragraph.start, sentences);
  return sentences;
}

function pushTrimmed(body: string, start: number, end: number, base: number, out: Range[]): void {
  while (start < end && /\s/u.test(body[start] ?? '')) start++;
  while (end > start && /\s/u.test(body[end - 1] ?? '')) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
}
