// The gloss editor's model: a draft's words with their gloss and review flags, and the edits a teacher makes
// (confirm, pick a candidate, write a sense, join or split an expression, mark a name), each turned into the
// small idempotent patch authoring:saveGlosses takes. A patch sets every touched item whole, so the same
// function makes the patch of an edit and of its undo.
import type { Entry, Expression, Lexicon, TokenGloss } from '../lesson';
import { splitParagraphs, tokenize } from '../tokenizer';
import type { Candidate, ExpressionReview, Review, TokenReview } from './review';

export interface GlossDraft {
  text: string;
  lexicon: Lexicon;
  review: Review;
}

/** Unconfirmed first by how much they need a look: no gloss, unsure reading, suggested sense. */
export type WordStatus = 'missing' | 'unsure' | 'suggested' | 'confirmed';

export interface WordView {
  /** Index among the draft's words (numbers included), in text order. */
  index: number;
  at: number;
  end: number;
  form: string;
  /** 0-based. */
  paragraph: number;
  gloss?: TokenGloss;
  entry?: Entry;
  /** The sense shown: the token's own, else its entry's. */
  sense?: string;
  status: WordStatus;
  candidates: Candidate[];
  /** Index into lexicon.expressions when the word is part of one. */
  expression?: number;
}

/** What the teacher writes for a word; empty fields are left out. */
export interface GlossFields {
  lemma: string;
  pos: Entry['pos'];
  sense: string;
  note?: string;
  gender?: 'm' | 'f' | '';
  tense?: string;
}

export interface GlossPatch {
  entries?: { id: string; entry: Entry | null }[];
  tokens?: { at: number; gloss?: TokenGloss | null; review?: TokenReview | null; confirm?: true }[];
  expressions?: { start: number; end: number; expression?: Expression | null; review?: ExpressionReview | null; confirm?: true }[];
}

/** What an edit changed, by key: enough to make its patch now, or its undo's from the state before. */
export interface Touched {
  tokens: number[];
  expressions: [number, number][];
  entries: string[];
  confirm: boolean;
}

/** Paragraphs [first, end) of a draft, whose first word is the draft's word `firstIndex`: one page of the editor. */
export interface WordRange {
  first: number;
  end: number;
  firstIndex: number;
}

/**
 * The words of the draft, or of the paragraphs `range` names (the editor holds one page's glosses and asks for
 * that page's words alone), each with its gloss and how much it needs a look.
 */
export function wordViews(draft: GlossDraft, range?: WordRange): WordView[] {
  const glossAt = new Map(draft.lexicon.tokens.map((t) => [t.at, t]));
  const reviewAt = new Map(draft.review.tokens.map((r) => [r.at, r]));
  const words: WordView[] = [];
  const paragraphs = splitParagraphs(draft.text);
  const first = range?.first ?? 0;
  const firstIndex = range?.firstIndex ?? 0;
  paragraphs.slice(first, range?.end ?? paragraphs.length).forEach((span, k) => {
    const paragraph = first + k;
    for (const token of tokenize(draft.text.slice(span.start, span.end), span.start)) {
      if (token.kind === 'punct') continue;
      const gloss = glossAt.get(token.start);
      const entry = gloss ? draft.lexicon.entries[gloss.entry] : undefined;
      const review = reviewAt.get(token.start);
      const status: WordStatus = !gloss || !entry ? 'missing' : review?.unsure ? 'unsure' : review?.suggested ? 'suggested' : 'confirmed';
      words.push({
        index: firstIndex + words.length,
        at: token.start,
        end: token.end,
        form: token.text,
        paragraph,
        ...(gloss ? { gloss } : {}),
        ...(entry ? { entry } : {}),
        ...(entry ? { sense: gloss?.sense ?? entry.sense } : {}),
        status,
        candidates: review?.candidates ?? [],
      });
    }
  });
  placeExpressions(words, draft.lexicon.expressions);
  return words;
}

/**
 * Gives each word the first expression (by index) that contains it. Each expression looks up its first word by
 * binary search and walks its own words: a 100,000-word draft has some 19,000 expressions, and asking each word
 * about every one of them took minutes.
 */
