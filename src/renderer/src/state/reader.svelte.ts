// The reader's state for one learner and one lesson: the text, word statuses, the open gloss, reading position
// and time. Every change the learner makes goes to the backend; the screen only lays this out.
import { api } from '../lib/api';
import { session } from './session.svelte';
import type { LessonView, LessonViewToken, ReadingState, WordStatus } from '../../../shared/types';

export type OpenedBy = 'pointer' | 'keyboard' | 'hover';

export interface WordRef {
  token: LessonViewToken & { gloss: NonNullable<LessonViewToken['gloss']> };
  paragraph: number;
}

/** About this many words on a page; the article (437 words) is one page. */
export const PAGE_WORDS = 1200;

/** Whole paragraphs per page, a page closing once it holds PAGE_WORDS words. */
export function paginate(lesson: LessonView | null): [number, number][] {
  if (!lesson) return [];
  const pages: [number, number][] = [];
  let first = 0;
  let words = 0;
  lesson.paragraphs.forEach((paragraph, p) => {
    words += paragraph.tokens.filter((t) => t.gloss !== undefined).length;
    if (words >= PAGE_WORDS || p === lesson.paragraphs.length - 1) {
      pages.push([first, p + 1]);
      first = p + 1;
      words = 0;
    }
  });
  return pages;
}

/** Seconds of reading are sent in batches, and only while the window is visible and focused. */
const TIME_FLUSH_SECONDS = 30;

export class ReaderState {
  lesson = $state<LessonView | null>(null);
  reading = $state<ReadingState>({ statuses: {}, position: null, secondsRead: 0, lookups: 0 });
  open = $state<{ word: WordRef; by: OpenedBy } | null>(null);
  /** The one word in the tab order (roving tabindex). */
  active = $state(0);
  /**
   * Per-word flags read by each word's button. A word subscribes to its own key only, so opening a gloss or
   * moving the focus re-renders two words, not the whole lesson.
   */
  isOpen = $state<Record<number, boolean>>({});
  isTabStop = $state<Record<number, boolean>>({});
  /** Long lessons are shown a page at a time (about PAGE_WORDS words, whole paragraphs). */
  page = $state(0);
  revealed = $state<Record<number, boolean>>({});
  highlight = $state<{ start: number; end: number } | null>(null);

  /** Every glossable word in reading order, for arrow-key moves. */
  words = $derived<WordRef[]>(
    this.lesson
      ? this.lesson.paragraphs.flatMap((p) =>
          p.tokens.filter((t): t is WordRef['token'] => t.gloss !== undefined).map((token) => ({ token, paragraph: p.index })),
        )
      : [],
  );
  // Rebuilt whole when the lesson changes and never mutated, so a plain Map is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private wordIndex = $derived(new Map(this.words.map((w, i) => [w.token.i, i])));

  /** Paragraph ranges [first, end) of each page. */
  pages = $derived(paginate(this.lesson));

