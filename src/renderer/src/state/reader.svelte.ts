// The reader's state for one learner and one lesson: the text, word statuses, the open gloss, reading position
// and time. Every change the learner makes goes to the backend; the screen only lays this out.
// Long because it is the one state the reader screen reads: its word selection, spoken word and "mark the rest
// as known" share the open card, the page and the statuses, and split apart they would each need all three.
import { lemmaKey } from '../../../core/lemma-key';
import { neighbour } from '../../../core/reader/navigation';
import { whenIdle } from '../lib/idle';
import { pageOfParagraph, paginate, screenfulFrom } from '../../../core/reader/pages';
import { sentencesOf, type LaidOutSentence } from '../../../core/reader/sentences';
import { PackedLesson, type GlossedToken, type LessonWire, type LessonWireParagraph } from '../../../shared/lesson-wire';
import { api as realApi } from '../lib/api';
import { attempt } from '../lib/attempt';
import { session } from './session.svelte';
import type { ReadingState } from '../../../shared/contract/reading';
import type { WordStatus } from '../../../shared/types';

export type OpenedBy = 'pointer' | 'keyboard' | 'hover';

export interface WordRef {
  token: GlossedToken;
  paragraph: number;
}

/** Seconds of reading are sent in batches, and only while the window is visible and focused. */
const TIME_FLUSH_SECONDS = 30;
/** A second counts as reading only if the learner acted (pointer, key, scroll, touch) this recently. */
const IDLE_AFTER_MS = 60_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;
/**
 * A card opened by click or Enter becomes a look-up once it has been open this long, or when it closes, unless the
 * learner set the word's status from it first: opening a card only to say "known" (or "learning") is not looking
 * the word up, and the status already says what they know.
 */
export const LOOKUP_AFTER_MS = 2000;
/** A learner's reading speed for the estimate shown before the first reading (words per minute). */
const ESTIMATE_WORDS_PER_MINUTE = 100;

/** The calls the reader makes: the real api, or in a test, a backend of its own. */
export type ReaderApi = Pick<
  typeof realApi,
  'lessons:get' | 'lessons:part' | 'reading:state' | 'reading:lookup' | 'reading:setStatus' | 'reading:setStatuses' | 'reading:savePosition' | 'reading:addTime' | 'review:addPhrase'
>;

export class ReaderState {
  /**
   * The lesson as sent, never changed in place (raw state: its tokens are not wrapped in proxies). Its tokens are
   * unpacked a paragraph at a time, as pages are shown: a long lesson costs what its first page costs.
   */
  lesson = $state.raw<LessonWire | null>(null);
  private text = $derived(this.lesson ? new PackedLesson(this.lesson) : null);
  /** Parts of the lesson that arrived after it (lessons:part): what shows their paragraphs reads this. */
  private partsArrived = $state(0);
  /** Parts asked for and not yet here, so a part is asked for once. */
  private fetching: Record<number, Promise<void> | undefined> = {};
  private wordCounts = $derived(this.text ? Array.from({ length: this.text.paragraphCount }, (_, p) => this.text!.wordCount(p)) : []);
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
  /** The word the voice is saying while a sentence is read aloud (one key, as isOpen). */
  isSpoken = $state<Record<number, boolean>>({});
  private spoken: number | undefined;
  /** Long lessons are shown a page at a time (about PAGE_WORDS words, whole paragraphs; see core/reader/pages). */
  page = $state(0);
  /** Paragraphs of the page rendered so far (exclusive end); see turnTo. */
  renderedEnd = $state(0);
  revealed = $state<Record<number, boolean>>({});
  /** Words chosen together (a drag, Shift+arrows): from `anchor` to `focus`, token indexes, within one sentence. */
  selection = $state<{ anchor: number; focus: number } | null>(null);
  /** Per-word flag, as isOpen: only the words entering or leaving the selection re-render. */
  isSelected = $state<Record<number, boolean>>({});
  /** The words "mark the rest of this page as known" last changed, until undone or the page turns. */
  markedKnown = $state.raw<WordRef[] | null>(null);
  highlight = $state<{ start: number; end: number } | null>(null);

