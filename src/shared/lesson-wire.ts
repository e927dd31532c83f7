// How a lesson crosses the contract. A token's gloss is mostly a copy of its lexicon entry, and a name or an
// expression says the same thing each time it comes back, so sending them whole with every token made a
// 20,000-word lesson weigh 5.4 MB. On the wire each distinct gloss and each distinct expression travels once per
// part and a token is five small numbers. A lesson is sent in parts of a few pages: lessons:get brings its outline
// (a few numbers per paragraph) and the first part, lessons:part the others as the reader nears them, so the first
// reply is small whatever the length. The renderer unpacks paragraphs back into the LessonView shapes as it shows
// them.
// Long because packing, the parts and reading them back are one format: split, each half would restate it.
import type { Expression, Gloss } from '../core/lesson';
import { paginate } from '../core/reader/pages';
import type { LessonView, LessonViewToken } from './types';

/** A gloss without its form (the token's own text) and its expression (sent per token, see TOKEN_STRIDE). */
export type WireGloss = Omit<Gloss, 'form' | 'expression'>;
/** What an expression says, without where it is (sent per occurrence, see `LessonWirePart.expressionAt`). */
export type WireExpression = Omit<Expression, 'start' | 'end'>;
/** Numbers per expression occurrence in `LessonWirePart.expressionAt`: start, end, index in `expressionSays`. */
const EXPRESSION_STRIDE = 3;
/** Numbers per paragraph in `LessonWire.outline`: start offset, first token, word count. */
const OUTLINE_STRIDE = 3;
/** Pages (core/reader/pages) per part: the reader fetches the next part while its learner reads this one. */
export const PAGES_PER_PART = 2;

const KINDS = ['word', 'number', 'punct'] as const satisfies readonly LessonViewToken['kind'][];
/** Numbers per token in `LessonWireParagraph.tokens`. */
export const TOKEN_STRIDE = 5;
const NONE = -1;

export interface LessonWireParagraph {
  index: number;
  start: number;
  end: number;
  /** Absent when the lesson has no translation for this paragraph. */
  translation?: string;
  sentences: { start: number; end: number; translation?: string }[];
  /** Lesson index of the paragraph's first token; the others follow in order. */
  firstToken: number;
  /**
   * Per token, five numbers: characters since the previous token's end (the paragraph's start for the first),
   * length, kind (index in word/number/punct), gloss (index in its part's `glosses`, or -1), expression (index in
   * the lesson's expressions, or -1).
   */
  tokens: number[];
}

/** Paragraphs [from, from + paragraphs.length) of a lesson, with everything needed to show them. */
export interface LessonWirePart {
  from: number;
  /** The lesson's text from `textStart` up to the next part's (the text's end for the last). */
  textStart: number;
  text: string;
  glosses: WireGloss[];
  expressionSays: WireExpression[];
  /** Lesson index of the part's first expression; its expressions follow in order. */
  firstExpression: number;
  /** The part's expressions in order, three numbers each: start, end, index in `expressionSays`. */
  expressionAt: number[];
  paragraphs: LessonWireParagraph[];
}

export interface LessonWire extends Omit<LessonView, 'paragraphs' | 'expressions' | 'text'> {
  /** Per paragraph, OUTLINE_STRIDE numbers: enough to page the lesson and find any word before its part is here. */
  outline: number[];
  tokenCount: number;
  /** The first paragraph of each part. */
  partStarts: number[];
  /** The parts this reply carries, by part number: lessons:get sends the first, lessons:part one other. */
  parts: Record<number, LessonWirePart>;
}

/** Adds `item` to `list` unless an equal one is there already; returns its index. */
function interner<T>(list: T[]): (item: T) => number {
  const index = new Map<string, number>();
  return (item) => {
    const key = JSON.stringify(item);
    let at = index.get(key);
    if (at === undefined) {
      at = list.push(item) - 1;
      index.set(key, at);
    }
    return at;
  };
}

function packParagraph({ tokens, ...paragraph }: LessonView['paragraphs'][number], glossIndex: (gloss: WireGloss) => number): LessonWireParagraph {
  const packed: number[] = [];
  let cursor = paragraph.start;
  for (const token of tokens) {
    const { gloss } = token;
    let glossAt = NONE;
    if (gloss) {
      const { form: _form, expression: _expression, ...says } = gloss;
      glossAt = glossIndex(says);
    }
    packed.push(token.start - cursor, token.end - token.start, KINDS.indexOf(token.kind), glossAt, gloss?.expression ?? NONE);
    cursor = token.end;
  }
  return { ...paragraph, firstToken: tokens[0]?.i ?? 0, tokens: packed };
}

