// A learner's words and their spaced review.
import * as v from 'valibot';
import type { Expression, Gloss } from '../../core/lesson';
import { REVIEW_RATINGS, type ReviewRating } from '../../core/review-ratings';
import type { ExportOutcome, WordStatus } from '../types';
import { returns, type Table } from './call';
import { Count, Id, LessonId } from './fields';

export type { ReviewRating } from '../../core/review-ratings';

/** A sentence of a lesson split around one word, so the word can be marked in it. French text. */
export interface SentenceParts {
  before: string;
  word: string;
  after: string;
}

/** One of a learner's words, with the sentence it was met in and its gloss there. */
export interface MyWord {
  /** A word, or a phrase the learner saved from the reader (several words of one sentence). */
  kind: 'word' | 'phrase';
  /** The lemma as statuses key it (lower case); for a phrase, "phrase:" and its text in lower case. */
  lemma: string;
  status: WordStatus;
  lessonId: string;
  /** The word's place in that lesson (the token it was met at), to set its status there. */
  token: number;
  /** null when the lesson it came from can no longer be opened. */
  lessonTitle: string | null;
  sentence: SentenceParts | null;
  gloss: Gloss | null;
  expression: Expression | null;
  /** When the word is next due for review (ISO). */
  due: string;
  /** Due now and not known. */
  inQueue: boolean;
  reviews: number;
  /** The learner's own note or meaning; null when none. */
  note: string | null;
  /** Never offered for review while ignored; the learner can take it back. */
  ignored: boolean;
}

/** A word of a review session, with when it would next be due after each rating (ISO), shown on the buttons. */
export interface ReviewItem extends MyWord {
  nextDue: Record<ReviewRating, string>;
}

export interface ReviewSummary {
  /** Words due for review now. */
  due: number;
  /** Words in review: looked up or marked learning, and not known. */
  inReview: number;
}

export interface ReviewQueue {
  words: ReviewItem[];
  summary: ReviewSummary;
}

export interface GradeOutcome {
  lemma: string;
  /** The word's next due time (ISO). */
  due: string;
  summary: ReviewSummary;
}

export interface WordChange {
  word: MyWord;
  summary: ReviewSummary;
}

export const WORD_EXPORT_FORMATS = ['csv', 'tsv', 'apkg'] as const;
export type WordExportFormat = (typeof WORD_EXPORT_FORMATS)[number];

export const NOTE_MAX = 500;

const Lemma = v.pipe(v.string(), v.nonEmpty('must be a word'), v.maxLength(300, 'must be a word or a phrase'));

export const reviewCalls = {
  'review:summary': returns<ReviewSummary>()(v.strictObject({ learnerId: Id })),
  'review:words': returns<MyWord[]>()(v.strictObject({ learnerId: Id })),
  'review:queue': returns<ReviewQueue>()(v.strictObject({ learnerId: Id })),
  /** Saves the words first..last (token indexes of one sentence) as a phrase; the text comes from the lesson. */
  'review:addPhrase': returns<MyWord>()(v.strictObject({ learnerId: Id, lessonId: LessonId, first: Count, last: Count })),
  'review:grade': returns<GradeOutcome>()(v.strictObject({ learnerId: Id, lemma: Lemma, rating: v.picklist(REVIEW_RATINGS) })),
  /** An empty note removes it. */
  'review:note': returns<WordChange>()(
    v.strictObject({ learnerId: Id, lemma: Lemma, note: v.pipe(v.string(), v.maxLength(NOTE_MAX, `must be at most ${NOTE_MAX} characters`)) }),
  ),
  'review:ignore': returns<WordChange>()(v.strictObject({ learnerId: Id, lemma: Lemma, ignored: v.boolean() })),
  /** The word leaves "My words" and review; looking it up again brings it back as a new card. */
  'review:remove': returns<ReviewSummary>()(v.strictObject({ learnerId: Id, lemma: Lemma })),
  'review:export': returns<ExportOutcome>()(v.strictObject({ learnerId: Id, format: v.picklist(WORD_EXPORT_FORMATS) }), { transport: 'http' }),
} satisfies Table;