  /** Paragraph ranges [first, end) of each page. */
  pages = $derived(paginate(this.wordCounts));
  /** About how long the lesson takes to read, shown until the learner has read some of it. */
  estimatedMinutes = $derived(Math.max(1, Math.round(this.wordCounts.reduce((sum, n) => sum + n, 0) / ESTIMATE_WORDS_PER_MINUTE)));

  private unsentSeconds = 0;
  private lastInput = 0;
  private readonly noteInput = (): void => {
    this.lastInput = Date.now();
  };
  /** Lemmas looked up in this reading (this opening of the lesson): opening one again is not another look-up. */
  private lookedUp: Record<string, true> = Object.create(null) as Record<string, true>;
  /** The deliberately opened word not yet recorded as a look-up (see LOOKUP_AFTER_MS). */
  private pendingLookup: { word: WordRef; timer: ReturnType<typeof setTimeout> } | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private positionTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Each paragraph laid out once (the lesson never changes under the reader): a page growing a screenful at a time
   * hands the screen the same objects for the paragraphs it already shows.
   */
  private laidOut: (LaidOutSentence[] | undefined)[] = [];

  constructor(
    readonly lessonId: string,
    readonly learnerId: string,
    private readonly api: ReaderApi = realApi,
    private readonly lookupAfterMs = LOOKUP_AFTER_MS,
  ) {}

  async load(): Promise<void> {
    await session.guard(async () => {
      const [lesson, reading] = await Promise.all([
        this.api['lessons:get']({ lessonId: this.lessonId }),
        this.api['reading:state']({ learnerId: this.learnerId, lessonId: this.lessonId }),
      ]);
      this.lesson = lesson;
      this.reading = reading;
      // The saved place's part first: the outline says where it is before its words are here.
      const saved = this.text?.paragraphOf(reading.position?.token ?? -1) ?? -1;
      if (saved >= 0) await this.fetchParts(this.pageOfParagraph(saved));
      // The saved place, else the first word of the text (the first paragraph may have none, e.g. "***").
      const word = this.word(reading.position?.token ?? -1) ?? this.firstWordFrom(0);
      if (word) this.setActive(word.token.i);
      this.turnTo(word ? this.pageOfParagraph(word.paragraph) : 0, word?.paragraph);
    });
  }

  get paragraphCount(): number {
    return this.text?.paragraphCount ?? 0;
  }

  /** Paragraph `p` as sent, once its part is here. */
  paragraph(p: number): LessonWireParagraph | undefined {
    void this.partsArrived;
    return this.text?.paragraph(p);
  }

  /**
   * Brings the parts of page `page` and of the pages either side (lessons:part), so that turning a page, or an
   * arrow key past its end, finds its words already here. Resolves once the page's own part is here.
   */
  fetchParts(page: number): Promise<void> {
    const text = this.text;
    if (!text) return Promise.resolve();
    const partOfPage = (n: number): number => text.partOf(this.pages[Math.max(0, Math.min(this.pages.length - 1, n))]?.[0] ?? 0);
    const fetch = (n: number): Promise<void> => {
      if (text.hasPart(n)) return Promise.resolve();
      let pending = this.fetching[n];
      if (!pending) {
        pending = session
          .guard(async () => {
            text.addPart(n, await this.api['lessons:part']({ lessonId: this.lessonId, part: n }));
            this.partsArrived++;
          })
          .then(() => undefined)
          .finally(() => delete this.fetching[n]);
        this.fetching[n] = pending;
      }
      return pending;
    };
    void fetch(partOfPage(page + 1));
    void fetch(partOfPage(page - 1));
    return fetch(partOfPage(page));
  }

  statusOf(lemma: string): WordStatus {
    return this.reading.statuses[lemmaKey(lemma)] ?? 'new';
  }

  expression(i: number): ReturnType<PackedLesson['expression']> {
    return this.text?.expression(i);
  }