/** The whole lesson packed, every part in it (the backend keeps this and sends it a part at a time). */
export function packLesson(view: LessonView): LessonWire {
  const { paragraphs, expressions, text, ...rest } = view;
  const wordCounts = paragraphs.map((p) => p.tokens.filter((t) => t.gloss).length);
  const partStarts = paginate(wordCounts)
    .filter((_, page) => page % PAGES_PER_PART === 0)
    .map(([first]) => first);
  if (partStarts.length === 0) partStarts.push(0);
  const parts: Record<number, LessonWirePart> = {};
  let expression = 0;
  partStarts.forEach((from, n) => {
    const to = partStarts[n + 1] ?? paragraphs.length;
    const textStart = n === 0 ? 0 : (paragraphs[from]?.start ?? text.length);
    const textEnd = n === partStarts.length - 1 ? text.length : (paragraphs[to]?.start ?? text.length);
    const glosses: WireGloss[] = [];
    const expressionSays: WireExpression[] = [];
    const sayIndex = interner(expressionSays);
    const expressionAt: number[] = [];
    const firstExpression = expression;
    while (expression < expressions.length && (expressions[expression]?.start ?? Infinity) < textEnd) {
      const { start, end, ...says } = expressions[expression++]!;
      expressionAt.push(start, end, sayIndex(says));
    }
    const glossIndex = interner(glosses);
    parts[n] = {
      from,
      textStart,
      text: text.slice(textStart, textEnd),
      glosses,
      expressionSays,
      firstExpression,
      expressionAt,
      paragraphs: paragraphs.slice(from, to).map((p) => packParagraph(p, glossIndex)),
    };
  });
  const outline = paragraphs.flatMap((p, i) => [p.start, p.tokens[0]?.i ?? 0, wordCounts[i] ?? 0]);
  const tokenCount = paragraphs.reduce((n, p) => n + p.tokens.length, 0);
  return { ...rest, outline, tokenCount, partStarts, parts };
}

/** What lessons:get sends: the outline and the first part; the reader asks for the others (lessons:part). */
export function firstReply(wire: LessonWire): LessonWire {
  return { ...wire, parts: wire.parts[0] ? { 0: wire.parts[0] } : {} };
}

/** A token that carries a gloss: a word or number the learner can look up. */
export type GlossedToken = LessonViewToken & { gloss: Gloss };

/**
 * Reads a packed lesson a paragraph at a time, unpacking a paragraph's tokens the first time they are asked for.
 * A reader that shows one page of a 20,000-word lesson unpacks that page, not the book. Paragraphs of parts not
 * yet here read as empty until `addPart` brings them (`has` says which).
 */
export class PackedLesson {
  private readonly tokenCache: (LessonViewToken[] | undefined)[] = [];
  private readonly wordCache: (GlossedToken[] | undefined)[] = [];
  private readonly parts: (LessonWirePart | undefined)[] = [];

  constructor(readonly wire: LessonWire) {
    for (const [n, part] of Object.entries(wire.parts)) this.parts[Number(n)] = part;
  }

  get paragraphCount(): number {
    return this.wire.outline.length / OUTLINE_STRIDE;
  }

  /** The part that holds paragraph `p`. */
  partOf(p: number): number {
    const starts = this.wire.partStarts;
    let n = 0;
    while (n + 1 < starts.length && (starts[n + 1] ?? Infinity) <= p) n++;
    return n;
  }

  /** Whether part `n` is here (a part beyond the lesson counts as here: there is nothing to fetch). */
  hasPart(n: number): boolean {
    return n < 0 || n >= this.wire.partStarts.length || this.parts[n] !== undefined;
  }

  addPart(n: number, part: LessonWirePart): void {
    this.parts[n] ??= part;
  }

  /** Paragraph `p` as sent, once its part is here. */
  paragraph(p: number): LessonWireParagraph | undefined {
    const part = this.parts[this.partOf(p)];
    return part?.paragraphs[p - part.from];
  }

  /** The lesson's text from `start` to `end`, within one part (a paragraph, a sentence, a few words). */
  slice(start: number, end: number): string {
    for (const part of this.parts) {
      if (part && start >= part.textStart && start < part.textStart + part.text.length) {
        return part.text.slice(start - part.textStart, end - part.textStart);
      }
    }
    return '';
  }

