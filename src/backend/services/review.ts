// A learner's words and their spaced review: cards are made as words are met in reading, graded in review, and
// shown in the sentence they came from.
import { randomUUID } from 'node:crypto';
import { lemmaKey } from '../../core/lemma-key';
import type { Lesson } from '../../core/lesson';
import { gradeCard, isInQueue, newCard, reopen, reviewQueue } from '../../core/review-schedule';
import { AppError } from '../../shared/errors';
import type { GradeOutcome, MyWord, ReviewQueue, ReviewRating, ReviewSummary } from '../../shared/contract/review';
import type { WordStatus } from '../../shared/types';
import type { ReviewRepository, StoredCard } from '../db/repositories/review';
import type { LessonStore } from '../lesson-store';
import type { LearnerService } from './learners';

/** At most this many words in one review session. */
export const REVIEW_SESSION = 50;

export interface WordSource {
  lessonId: string;
  token: number;
}

export class ReviewService {
  constructor(
    private readonly cards: ReviewRepository,
    private readonly lessons: LessonStore,
    private readonly learners: LearnerService,
    private readonly now: () => Date,
  ) {}

  /**
   * A word was looked up: it gets its card the first time, unless it is a grammatical word (l', qui, et…), which
   * enters review only when the learner marks it learning by hand (statusChanging).
   */
  lookedUp(learnerId: string, lemma: string, source: WordSource): void {
    if (this.lessons.find(source.lessonId)?.tokens[source.token]?.gloss?.function) return;
    const now = this.now();
    this.cards.insertIfMissing(learnerId, lemmaKey(lemma), source, newCard(now), now.toISOString());
  }

  /** Call before the status is saved: a word marked learning gets its card, or comes back to review if it was known. */
  statusChanging(learnerId: string, lemma: string, source: WordSource, next: WordStatus): void {
    if (next !== 'learning') return;
    const key = lemmaKey(lemma);
    const now = this.now();
    if (this.cards.insertIfMissing(learnerId, key, source, newCard(now), now.toISOString())) return;
    const stored = this.cards.card(learnerId, key);
    if (stored && this.cards.status(learnerId, key) === 'known') {
      const reopened = reopen(stored.card, now);
      if (reopened !== stored.card) this.cards.setDue(learnerId, key, reopened.due);
    }
  }

  summary(learnerId: string): ReviewSummary {
    this.learners.require(learnerId);
    return this.reviewSummary(this.cards.cards(learnerId));
  }

  /** "My words": every word looked up or marked learning, newest first. */
  words(learnerId: string): MyWord[] {
    this.learners.require(learnerId);
    const now = this.now();
    return this.cards
      .cards(learnerId)
      .reverse()
      .map((stored) => this.toWord(stored, now));
  }

  /** The words due now, longest overdue first, with the counts the library shows. */
  queue(learnerId: string): ReviewQueue {
    this.learners.require(learnerId);
    const now = this.now();
    const cards = this.cards.cards(learnerId);
    return {
      words: reviewQueue(cards, now)
        .slice(0, REVIEW_SESSION)
        .map((stored) => this.toWord(stored, now)),
      summary: this.reviewSummary(cards),
    };
  }

  grade(learnerId: string, lemma: string, rating: ReviewRating): GradeOutcome {
    this.learners.require(learnerId);
    const key = lemmaKey(lemma);
    const stored = this.cards.card(learnerId, key);
    if (!stored) throw new AppError('not_found', `“${lemma}” is not among this learner’s words.`);
    const now = this.now();
    const { card, log } = gradeCard(stored.card, rating, now);
    this.cards.saveReview(randomUUID(), learnerId, key, card, log);
    return { lemma: key, due: card.due, summary: this.summary(learnerId) };
  }

  private reviewSummary(cards: readonly StoredCard[]): ReviewSummary {
    const now = this.now();
    return {
      due: cards.filter((c) => isInQueue(c.card, c.status, now)).length,
      inReview: cards.filter((c) => c.status !== 'known').length,
    };
  }

  private toWord(stored: StoredCard, now: Date): MyWord {
    // The lesson folder may be removed or no longer load: the word stays, without its sentence.
    const lesson = this.lessons.find(stored.lessonId);
    const lessonTitle = lesson?.manifest.title ?? null;
    const token = lesson && occurrence(lesson, stored);
    const sentence = token && lesson?.sentences[token.sentence];
    return {
      lemma: stored.lemma,
      status: stored.status,
      lessonId: stored.lessonId,
      lessonTitle,
      sentence:
        lesson && token && sentence
          ? {
              before: lesson.text.slice(sentence.start, token.start),
              word: lesson.text.slice(token.start, token.end),
              after: lesson.text.slice(token.end, sentence.end),
            }
          : null,
      gloss: token?.gloss ?? null,
      expression: (token?.gloss?.expression !== undefined && lesson?.expressions[token.gloss.expression]) || null,
      due: stored.card.due,
      inQueue: isInQueue(stored.card, stored.status, now),
      reviews: stored.card.reps,
    };
  }
}

/** The token the word was met at; if the lesson's text changed since, its first occurrence of the lemma. */
function occurrence(lesson: Lesson, stored: StoredCard): Lesson['tokens'][number] | undefined {
  const matches = (t: Lesson['tokens'][number] | undefined): boolean => !!t?.gloss && lemmaKey(t.gloss.lemma) === stored.lemma;
  const at = lesson.tokens[stored.token];
  return matches(at) ? at : lesson.tokens.find(matches);
}
