// A learner's words and their spaced review.
import * as v from 'valibot';
import type { Expression, Gloss } from '../../core/lesson';
import { REVIEW_RATINGS } from '../../core/review-ratings';
import type { WordStatus } from '../types';
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
}

export interface ReviewSummary {
  /** Words due for review now. */
  due: number;
  /** Words in review: looked up or marked learning, and not known. */
  inReview: number;
}

export interface ReviewQueue {
  words: MyWord[];
  summary: ReviewSummary;
}

export interface GradeOutcome {
  lemma: string;
  /** The word's next due time (ISO). */
  due: string;
  summary: ReviewSummary;
}

const Lemma = v.pipe(v.string(), v.nonEmpty('must be a word'), v.maxLength(300, 'must be a word or a phrase'));

export const reviewCalls = {
  'review:summary': returns<ReviewSummary>()(v.strictObject({ learnerId: Id })),
  'review:words': returns<MyWord[]>()(v.strictObject({ learnerId: Id })),
  'review:queue': returns<ReviewQueue>()(v.strictObject({ learnerId: Id })),
  /** Saves the words first..last (token indexes of one sentence) as a phrase; the text comes from the lesson. */
  'review:addPhrase': returns<MyWord>()(v.strictObject({ learnerId: Id, lessonId: LessonId, first: Count, last: Count })),
  'review:grade': returns<GradeOutcome>()(v.strictObject({ learnerId: Id, lemma: Lemma, rating: v.picklist(REVIEW_RATINGS) })),
} satisfies Table;
