// A learner's words: the due counts the library shows, the "My words" list, and a review session that goes through
// the words due, one card at a time: reveal the meaning, then grade the recall.
import { api as appApi } from '../lib/api';
import { deliverExport } from '../lib/download';
import type { Api } from '../../../shared/contract';
import type { MyWord, ReviewItem, ReviewRating, ReviewSummary, WordExportFormat } from '../../../shared/contract/review';
import type { WordStatus } from '../../../shared/types';
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

export type StatusFilter = 'all' | WordStatus | 'ignored';
export type WordSort = 'added' | 'word' | 'status' | 'due' | 'lesson';

/** Lower case without accents, so "etre" finds "être". */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A word or phrase as the text has it; a phrase whose lesson is gone shows its saved text, never its "phrase:" key. */
export const shownWord = (w: MyWord): string => w.sentence?.word ?? w.gloss?.lemma ?? w.expression?.text ?? w.lemma.replace(/^phrase:/u, '');
/** The dictionary form beside it: the word's lemma, or the expression a phrase forms when the lexicon has one. */
export const dictionaryForm = (w: MyWord): string | undefined => (w.kind === 'phrase' ? (w.expression?.lemma ?? w.expression?.text) : w.gloss?.lemma);
const STATUS_ORDER: Record<string, number> = { new: 0, learning: 1, known: 2, ignored: 3 };
export const statusOf = (w: MyWord): WordStatus | 'ignored' => (w.ignored ? 'ignored' : w.status);

export class MyWordsState {
  words = $state<MyWord[] | null>(null);
  /** The time the list was read, so "due in…" texts agree with each other. */
  readAt = $state(0);
  search = $state('');
  status = $state<StatusFilter>('all');
  lesson = $state('all');
  sort = $state<WordSort>('added');
  /** What the last change or export did, for the live region. */
  message = $state('');

  /** The lessons the words came from, for the lesson filter. */
  lessons = $derived.by(() => {
    const lessons: { id: string; title: string }[] = [];
    for (const w of this.words ?? []) if (!lessons.some((l) => l.id === w.lessonId)) lessons.push({ id: w.lessonId, title: w.lessonTitle ?? w.lessonId });
    return lessons;
  });

  visible = $derived.by(() => {
    const query = folded(this.search.trim());
    const shown = (this.words ?? []).filter(
      (w) =>
        (this.status === 'all' || statusOf(w) === this.status) &&
        (this.lesson === 'all' || w.lessonId === this.lesson) &&
        (query === '' || [shownWord(w), w.lemma, w.gloss?.lemma ?? '', w.gloss?.sense ?? '', w.note ?? ''].some((t) => folded(t).includes(query))),
    );
    const by: Record<WordSort, ((a: MyWord, b: MyWord) => number) | null> = {
      added: null,
      word: (a, b) => shownWord(a).localeCompare(shownWord(b), 'fr'),
      status: (a, b) => (STATUS_ORDER[statusOf(a)] ?? 0) - (STATUS_ORDER[statusOf(b)] ?? 0),
      due: (a, b) => Date.parse(a.due) - Date.parse(b.due),
      lesson: (a, b) => (a.lessonTitle ?? a.lessonId).localeCompare(b.lessonTitle ?? b.lessonId, 'fr'),
    };
    const compare = by[this.sort];
    return compare ? [...shown].sort(compare) : shown;
  });

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

  private replace(word: MyWord): void {
    this.words = (this.words ?? []).map((w) => (w.lemma === word.lemma ? word : w));
  }

  /** Returns whether it was saved. */
  async saveNote(lemma: string, note: string): Promise<boolean> {
    const change = await this.session.guard(() => this.api['review:note']({ learnerId: this.learnerId, lemma, note }));
    if (change) {
      this.replace(change.word);
      this.message = strings.words.noteSaved(shownWord(change.word));
    }
    return change !== null;
  }

  async setIgnored(lemma: string, ignored: boolean): Promise<void> {
    const change = await this.session.guard(() => this.api['review:ignore']({ learnerId: this.learnerId, lemma, ignored }));
    if (change) {
      this.replace(change.word);
      this.message = (ignored ? strings.words.ignoredDone : strings.words.unignoredDone)(shownWord(change.word));
    }
  }

  async markKnown(word: MyWord): Promise<void> {
    const done = await this.session.guard(() =>
      this.api['reading:setStatus']({ learnerId: this.learnerId, lessonId: word.lessonId, token: word.token, status: 'known' }),
    );
    if (done) {
      this.replace({ ...word, status: 'known', inQueue: false });
      this.message = strings.words.knownDone(shownWord(word));
    }
  }

  async remove(word: MyWord): Promise<void> {
    const done = await this.session.guard(() => this.api['review:remove']({ learnerId: this.learnerId, lemma: word.lemma }));
    if (done) {
      this.words = (this.words ?? []).filter((w) => w.lemma !== word.lemma);
      this.message = strings.words.removed(shownWord(word));
    }
  }

  async export(format: WordExportFormat): Promise<void> {
    const outcome = await this.session.guard(() => this.api['review:export']({ learnerId: this.learnerId, format }));
    if (outcome) this.message = deliverExport(outcome, strings.results);
  }
}

export class ReviewSession {
  /** The words due when the session started (or last checked for more). */
  queue = $state<ReviewItem[] | null>(null);
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

  /** "I already know this" (status known) or "ignore": the word leaves review and the session goes on. */
  async dismiss(how: 'known' | 'ignore'): Promise<void> {
    const word = this.current;
    if (!word || this.busy) return;
    this.busy = true;
    await this.session.guard(async () => {
      if (how === 'known') {
        await this.api['reading:setStatus']({ learnerId: this.learnerId, lessonId: word.lessonId, token: word.token, status: 'known' });
        this.summary = await this.api['review:summary']({ learnerId: this.learnerId });
      } else {
        this.summary = (await this.api['review:ignore']({ learnerId: this.learnerId, lemma: word.lemma, ignored: true })).summary;
      }
      this.index += 1;
      this.revealed = false;
      this.announcement = (how === 'known' ? strings.review.knownDone : strings.review.ignoredDone)(word.sentence?.word ?? word.lemma);
    });
    this.busy = false;
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