  private unsentSeconds = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private positionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly lessonId: string,
    readonly learnerId: string,
  ) {}

  async load(): Promise<void> {
    await session.guard(async () => {
      const [lesson, reading] = await Promise.all([
        api['lessons:get']({ lessonId: this.lessonId }),
        api['reading:state']({ learnerId: this.learnerId, lessonId: this.lessonId }),
      ]);
      this.lesson = lesson;
      this.reading = reading;
      let start = reading.position?.token ?? this.words[0]?.token.i ?? 0;
      if (!this.wordIndex.has(start)) start = this.words[0]?.token.i ?? 0;
      this.setActive(start);
      const word = this.word(start);
      if (word) this.page = this.pageOfParagraph(word.paragraph);
    });
  }

  statusOf(lemma: string): WordStatus {
    return this.reading.statuses[lemma.toLocaleLowerCase('fr')] ?? 'new';
  }

  word(tokenIndex: number): WordRef | undefined {
    const i = this.wordIndex.get(tokenIndex);
    return i === undefined ? undefined : this.words[i];
  }

  /** The word `step` places away in reading order, clamped to the text. */
  neighbour(tokenIndex: number, step: number): WordRef | undefined {
    const i = this.wordIndex.get(tokenIndex) ?? 0;
    return this.words[Math.min(this.words.length - 1, Math.max(0, i + step))];
  }

  firstWordOfParagraph(paragraph: number): WordRef | undefined {
    return this.words.find((w) => w.paragraph === paragraph);
  }

  lastWordOfParagraph(paragraph: number): WordRef | undefined {
    return this.words.findLast((w) => w.paragraph === paragraph);
  }

  pageOfParagraph(paragraph: number): number {
    const found = this.pages.findIndex((page) => paragraph >= page[0] && paragraph < page[1]);
    return found === -1 ? 0 : found;
  }

  private setActive(index: number): void {
    if (this.active !== index) delete this.isTabStop[this.active];
    this.active = index;
    this.isTabStop[index] = true;
  }

  private setOpen(next: ReaderState['open']): void {
    const previous = this.open?.word.token.i;
    if (previous !== undefined && previous !== next?.word.token.i) delete this.isOpen[previous];
    this.open = next;
    if (next) this.isOpen[next.word.token.i] = true;
  }

  /** Shows a page; the keyboard lands on its first word unless told otherwise. */
  showPage(page: number, word?: WordRef): void {
    this.page = Math.max(0, Math.min(this.pages.length - 1, page));
    this.setOpen(null);
    const target = word ?? this.firstWordOfParagraph(this.pages[this.page]?.[0] ?? 0);
    if (target) this.setActive(target.token.i);
  }

  show(word: WordRef, by: OpenedBy): void {
    if (this.open?.word.token.i === word.token.i && this.open.by !== 'hover' && by === 'hover') return;
    this.setOpen({ word, by });
    this.setActive(word.token.i);
    this.savePositionSoon(word);
    void session.guard(async () => {
      const { lookups } = await api['reading:lookup']({
        learnerId: this.learnerId,
        lessonId: this.lessonId,
        token: word.token.i,
        paragraph: word.paragraph,
      });
      this.reading.lookups = lookups;
    });
  }

  close(): void {
    this.setOpen(null);
  }

  async setStatus(word: WordRef, status: WordStatus): Promise<void> {
    await session.guard(async () => {
      const saved = await api['reading:setStatus']({ learnerId: this.learnerId, lessonId: this.lessonId, token: word.token.i, status });
      // Changed in place, key by key: only the words of this lemma re-render.
      if (saved.status === 'new') delete this.reading.statuses[saved.lemma];
      else this.reading.statuses[saved.lemma] = saved.status;
    });
  }

  focusWord(word: WordRef): void {
    if (this.pageOfParagraph(word.paragraph) !== this.page) this.page = this.pageOfParagraph(word.paragraph);
    this.setActive(word.token.i);
    this.savePositionSoon(word);
  }

  toggleTranslation(paragraph: number): void {
    this.revealed = { ...this.revealed, [paragraph]: !this.revealed[paragraph] };
  }

  private savePositionSoon(word: WordRef): void {
    clearTimeout(this.positionTimer);
    this.positionTimer = setTimeout(() => {
      void session.guard(() =>
        api['reading:savePosition']({ learnerId: this.learnerId, lessonId: this.lessonId, paragraph: word.paragraph, token: word.token.i }),
      );
    }, 400);
  }

  /** Counts reading time while the page is visible and focused; call stopClock when leaving. */
  startClock(): void {
    this.timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || !document.hasFocus()) return;
      this.unsentSeconds += 1;
      if (this.unsentSeconds >= TIME_FLUSH_SECONDS) void this.flushTime();
    }, 1000);
  }

  async stopClock(): Promise<void> {
    clearInterval(this.timer);
    await this.flushTime();
  }

  private async flushTime(): Promise<void> {
    const seconds = this.unsentSeconds;
    if (seconds < 1) return;
    this.unsentSeconds = 0;
    await session.guard(async () => {
      const { secondsRead } = await api['reading:addTime']({ learnerId: this.learnerId, lessonId: this.lessonId, seconds });
      this.reading.secondsRead = secondsRead;
    });
  }
}
