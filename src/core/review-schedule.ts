// Spaced review of a learner's words: the only place that speaks to ts-fsrs. Cards and logs are kept as plain,
// serialisable records (ISO dates) so repositories can store them and tests can compare them.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ReviewRating } from './review-ratings';

export type { ReviewRating };

/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
export type CardPhase = 0 | 1 | 2 | 3;

export interface CardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  lastReview: string | null;
}

/** One grading, as ts-fsrs logs it: the card's state before the review, and the rating given. */
export interface ReviewLogEntry {
  rating: 1 | 2 | 3 | 4;
  state: CardPhase;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: string;
}

const GRADES: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// No fuzz: the same card, rating and clock always give the same next due date (tests and support rely on it).
// Short-term learning steps stay on, so a word answered "Again" comes back within minutes, not tomorrow.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true });

function fromCard(card: Card): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardPhase,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

function toCard(card: CardState): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}

/** A card for a word met just now: due at once, nothing learned yet. */
export function newCard(now: Date): CardState {
  return fromCard(createEmptyCard(now));
}

/** Grades one recall of the word and returns the rescheduled card and the log of this review. */
export function gradeCard(card: CardState, rating: ReviewRating, now: Date): { card: CardState; log: ReviewLogEntry } {
  const next = scheduler.next(toCard(card), now, GRADES[rating]);
  const log = next.log;
  return {
    card: fromCard(next.card),
    log: {
      rating: log.rating as number as ReviewLogEntry['rating'],
      state: log.state as number as CardPhase,
      due: log.due.toISOString(),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: log.review.toISOString(),
    },
  };
}

/** When the word would next be due after each rating, as Anki shows on its buttons: what gradeCard would give. */
export function nextDueByRating(card: CardState, now: Date): Record<ReviewRating, string> {
  const preview = scheduler.repeat(toCard(card), now);
  const due = (rating: ReviewRating): string => preview[GRADES[rating]].card.due.toISOString();
  return { again: due('again'), hard: due('hard'), good: due('good'), easy: due('easy') };
}

/** A word is reviewed while the learner has neither marked it known nor ignored it, once its due time has come. */
export function isInQueue(card: Pick<CardState, 'due'>, status: string, now: Date, ignored = false): boolean {
  return !ignored && status !== 'known' && Date.parse(card.due) <= now.getTime();
}

/** The words to review now, the longest overdue first. */
export function reviewQueue<T extends { card: Pick<CardState, 'due'>; status: string; ignored?: boolean }>(words: readonly T[], now: Date): T[] {
  return words.filter((w) => isInQueue(w.card, w.status, now, w.ignored)).sort((a, b) => Date.parse(a.card.due) - Date.parse(b.card.due));
}

/** A word set back to "learning" after "known" comes back to the queue at once, keeping what FSRS knows of it. */
export function reopen(card: CardState, now: Date): CardState {
  return Date.parse(card.due) <= now.getTime() ? card : { ...card, due: now.toISOString() };
}