  word(tokenIndex: number): WordRef | undefined {
    void this.partsArrived;
    const paragraph = this.text?.paragraphOf(tokenIndex) ?? -1;
    const token = this.text?.token(tokenIndex, paragraph);
    return token?.gloss ? { token: token as GlossedToken, paragraph } : undefined;
  }

  /** The word `step` places away in reading order, clamped to the text. */
  neighbour(tokenIndex: number, step: number): WordRef | undefined {
    const text = this.text;
    return text ? neighbour(text, text.paragraphOf(tokenIndex), tokenIndex, step) : undefined;
  }

  /** Paragraph `p` as sentences of word groups, as the screen renders it. */
  sentencesOf(p: number): LaidOutSentence[] {
    void this.partsArrived;
    const text = this.text;
    const paragraph = text?.paragraph(p);
    if (!text || !paragraph) return [];
    return (this.laidOut[p] ??= sentencesOf(text, paragraph, text.tokens(p), (i) => text.expression(i)));
  }

  firstWordOfParagraph(paragraph: number): WordRef | undefined {
    const token = this.text?.words(paragraph)[0];
    return token ? { token, paragraph } : undefined;
  }

  lastWordOfParagraph(paragraph: number): WordRef | undefined {
    const token = this.text?.words(paragraph).at(-1);
    return token ? { token, paragraph } : undefined;
  }

  /** The word a key moves the keyboard to from word `tokenIndex` (arrows, Home, End), if the key moves at all. */
  keyTarget(tokenIndex: number, key: string): number | undefined | null {
    const word = this.word(tokenIndex);
    if (!word) return null;
    const last = Math.max(0, this.paragraphCount - 1);
    switch (key) {
      case 'ArrowRight':
        return this.neighbour(tokenIndex, 1)?.token.i;
      case 'ArrowLeft':
        return this.neighbour(tokenIndex, -1)?.token.i;
      case 'ArrowDown':
        return this.firstWordOfParagraph(Math.min(word.paragraph + 1, last))?.token.i;
      case 'ArrowUp':
        return this.firstWordOfParagraph(Math.max(word.paragraph - 1, 0))?.token.i;
      case 'Home':
        return this.firstWordOfParagraph(word.paragraph)?.token.i;
      case 'End':
        return this.lastWordOfParagraph(word.paragraph)?.token.i;
      default:
        return null;
    }
  }

  /** The first word of page `page`, whichever of its paragraphs has one. */
  private firstWordOnPage(page: number): WordRef | undefined {
    const [first, end] = this.pages[page] ?? [0, 0];
    for (let p = first; p < end; p++) {
      const word = this.firstWordOfParagraph(p);
      if (word) return word;
    }
    return undefined;
  }

  /** The first word at or after `offset` in the text, e.g. the start of a highlighted sentence. */
  firstWordFrom(offset: number): WordRef | undefined {
    const text = this.text;
    if (!text) return undefined;
    for (let p = Math.max(0, text.paragraphAt(offset)); p < text.paragraphCount; p++) {
      const token = text.words(p).find((w) => w.start >= offset);
      if (token) return { token, paragraph: p };
    }
    return undefined;
  }

  /** The paragraph whose text contains `offset`, or -1. */
  paragraphAt(offset: number): number {
    return this.text?.paragraphAt(offset) ?? -1;
  }

  pageOfParagraph(paragraph: number): number {
    return pageOfParagraph(this.pages, paragraph);
  }

  /**
   * Shows `page`: its first screenful (and at least up to paragraph `through`) now, the rest a screenful at a time
   * when the renderer is idle, so the first words paint at once and clicks are never kept waiting behind the rest.
   */
  private turnTo(page: number, through = -1): void {
    this.page = page;
    void this.fetchParts(page);
    const first = this.pages[page]?.[0] ?? 0;
    const end = this.pages[page]?.[1] ?? 0;
    this.renderedEnd = screenfulFrom(this.wordCounts, first, end, through);
    const more = (): void => {
      if (this.page !== page || this.renderedEnd >= end) return;
      this.renderedEnd = screenfulFrom(this.wordCounts, this.renderedEnd, end);
      whenIdle(more);
    };
    whenIdle(more);
  }