  /** Expression `i` of the lesson, whole, once its part is here. */
  expression(i: number): Expression | undefined {
    for (const part of this.parts) {
      if (!part || i < part.firstExpression || i >= part.firstExpression + part.expressionAt.length / EXPRESSION_STRIDE) continue;
      const at = (i - part.firstExpression) * EXPRESSION_STRIDE;
      const says = part.expressionSays[part.expressionAt[at + 2] ?? NONE];
      return says ? { start: part.expressionAt[at] ?? 0, end: part.expressionAt[at + 1] ?? 0, ...says } : undefined;
    }
    return undefined;
  }

  /** The tokens of paragraph `p`, unpacked once (none while its part is not here). */
  tokens(p: number): LessonViewToken[] {
    const cached = this.tokenCache[p];
    if (cached) return cached;
    const part = this.parts[this.partOf(p)];
    const paragraph = part?.paragraphs[p - part.from];
    if (!part || !paragraph) return [];
    const tokens: LessonViewToken[] = [];
    const { tokens: packed, firstToken } = paragraph;
    let cursor = paragraph.start;
    for (let t = 0; t < packed.length; t += TOKEN_STRIDE) {
      const start = cursor + (packed[t] ?? 0);
      const end = start + (packed[t + 1] ?? 0);
      cursor = end;
      const kind = KINDS[packed[t + 2] ?? 0] ?? 'punct';
      const gloss = part.glosses[packed[t + 3] ?? NONE];
      const expression = packed[t + 4] ?? NONE;
      const token: LessonViewToken = { i: firstToken + t / TOKEN_STRIDE, kind, start, end };
      if (gloss) token.gloss = { form: part.text.slice(start - part.textStart, end - part.textStart), ...gloss, ...(expression === NONE ? {} : { expression }) };
      tokens.push(token);
    }
    this.tokenCache[p] = tokens;
    return tokens;
  }

  /** The glossed tokens of paragraph `p`, in reading order. */
  words(p: number): GlossedToken[] {
    const cached = this.wordCache[p];
    if (cached) return cached;
    const words = this.tokens(p).filter((t): t is GlossedToken => t.gloss !== undefined);
    // Kept once the paragraph's part is here; until then it has no words yet, not none at all.
    if (this.tokenCache[p]) this.wordCache[p] = words;
    return words;
  }

  /** How many glossed tokens paragraph `p` has, from the outline (its part need not be here). */
  wordCount(p: number): number {
    return this.wire.outline[p * OUTLINE_STRIDE + 2] ?? 0;
  }

  private firstToken(p: number): number {
    return p >= this.paragraphCount ? this.wire.tokenCount : (this.wire.outline[p * OUTLINE_STRIDE + 1] ?? 0);
  }

  /** The paragraph holding token `i`, or -1 when no paragraph does (from the outline). */
  paragraphOf(i: number): number {
    if (i < 0 || i >= this.wire.tokenCount) return -1;
    let low = 0;
    let high = this.paragraphCount - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (i < this.firstToken(mid)) high = mid - 1;
      else if (i >= this.firstToken(mid + 1)) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The paragraph whose text contains `offset`, or -1 (from the outline: the text after a paragraph is its own). */
  paragraphAt(offset: number): number {
    const last = this.paragraphCount - 1;
    const lastParagraph = this.paragraph(last);
    if (offset < 0 || (lastParagraph && offset >= lastParagraph.end)) return -1;
    for (let p = last; p >= 0; p--) if ((this.wire.outline[p * OUTLINE_STRIDE] ?? 0) <= offset) return p;
    return -1;
  }

  token(i: number, p = this.paragraphOf(i)): LessonViewToken | undefined {
    return p === -1 ? undefined : this.tokens(p)[i - this.firstToken(p)];
  }
}

/** The whole LessonView a packed lesson with all its parts stands for. */
export function unpackLesson(wire: LessonWire): LessonView {
  const { outline: _outline, tokenCount: _count, partStarts, parts, ...rest } = wire;
  const packed = new PackedLesson(wire);
  const all = partStarts.map((_, n) => parts[n]).filter((part): part is LessonWirePart => part !== undefined);
  const expressionCount = all.reduce((n, part) => n + part.expressionAt.length / EXPRESSION_STRIDE, 0);
  return {
    ...rest,
    text: all.map((part) => part.text).join(''),
    expressions: Array.from({ length: expressionCount }, (_, i) => packed.expression(i)!),
    paragraphs: all.flatMap((part) =>
      part.paragraphs.map(({ tokens: _tokens, firstToken: _first, ...paragraph }) => ({ ...paragraph, tokens: packed.tokens(paragraph.index) })),
    ),
  };
}
