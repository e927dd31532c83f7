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

// One pass, one regex: group 1 a run of letters (with combining marks) joined by hyphens or apostrophes
// (nord-coréen, Jong-un, l’agence); group 2 a number with thousands groups, decimals and ordinal endings
// (1 000, 3,5, 1er, 2e); otherwise a single punctuation mark.
const CHUNK =
  /([\p{L}\p{M}]+(?:[-‐‑'’][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,\u00A0\u202F]\p{N}{3})*(?:[.,]\p{N}+)?(?:(?:ères?|ers?|res?|èmes?|es?|nde?s?)(?![\p{L}\p{M}]))?)|\S/gu;

// Elided forms that stand as words of their own before a vowel or mute h.
const ELISIONS = new Set(['jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'qu', 'l', 'd', 'n', 's', 'j', 'c', 'm', 't']);
const ELIDED_PREFIX = /^([\p{L}\p{M}]+)['’](?=[\p{L}\p{M}])/u;

// Words whose apostrophe is part of the word, not an elision.
const WHOLE_WORDS = new Set(['aujourd’hui', 'quelqu’un', 'quelqu’une', 'presqu’île', 'prud’homme', 'prud’hommes']);

function normaliseApostrophes(word: string): string {
  return word.replace(/'/g, '’').toLowerCase();
}

/** Splits a letter chunk into its elided prefixes and the word that follows them. */
function splitElisions(chunk: string, start: number, out: Token[]): void {
  // Most words have no apostrophe at all: no work for them (the tokenizer's hot path).
  if (!chunk.includes('’') && !chunk.includes("'")) {
    out.push({ kind: 'word', text: chunk, start, end: start + chunk.length });
    return;
  }
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

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const chunks = new RegExp(CHUNK.source, CHUNK.flags);
  for (let match = chunks.exec(text); match !== null; match = chunks.exec(text)) {
    const chunk = match[0];
    const start = base + match.index;
    if (match[1] !== undefined) splitElisions(chunk, start, tokens);
    else if (match[2] !== undefined) tokens.push({ kind: 'number', text: chunk, start, end: start + chunk.length });
    else tokens.push({ kind: 'punct', text: chunk, start, end: start + chunk.length });
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