  /** Makes sure paragraph `p` of the current page is in the DOM (the keyboard may get there before the frame). */
  private renderThrough(p: number): void {
    if (p >= this.renderedEnd) this.renderedEnd = this.pages[this.page]?.[1] ?? p + 1;
  }

  private setActive(index: number): void {
    if (this.active !== index) delete this.isTabStop[this.active];
    this.active = index;
    this.isTabStop[index] = true;
  }

  private setOpen(next: ReaderState['open']): void {
    const previous = this.open?.word.token.i;
    // The card the learner leaves was read: its look-up is recorded now (unless a status was set from it).
    if (this.pendingLookup && this.pendingLookup.word.token.i !== next?.word.token.i) this.recordLookup();
    if (previous !== undefined && previous !== next?.word.token.i) delete this.isOpen[previous];
    this.open = next;
    if (next) this.isOpen[next.word.token.i] = true;
  }

  /**
   * Highlights a sentence of the text (a quiz answer's evidence) and shows its page, its part fetched first when
   * it is far into a long lesson; the sentence's first word, for the keyboard.
   */
  async showSentence(sentence: { start: number; end: number }): Promise<WordRef | undefined> {
    this.highlight = sentence;
    const paragraph = this.paragraphAt(sentence.start);
    if (paragraph < 0) return undefined;
    await this.fetchParts(this.pageOfParagraph(paragraph));
    const first = this.firstWordFrom(sentence.start);
    this.showPage(this.pageOfParagraph(paragraph), first);
    return first;
  }

  /** Shows a page; the keyboard lands on its first word unless told otherwise. */
  showPage(page: number, word?: WordRef): void {
    const shown = Math.max(0, Math.min(this.pages.length - 1, page));
    this.setOpen(null);
    this.markedKnown = null;
    const target = word ?? this.firstWordOnPage(shown);
    this.turnTo(shown, target?.paragraph);
    if (target) this.setActive(target.token.i);
    // A page far from the last one read: its words come with its part, and the keyboard lands on the first of them.
    else {
      void this.fetchParts(shown).then(() => {
        const first = this.page === shown ? this.firstWordOnPage(shown) : undefined;
        if (first) this.setActive(first.token.i);
      });
    }
  }

  /**
   * Opens a word's card. Only a deliberate open (click, tap, Enter) is a look-up, once per lemma per reading, and
   * only if the learner does not just set the word's status from it (LOOKUP_AFTER_MS): a resting pointer shows a
   * preview, which the backend never hears of.
   */
  show(word: WordRef, by: OpenedBy): void {
    if (this.open?.word.token.i === word.token.i && this.open.by !== 'hover' && by === 'hover') return;
    this.setOpen({ word, by });
    if (by === 'hover') return;
    this.setActive(word.token.i);
    this.savePositionSoon(word);
    if (this.lookedUp[lemmaKey(word.token.gloss.lemma)] || this.pendingLookup?.word.token.i === word.token.i) return;
    this.pendingLookup = { word, timer: setTimeout(() => this.recordLookup(), this.lookupAfterMs) };
  }

  /** A status set from the card before its look-up was recorded: no look-up for this opening. */
  private cancelLookup(word: WordRef): void {
    if (!this.pendingLookup || lemmaKey(this.pendingLookup.word.token.gloss.lemma) !== lemmaKey(word.token.gloss.lemma)) return;
    clearTimeout(this.pendingLookup.timer);
    this.pendingLookup = undefined;
  }

