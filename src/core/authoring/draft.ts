// A draft lesson's documents and the pure edits on them: a new draft from a text, a gloss patch, the files a
// published version gets, and the draft a published version's files give back.
import type { Entry, Expression, Lexicon, LessonFiles, TokenGloss } from '../lesson';
import { LEVELS } from '../lesson';
import { splitParagraphs, splitSentences } from '../tokenizer';
import type { ExpressionReview, Review, TokenReview } from './review';

/** A draft's lesson.json as it is being written: what publishing needs (titleEn, summary) may still be missing. */
export interface DraftManifest {
  id: string;
  title: string;
  titleEn?: string;
  level: (typeof LEVELS)[number];
  summary?: string;
  source?: string;
  date?: string;
  editorNotes?: { paragraph: number; note: string }[];
}

/** quiz.json as the quiz editor holds it: questions may be unfinished. */
export interface DraftQuiz {
  title?: string;
  questions: Record<string, unknown>[];
}

export type DraftTranslation = string | string[] | null;

export interface DraftDocuments {
  manifest: DraftManifest;
  text: string;
  lexicon: Lexicon;
  translations: DraftTranslation[];
  quiz: DraftQuiz;
  review: Review;
}

/** A lesson id made from a title: lower-case ASCII letters, digits and hyphens, one not taken yet. */
export function lessonIdFromTitle(title: string, taken: (id: string) => boolean): string {
  const base =
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/g, '') || 'lecon';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The lesson text of the paragraphs given: one blank line between them, none inside one. */
export function textFromParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => p.trim().replace(/\s*\n\s*\n\s*/g, ' ')).join('\n\n');
}

export interface GlossPatch {
  entries?: { id: string; entry: Entry | null }[];
  tokens?: { at: number; gloss?: TokenGloss | null; review?: TokenReview | null; confirm?: true }[];
  expressions?: { start: number; end: number; expression?: Expression | null; review?: ExpressionReview | null; confirm?: true }[];
}

const unflag = <R extends { unsure?: true; suggested?: true }>(review: R): R => {
  const { unsure: _u, suggested: _s, ...rest } = review;
  return rest as R;
};
const flagged = (review: { unsure?: true; suggested?: true; candidates?: unknown[] }): boolean =>
  review.unsure === true || review.suggested === true || (review.candidates?.length ?? 0) > 0;

/**
 * The lexicon and review after a patch, and the token glosses it left confirmed (no flag left on them), which the
 * house lexicon remembers. Each item sets or removes one thing by its key, so the same patch twice is one patch.
 */
