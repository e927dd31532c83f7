// A learner's words: the due counts the library shows, the "My words" list, and a review session that goes through
// the words due, one card at a time: reveal the meaning, then grade the recall.
import { api as appApi } from '../lib/api';
import type { Api } from '../../../shared/contract';
import type { MyWord, ReviewRating, ReviewSummary } from '../../../shared/contract/review';
import { strings } from '../strings';
import { session as appSession, type SessionState } from './session.svelte';

export class ReviewSummaryState {
  summary = $state<ReviewSummary | null>(null);

  constructor(
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(learnerId: string): Promise<void> {
    await this.session.guard(async () => {
      this.summary = await this.api['review:summary']({ learnerId });
    });
  }
}

export class MyWordsState {
  words = $state<MyWord[] | null>(null);
  /** The time the list was read, so "due in…" texts agree with each other. */
  readAt = $state(0);

  constructor(
    readonly learnerId: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(): Promise<void> {
    await this.session.guard(async () => {
      this.words = await this.api['review:words']({ learnerId: this.learnerId });
      this.readAt = Date.now();
    });
  }
}

export class ReviewSession {
  /** The words due when the session started (or last checked for more). */
  queue = $state<MyWord[] | null>(null);
  index = $state(0);
  revealed = $state(false);
  reviewed = $state(0);
  summary = $state<ReviewSummary | null>(null);
  busy = $state(false);
  /** The last grading, for screen readers. */
  announcement = $state('');

  current = $derived(this.queue?.[this.index] ?? null);
  finished = $derived(this.queue !== null && this.index >= this.queue.length);

  constructor(
    readonly learnerId: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(): Promise<void> {
    await this.session.guard(async () => {
      const { words, summary } = await this.api['review:queue']({ learnerId: this.learnerId });
      this.queue = words;
      this.summary = summary;
      this.index = 0;
      this.revealed = false;
    });
  }

  reveal(): void {
    if (this.current) this.revealed = true;
  }

  async grade(rating: ReviewRating, ratingName: string): Promise<void> {
    const word = this.current;
    if (!word || !this.revealed || this.busy) return;
    this.busy = true;
    await this.session.guard(async () => {
      const outcome = await this.api['review:grade']({ learnerId: this.learnerId, lemma: word.lemma, rating });
      this.summary = outcome.summary;
      this.reviewed += 1;
      this.index += 1;
      this.revealed = false;
      this.announcement = strings.review.graded(word.sentence?.word ?? word.lemma, ratingName);
    });
    this.busy = false;
  }
}