  private recordLookup(): void {
    const pending = this.pendingLookup;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingLookup = undefined;
    const { word } = pending;
    const lemma = lemmaKey(word.token.gloss.lemma);
    if (this.lookedUp[lemma]) return;
    this.lookedUp[lemma] = true;
    void session.guard(async () => {
      const { lookups } = await this.api['reading:lookup']({
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
    this.cancelLookup(word);
    await session.guard(async () => {
      const saved = await this.api['reading:setStatus']({ learnerId: this.learnerId, lessonId: this.lessonId, token: word.token.i, status });
      this.applyStatus(saved);
    });
  }

  /** Changed in place, key by key: only the words of this lemma re-render. */
  private applyStatus(saved: { lemma: string; status: WordStatus }): void {
    if (saved.status === 'new') delete this.reading.statuses[saved.lemma];
    else this.reading.statuses[saved.lemma] = saved.status;
  }

  /** One word of each lemma on the current page still marked new (LingQ's "the rest of the page"). */
  newWordsOnPage(): WordRef[] {
    const [first, end] = this.pages[this.page] ?? [0, 0];
    const seen: Record<string, true> = Object.create(null) as Record<string, true>;
    const words: WordRef[] = [];
    for (let p = first; p < end; p++) {
      for (const token of this.text?.words(p) ?? []) {
        const lemma = lemmaKey(token.gloss.lemma);
        if (seen[lemma] || this.statusOf(lemma) !== 'new') continue;
        seen[lemma] = true;
        words.push({ token, paragraph: p });
      }
    }
    return words;
  }

  /** Marks every word of the page still new as known, in one call (one transaction); undoMarkKnown puts them back. */
  async markRestKnown(): Promise<void> {
    const words = this.newWordsOnPage();
    if (await this.setStatuses(words, 'known')) this.markedKnown = words;
  }

  async undoMarkKnown(): Promise<void> {
    const words = this.markedKnown ?? [];
    if (await this.setStatuses(words, 'new')) this.markedKnown = null;
  }

  /** Gives `words` one status together: all are saved or none (the session shows why). True when saved. */
  private async setStatuses(words: WordRef[], status: WordStatus): Promise<boolean> {
    if (words.length === 0) return true;
    let saved = false;
    await session.guard(async () => {
      const { statuses } = await this.api['reading:setStatuses']({ learnerId: this.learnerId, lessonId: this.lessonId, tokens: words.map((w) => w.token.i), status });
      for (const changed of statuses) this.applyStatus(changed);
      saved = true;
    });
    return saved;
  }

  focusWord(word: WordRef): void {
    if (this.pageOfParagraph(word.paragraph) !== this.page) this.turnTo(this.pageOfParagraph(word.paragraph), word.paragraph);
    else this.renderThrough(word.paragraph);
    this.setActive(word.token.i);
    this.savePositionSoon(word);
  }

  /** The sentence of the text that holds token `tokenIndex`, with its translation when the lesson aligns one. */
  sentenceOf(tokenIndex: number): { start: number; end: number; translation?: string } | undefined {
    const text = this.text;
    const token = text?.token(tokenIndex, text.paragraphOf(tokenIndex));
    if (!text || !token) return undefined;
    return text.paragraph(text.paragraphOf(tokenIndex))?.sentences.find((s) => token.start < s.end);
  }

  /**
   * Selects the words from `anchor` to `focus` (in either order). A selection stays in one sentence, the sentence
   * a phrase is saved with: a focus beyond it stops at its edge.
   */
  select(anchor: number, focus: number): void {
    const from = this.word(anchor);
    const sentence = this.sentenceOf(anchor);
    if (!from || !sentence) return;
    const words = this.text!.words(from.paragraph).filter((w) => w.start >= sentence.start && w.end <= sentence.end);
    const first = words[0]?.i ?? anchor;
    const last = words.at(-1)?.i ?? anchor;
    const clamped = Math.max(first, Math.min(last, focus));
    this.setOpen(null);
    for (const i of Object.keys(this.isSelected)) delete this.isSelected[Number(i)];
    for (const w of words) if (w.i >= Math.min(anchor, clamped) && w.i <= Math.max(anchor, clamped)) this.isSelected[w.i] = true;
    this.selection = { anchor, focus: clamped };
  }

  clearSelection(): void {
    for (const i of Object.keys(this.isSelected)) delete this.isSelected[Number(i)];
    this.selection = null;
  }

  /**
   * What the selection says: its words in order, its French text, the expression they form when the lexicon has
   * one (the selection is that expression, or lies inside it), and its sentence's translation.
   */
  selected = $derived.by(() => {
    const selection = this.selection;
    const text = this.text;
    if (!selection || !text) return null;
    const [from, to] = [Math.min(selection.anchor, selection.focus), Math.max(selection.anchor, selection.focus)];
    const paragraph = text.paragraphOf(from);
    const words = text.words(paragraph).filter((w) => w.i >= from && w.i <= to);
    const first = words[0];
    const last = words.at(-1);
    if (!first || !last) return null;
    const shared = first.gloss.expression;
    const expression = shared !== undefined && words.every((w) => w.gloss.expression === shared) ? text.expression(shared) : undefined;
    return {
      first: first.i,
      last: last.i,
      words,
      text: text.slice(first.start, last.end),
      expression,
      translation: this.sentenceOf(first.i)?.translation,
    };
  });

  /** Saves the selection to "My words" as a phrase; the message to show when it could not be saved. */
  async savePhrase(): Promise<string | undefined> {
    const selected = this.selected;
    if (!selected) return undefined;
    const outcome = await attempt(() =>
      this.api['review:addPhrase']({ learnerId: this.learnerId, lessonId: this.lessonId, first: selected.first, last: selected.last }),
    );
    return outcome.ok ? undefined : outcome.message;
  }

  /** The sentence a word is in, as text to speak, and the word at each offset of that text. */
  sentenceAround(word: WordRef): { text: string; wordAt: (offset: number) => number | undefined } | undefined {
    const text = this.text;
    const sentence = text?.paragraph(word.paragraph)?.sentences.find((s) => s.start <= word.token.start && word.token.start < s.end);
    if (!text || !sentence) return undefined;
    const words = text.words(word.paragraph).filter((w) => w.start >= sentence.start && w.start < sentence.end);
    return {
      text: text.slice(sentence.start, sentence.end),
      wordAt: (offset) => words.findLast((w) => w.start <= sentence.start + offset)?.i,
    };
  }

  /** Marks the word being spoken, or none. */
  setSpoken(tokenIndex: number | undefined): void {
    if (this.spoken !== undefined) delete this.isSpoken[this.spoken];
    this.spoken = tokenIndex;
    if (tokenIndex !== undefined) this.isSpoken[tokenIndex] = true;
  }

  toggleTranslation(paragraph: number): void {
    this.revealed = { ...this.revealed, [paragraph]: !this.revealed[paragraph] };
  }

  private savePositionSoon(word: WordRef): void {
    clearTimeout(this.positionTimer);
    this.positionTimer = setTimeout(() => {
      void session.guard(() =>
        this.api['reading:savePosition']({ learnerId: this.learnerId, lessonId: this.lessonId, paragraph: word.paragraph, token: word.token.i }),
      );
    }, 400);
  }

  /**
   * Counts reading time while the page is visible and focused and the learner has acted within the last minute
   * (a reader left open on a desk is not reading); call stopClock when leaving.
   */
  startClock(): void {
    this.lastInput = Date.now();
    for (const type of INPUT_EVENTS) window.addEventListener(type, this.noteInput, { capture: true, passive: true });
    this.timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || !document.hasFocus()) return;
      if (Date.now() - this.lastInput > IDLE_AFTER_MS) return;
      this.unsentSeconds += 1;
      if (this.unsentSeconds >= TIME_FLUSH_SECONDS) void this.flushTime();
    }, 1000);
  }

  async stopClock(): Promise<void> {
    // Leaving with a card open: it was read.
    this.recordLookup();
    clearInterval(this.timer);
    for (const type of INPUT_EVENTS) window.removeEventListener(type, this.noteInput, { capture: true });
    await this.flushTime();
  }

  private async flushTime(): Promise<void> {
    const seconds = this.unsentSeconds;
    if (seconds < 1) return;
    this.unsentSeconds = 0;
    await session.guard(async () => {
      const { secondsRead } = await this.api['reading:addTime']({ learnerId: this.learnerId, lessonId: this.lessonId, seconds });
      this.reading.secondsRead = secondsRead;
    });
  }
}