export function applyGlossPatch(
  lexicon: Lexicon,
  review: Review,
  patch: GlossPatch,
): { lexicon: Lexicon; review: Review; confirmed: TokenGloss[]; confirmedExpressions: Expression[] } {
  const entries = { ...lexicon.entries };
  for (const { id, entry } of patch.entries ?? []) {
    if (entry) entries[id] = entry;
    else delete entries[id];
  }
  const tokens = new Map(lexicon.tokens.map((t) => [t.at, t]));
  const tokenReviews = new Map(review.tokens.map((t) => [t.at, t]));
  const touched: number[] = [];
  for (const item of patch.tokens ?? []) {
    if (item.gloss !== undefined) {
      if (item.gloss) tokens.set(item.at, { ...item.gloss, at: item.at });
      else tokens.delete(item.at);
    }
    if (item.review !== undefined) {
      if (item.review) tokenReviews.set(item.at, { ...item.review, at: item.at });
      else tokenReviews.delete(item.at);
    }
    const kept = tokenReviews.get(item.at);
    if (item.confirm && kept) tokenReviews.set(item.at, unflag(kept));
    touched.push(item.at);
  }
  const key = (e: { start: number; end: number }): string => `${e.start}-${e.end}`;
  const expressions = new Map(lexicon.expressions.map((e) => [key(e), e]));
  const expressionReviews = new Map(review.expressions.map((e) => [key(e), e]));
  const confirmedKeys: string[] = [];
  for (const item of patch.expressions ?? []) {
    const k = key(item);
    if (item.confirm) confirmedKeys.push(k);
    if (item.expression !== undefined) {
      if (item.expression) expressions.set(k, { ...item.expression, start: item.start, end: item.end });
      else expressions.delete(k);
    }
    if (item.review !== undefined) {
      if (item.review) expressionReviews.set(k, { ...item.review, start: item.start, end: item.end });
      else expressionReviews.delete(k);
    }
    const kept = expressionReviews.get(k);
    if (item.confirm && kept) expressionReviews.set(k, unflag(kept));
  }
  const confirmed = touched.flatMap((at) => {
    const gloss = tokens.get(at);
    const state = tokenReviews.get(at);
    return gloss && !(state && (state.unsure || state.suggested)) ? [gloss] : [];
  });
  // Expressions joined or confirmed by the teacher, with no flag left: the house lexicon remembers them too.
  const confirmedExpressions = confirmedKeys.flatMap((k) => {
    const expression = expressions.get(k);
    const state = expressionReviews.get(k);
    return expression && !(state && (state.unsure || state.suggested)) ? [expression] : [];
  });
  return {
    lexicon: {
      entries,
      tokens: [...tokens.values()].sort((a, b) => a.at - b.at),
      expressions: [...expressions.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    },
    review: {
      tokens: [...tokenReviews.values()].filter((r) => flagged(r)).sort((a, b) => a.at - b.at),
      expressions: [...expressionReviews.values()].filter((r) => flagged(r)).sort((a, b) => a.start - b.start || a.end - b.end),
    },
    confirmed,
    confirmedExpressions,
  };
}

/** Words still unsure or suggested: what the editor's "next unconfirmed" walks through. */
export function unconfirmedCount(review: Review): number {
  return [...review.tokens, ...review.expressions].filter((r) => r.unsure || r.suggested).length;
}

/** The lemmas of the other glossed words of the sentence holding `at`: the context a confirmed sense is kept with. */
export function sentenceLemmas(text: string, lexicon: Lexicon, at: number): string[] {
  const sentence = splitParagraphs(text)
    .flatMap((p) => splitSentences(text, p))
    .find((s) => s.start <= at && at < s.end);
  if (!sentence) return [];
  const lemmas = new Set<string>();
  for (const gloss of lexicon.tokens) {
    if (gloss.at === at || gloss.at < sentence.start || gloss.at >= sentence.end) continue;
    const lemma = lexicon.entries[gloss.entry]?.lemma;
    if (lemma) lemmas.add(lemma);
  }
  return [...lemmas];
}

/** The files a draft is checked as, and published as: the same five documents a lesson folder has. */
export function filesOfDraft(draft: DraftDocuments): LessonFiles {
  const { manifest, quiz } = draft;
  return {
    'lesson.json': JSON.stringify(manifest, null, 2),
    'text.fr.txt': draft.text,
    'lexicon.json': JSON.stringify(draft.lexicon),
    'translations.json': JSON.stringify(draft.translations),
    ...(quiz.questions.length > 0 ? { 'quiz.json': JSON.stringify({ version: 1, lesson: manifest.id, ...(quiz.title ? { title: quiz.title } : {}), questions: quiz.questions }, null, 2) } : {}),
  };
}

/**
 * A draft from a lesson's files (already checked: a published version or a built-in folder), to edit into a new
 * version; `id` renames it (a pack kept as a copy).
 */
export function draftOfFiles(files: LessonFiles, id?: string): DraftDocuments {
  const manifest = JSON.parse(files['lesson.json']) as DraftManifest;
  const quiz = files['quiz.json'] === undefined ? { questions: [] } : (JSON.parse(files['quiz.json']) as DraftQuiz & { version?: number; lesson?: string });
  const { version: _v, lesson: _l, ...ownQuiz } = quiz as DraftQuiz & { version?: number; lesson?: string };
  return {
    manifest: id ? { ...manifest, id } : manifest,
    text: files['text.fr.txt'].replace(/\r\n?/g, '\n'),
    lexicon: JSON.parse(files['lexicon.json']) as Lexicon,
    translations: JSON.parse(files['translations.json']) as DraftTranslation[],
    quiz: ownQuiz,
    review: { tokens: [], expressions: [] },
  };
}