function placeExpressions(words: WordView[], expressions: readonly Expression[]): void {
  expressions.forEach((e, index) => {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (words[mid]!.at < e.start) low = mid + 1;
      else high = mid;
    }
    for (let w = low; w < words.length && words[w]!.at < e.end; w++) {
      const word = words[w]!;
      if (word.end <= e.end && word.expression === undefined) word.expression = index;
    }
  });
}

/** An entry id for lemma + pos + sense: the existing entry when one says the same, else a new free id. */
function entryIdFor(lexicon: Lexicon, entry: Entry): { id: string; added: boolean } {
  for (const [id, e] of Object.entries(lexicon.entries)) {
    if (e.lemma === entry.lemma && e.pos === entry.pos && e.sense === entry.sense && e.gender === entry.gender) return { id, added: false };
  }
  const base = `${entry.lemma}-${entry.pos}`.toLocaleLowerCase('fr').replace(/\s+/gu, '_');
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!lexicon.entries[id]) return { id, added: true };
  }
}

/** The review after a confirm: the candidates stay for a later change of mind, the flags go. */
function confirmedReview(review: TokenReview | undefined): TokenReview | undefined {
  if (!review) return undefined;
  return { at: review.at, ...(review.candidates ? { candidates: review.candidates } : {}) };
}

function withTokenReview(review: Review, at: number, next: TokenReview | undefined): Review {
  const tokens = review.tokens.filter((r) => r.at !== at);
  return { ...review, tokens: next ? [...tokens, next] : tokens };
}

export interface Edited {
  draft: GlossDraft;
  touched: Touched;
}

export function confirmWord(draft: GlossDraft, word: WordView): Edited {
  const review = draft.review.tokens.find((r) => r.at === word.at);
  return {
    draft: { ...draft, review: withTokenReview(draft.review, word.at, confirmedReview(review)) },
    touched: { tokens: [word.at], expressions: [], entries: [], confirm: true },
  };
}

/** The teacher's gloss for a word (typed, or a candidate picked), confirmed. */
export function setWordGloss(draft: GlossDraft, word: WordView, fields: GlossFields): Edited {
  const old = word.gloss;
  // The editor shows a gender for nouns only. One it hides (filled in from the word's old reading) stays only while
  // the part of speech does (a participle's agreement): a noun read again as a verb is no "feminine verb".
  const genderShown = fields.pos === 'noun' || fields.pos === 'proper noun';
  const samePos = word.entry?.pos === fields.pos;
  const gender = genderShown || samePos ? fields.gender || undefined : undefined;
  const entry: Entry = {
    lemma: fields.lemma.trim(),
    pos: fields.pos,
    sense: fields.sense.trim(),
    ...(gender && genderShown ? { gender } : {}),
    ...(word.entry?.function && word.entry.lemma === fields.lemma.trim() ? { function: true as const } : {}),
  };
  const { id, added } = entryIdFor(draft.lexicon, entry);
  const tense = fields.tense?.trim();
  const verb = fields.pos === 'verb' || fields.pos === 'auxiliary' ? (tense ? { ...(old?.verb ?? { mood: 'indicative' as const }), tense } : old?.verb) : undefined;
  const note = fields.note?.trim();
  const gloss: TokenGloss = {
    at: word.at,
    form: word.form,
    entry: id,
    ...(gender ? { gender } : old?.gender && !added && samePos ? { gender: old.gender } : {}),
    ...(old?.number ? { number: old.number } : {}),
    ...(verb ? { verb } : {}),
    ...(note ? { note } : {}),
  };
  const review = draft.review.tokens.find((r) => r.at === word.at);
  return {
    draft: {
      ...draft,
      lexicon: {
        ...draft.lexicon,
        entries: added ? { ...draft.lexicon.entries, [id]: entry } : draft.lexicon.entries,
        tokens: [...draft.lexicon.tokens.filter((t) => t.at !== word.at), gloss].sort((a, b) => a.at - b.at),
      },
      review: withTokenReview(draft.review, word.at, confirmedReview(review)),
    },
    touched: { tokens: [word.at], expressions: [], entries: added ? [id] : [], confirm: true },
  };
}

