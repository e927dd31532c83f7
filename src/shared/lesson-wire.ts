// How a lesson crosses the contract. A token's gloss is mostly a copy of its lexicon entry, and a name or an
// expression says the same thing each time it comes back, so sending them whole with every token made a
// 20,000-word lesson weigh 5.4 MB. On the wire each distinct gloss and each distinct expression travels once and a
// token is five small numbers; the renderer unpacks paragraphs back into the LessonView shapes as it shows them.
import type { Expression, Gloss } from '../core/lesson';
import type { LessonView, LessonViewToken } from './types';

/** A gloss without its form (the token's own text) and its expression (sent per token, see TOKEN_STRIDE). */
export type WireGloss = Omit<Gloss, 'form' | 'expression'>;
/** What an expression says, without where it is (sent per occurrence, see `LessonWire.expressionAt`). */
export type WireExpression = Omit<Expression, 'start' | 'end'>;
/** Numbers per expression occurrence in `LessonWire.expressionAt`: start, end, index in `expressionSays`. */
const EXPRESSION_STRIDE = 3;

const KINDS = ['word', 'number', 'punct'] as const satisfies readonly LessonViewToken['kind'][];
/** Numbers per token in `LessonWireParagraph.tokens`. */
export const TOKEN_STRIDE = 5;
const NONE = -1;

export interface LessonWireParagraph {
  index: number;
  start: number;
  end: number;
  translation: string;
  sentences: { start: number; end: number; translation?: string }[];
  /** Lesson index of the paragraph's first token; the others follow in order. */
  firstToken: number;
  /**
   * Per token, five numbers: characters since the previous token's end (the paragraph's start for the first),
   * length, kind (index in word/number/punct), gloss (index in `glosses`, or -1), expression (index in the lesson's
   * expressions, or -1).
   */
  tokens: number[];
}

export interface LessonWire extends Omit<LessonView, 'paragraphs' | 'expressions'> {
  glosses: WireGloss[];
  /** Each distinct expression once. */
  expressionSays: WireExpression[];
  /** The lesson's expressions in order, three numbers each: start, end, index in `expressionSays`. */
  expressionAt: number[];
  paragraphs: LessonWireParagraph[];
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

/** The lesson as sent: every distinct gloss and expression once. Deterministic for one lesson. */
export function packLesson(view: LessonView): LessonWire {
  const glosses: WireGloss[] = [];
  const glossIndex = interner(glosses);
  const expressionSays: WireExpression[] = [];
  const sayIndex = interner(expressionSays);
  const expressionAt: number[] = [];
  for (const { start, end, ...says } of view.expressions) expressionAt.push(start, end, sayIndex(says));
  const { paragraphs, expressions: _expressions, ...rest } = view;
  return {
    ...rest,
    glosses,
    expressionSays,
    expressionAt,
    paragraphs: paragraphs.map(({ tokens, ...paragraph }) => {
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
    }),
  };
}

/** A token that carries a gloss: a word or number the learner can look up. */
export type GlossedToken = LessonViewToken & { gloss: Gloss };

/**
 * Reads a packed lesson a paragraph at a time, unpacking a paragraph's tokens the first time they are asked for.
 * A reader that shows one page of a 20,000-word lesson unpacks that page, not the book.
 */
export class PackedLesson {
  private readonly tokenCache: (LessonViewToken[] | undefined)[] = [];
  private readonly wordCache: (GlossedToken[] | undefined)[] = [];
  private readonly wordCounts: (number | undefined)[] = [];

  constructor(readonly wire: LessonWire) {}

  /** Expression `i` of the lesson, whole. */
  expression(i: number): Expression | undefined {
    const at = i * EXPRESSION_STRIDE;
    const says = this.wire.expressionSays[this.wire.expressionAt[at + 2] ?? NONE];
    return says ? { start: this.wire.expressionAt[at] ?? 0, end: this.wire.expressionAt[at + 1] ?? 0, ...says } : undefined;
  }

  get paragraphCount(): number {
    return this.wire.paragraphs.length;
  }

  /** The tokens of paragraph `p`, unpacked once. */
  tokens(p: number): LessonViewToken[] {
    const cached = this.tokenCache[p];
    if (cached) return cached;
    const paragraph = this.wire.paragraphs[p];
    const tokens: LessonViewToken[] = [];
    if (paragraph) {
      const { tokens: packed, firstToken } = paragraph;
      let cursor = paragraph.start;
      for (let t = 0; t < packed.length; t += TOKEN_STRIDE) {
        const start = cursor + (packed[t] ?? 0);
        const end = start + (packed[t + 1] ?? 0);
        cursor = end;
        const kind = KINDS[packed[t + 2] ?? 0] ?? 'punct';
        const gloss = this.wire.glosses[packed[t + 3] ?? NONE];
        const expression = packed[t + 4] ?? NONE;
        const token: LessonViewToken = { i: firstToken + t / TOKEN_STRIDE, kind, start, end };
        if (gloss) token.gloss = { form: this.wire.text.slice(start, end), ...gloss, ...(expression === NONE ? {} : { expression }) };
        tokens.push(token);
      }
    }
    this.tokenCache[p] = tokens;
    return tokens;
  }

  /** The glossed tokens of paragraph `p`, in reading order. */
  words(p: number): GlossedToken[] {
    return (this.wordCache[p] ??= this.tokens(p).filter((t): t is GlossedToken => t.gloss !== undefined));
  }

  /** How many glossed tokens paragraph `p` has, read from the wire without unpacking it. */
  wordCount(p: number): number {
    const cached = this.wordCounts[p];
    if (cached !== undefined) return cached;
    const packed = this.wire.paragraphs[p]?.tokens ?? [];
    let n = 0;
    for (let t = 3; t < packed.length; t += TOKEN_STRIDE) if ((packed[t] ?? NONE) !== NONE) n++;
    this.wordCounts[p] = n;
    return n;
  }

  /** The paragraph holding token `i`, or -1 when no paragraph does. */
  paragraphOf(i: number): number {
    const paragraphs = this.wire.paragraphs;
    let low = 0;
    let high = paragraphs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const paragraph = paragraphs[mid]!;
      if (i < paragraph.firstToken) high = mid - 1;
      else if (i >= paragraph.firstToken + paragraph.tokens.length / TOKEN_STRIDE) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The paragraph whose text contains `offset`, or -1. */
  paragraphAt(offset: number): number {
    return this.wire.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
  }

  token(i: number, p = this.paragraphOf(i)): LessonViewToken | undefined {
    return p === -1 ? undefined : this.tokens(p)[i - (this.wire.paragraphs[p]?.firstToken ?? 0)];
  }
}

/** The whole LessonView a packed lesson stands for. */
export function unpackLesson(wire: LessonWire): LessonView {
  const { glosses: _glosses, expressionSays: _says, expressionAt, paragraphs, ...rest } = wire;
  const packed = new PackedLesson(wire);
  return {
    ...rest,
    expressions: Array.from({ length: expressionAt.length / EXPRESSION_STRIDE }, (_, i) => packed.expression(i)!),
    paragraphs: paragraphs.map(({ tokens: _tokens, firstToken: _first, ...paragraph }, p) => ({ ...paragraph, tokens: packed.tokens(p) })),
  };
}