/** Joins words first..last (by index) into one expression, or a name, with its sense. */
export function joinWords(draft: GlossDraft, words: readonly WordView[], kind: Expression['kind'], sense: string): Edited {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return { draft, touched: { tokens: [], expressions: [], entries: [], confirm: false } };
  const text = draft.text.slice(first.at, last.end);
  const expression: Expression = { start: first.at, end: last.end, text, kind, sense: sense.trim() || text };
  const overlaps = (e: Expression): boolean => e.start < expression.end && expression.start < e.end;
  const removed = draft.lexicon.expressions.filter(overlaps);
  return {
    draft: {
      ...draft,
      lexicon: { ...draft.lexicon, expressions: [...draft.lexicon.expressions.filter((e) => !overlaps(e)), expression].sort((a, b) => a.start - b.start) },
      review: { ...draft.review, expressions: draft.review.expressions.filter((r) => !(r.start < expression.end && expression.start < r.end)) },
    },
    touched: { tokens: [], expressions: [...removed.map((e): [number, number] => [e.start, e.end]), [expression.start, expression.end]], entries: [], confirm: true },
  };
}

/** Takes the expression apart: its words keep their own glosses. */
export function splitExpression(draft: GlossDraft, index: number): Edited {
  const expression = draft.lexicon.expressions[index];
  if (!expression) return { draft, touched: { tokens: [], expressions: [], entries: [], confirm: false } };
  return {
    draft: {
      ...draft,
      lexicon: { ...draft.lexicon, expressions: draft.lexicon.expressions.filter((_, i) => i !== index) },
      review: { ...draft.review, expressions: draft.review.expressions.filter((r) => r.start !== expression.start || r.end !== expression.end) },
    },
    touched: { tokens: [], expressions: [[expression.start, expression.end]], entries: [], confirm: false },
  };
}

/**
 * The patch that makes the backend's draft hold `draft`'s value of every touched item: after an edit, the edit;
 * given the draft before the edit, its undo.
 */
export function patchOf(draft: GlossDraft, touched: Touched, confirm = touched.confirm): GlossPatch {
  const patch: GlossPatch = {};
  if (touched.entries.length) patch.entries = touched.entries.map((id) => ({ id, entry: draft.lexicon.entries[id] ?? null }));
  if (touched.tokens.length) {
    patch.tokens = touched.tokens.map((at) => ({
      at,
      gloss: draft.lexicon.tokens.find((t) => t.at === at) ?? null,
      review: draft.review.tokens.find((r) => r.at === at) ?? null,
      ...(confirm ? { confirm: true as const } : {}),
    }));
  }
  if (touched.expressions.length) {
    patch.expressions = touched.expressions.map(([start, end]) => ({
      start,
      end,
      expression: draft.lexicon.expressions.find((e) => e.start === start && e.end === end) ?? null,
      review: draft.review.expressions.find((r) => r.start === start && r.end === end) ?? null,
      ...(confirm && draft.lexicon.expressions.some((e) => e.start === start && e.end === end) ? { confirm: true as const } : {}),
    }));
  }
  return patch;
}

/** Two patches as one, the later winning for an item both set: what autosave sends after a pause. */
export function mergePatches(a: GlossPatch, b: GlossPatch): GlossPatch {
  const merge = <T>(x: T[] | undefined, y: T[] | undefined, key: (item: T) => string): T[] | undefined => {
    if (!x?.length) return y;
    if (!y?.length) return x;
    const byKey = new Map(x.map((item) => [key(item), item]));
    for (const item of y) byKey.set(key(item), item);
    return [...byKey.values()];
  };
  const out: GlossPatch = {};
  const entries = merge(a.entries, b.entries, (e) => e.id);
  const tokens = merge(a.tokens, b.tokens, (t) => String(t.at));
  const expressions = merge(a.expressions, b.expressions, (e) => `${e.start}-${e.end}`);
  if (entries) out.entries = entries;
  if (tokens) out.tokens = tokens;
  if (expressions) out.expressions = expressions;
  return out;
}
