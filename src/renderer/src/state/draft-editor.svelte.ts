// One draft lesson being edited: its glosses (with autosave and undo), translations and quiz, then validated and
// published. Every write names the draft's revision and goes out one at a time, so none is made on a stale one.
// Long because the glosses, translations and quiz share that one revision and write queue: apart, each would have
// to know the others' writes.
import { api as appApi, messageOf } from '../lib/api';
import type { Api } from '../../../shared/contract';
import type { DraftManifest, DraftOutline, LessonProblem, ValidationReport } from '../../../shared/contract/authoring';
import { applyGlossPatch } from '../../../core/authoring/draft';
import { countsOf, draftOfPage, glossPage, nextParagraphToReview, type ParagraphCount } from '../../../core/authoring/gloss-pages';
import {
  confirmWord,
  joinWords,
  mergePatches,
  patchOf,
  setWordGloss,
  splitExpression,
  wordViews,
  type Edited,
  type GlossDraft,
  type GlossFields,
  type GlossPatch,
  type Touched,
  type WordView,
} from '../../../core/authoring/gloss-edit';
import { DRAFT_PREFIX } from '../../../core/quiz/drafts';
import { blankForm, formOf, questionOf, type EvidenceRef, type QuestionForm } from '../../../core/quiz/question-form';
import type { QuestionType } from '../../../core/quiz/schema';
import { pageOfParagraph, paginate, screenfulFrom, type PageRange } from '../../../core/reader/pages';
import { whenIdle } from '../lib/idle';
import { splitParagraphs, splitSentences } from '../../../core/tokenizer';
import { strings } from '../strings';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';
export type EditorTab = keyof typeof strings.authoring.editorTabs;

/** How long after the last change autosave waits, so a burst of edits is one write. */
export const AUTOSAVE_MS = 600;
const UNDO_DEPTH = 50;

/** lesson.json's fields the teacher writes; empty ones are left out. */
export interface DetailsForm {
  title: string;
  titleEn: string;
  level: DraftManifest['level'];
  summary: string;
  source: string;
  date: string;
}

export interface SentenceChoice {
  paragraph: number;
  quote: string;
}

export class DraftEditorState {
  readonly lessonId: string;
  title = $state('');
  details = $state<DetailsForm>({ title: '', titleEn: '', level: 'B1', summary: '', source: '', date: '' });
  tab = $state<EditorTab>('glosses');
  /**
   * The open page's glosses with the whole text and every entry (core/authoring/gloss-pages.ts): a 100,000-word
   * draft is megabytes of glosses, and the editor holds and draws one page of them.
   */
  glosses = $state.raw<GlossDraft>({ text: '', lexicon: { entries: {}, tokens: [], expressions: [] }, review: { tokens: [], expressions: [] } });
  /** The page open, as the reader cuts the text (core/reader/pages). */
  page = $state(0);
  /** Words per paragraph: an edit never changes the text, so these, the pages and the words' numbers stay. */
  private readonly wordCounts: readonly number[];
  readonly pages: readonly PageRange[];
  /** Per paragraph, the number of its first word (and past the last, the number of words). */
  private readonly firsts: readonly number[];
  readonly totalWords: number;
  /** The outline's counts of words to review, the pages left since brought up to date with their edits. */
  private counts = $state.raw<ParagraphCount[]>([]);
  /** The open page's words. */
  readonly words = $derived.by(() => {
    const [first, end] = this.pages[this.page] ?? [0, 0];
    return wordViews(this.glosses, { first, end, firstIndex: this.firsts[first] ?? 0 });
  });
  /** Whether a page's glosses are held yet (the editor opens on the outline alone). */
  private pageHeld = $state(false);
  /** The counts with the open page's own. */
  private readonly liveCounts = $derived.by(() => {
    if (!this.pageHeld) return this.counts;
    const [first, end] = this.pages[this.page] ?? [0, 0];
    return [...this.counts.slice(0, first), ...countsOf(this.words, first, end), ...this.counts.slice(end)];
  });
  readonly unconfirmed = $derived(this.liveCounts.reduce((sum, c) => sum + c.unconfirmed, 0));
  /** The text alone: an edit replaces the glosses, never the text, so what depends on this alone is kept. */
  private readonly text = $derived(this.glosses.text);
  /** The text's paragraphs, as the words count them (WordView.paragraph). */
  readonly paragraphRanges = $derived(splitParagraphs(this.text));
  /** The word the side panel shows, and the last of a selection of several (for joining). */
  selected = $state(0);
  selectedTo = $state(0);
  /**
   * The open page is drawn up to this paragraph (exclusive): its first screenful at once, the rest a screenful at
   * a time when the renderer is idle, as the reader draws a page.
   */
  renderedEnd = $state(0);
  /** A page being read from the backend, and why the last one could not be. */
  loading = $state(false);
  pageError = $state<string | null>(null);
  translations = $state<string[]>([]);
  questions = $state<QuestionForm[]>([]);
  /** The question whose evidence is being chosen in the text, by index. */
  picking = $state<number | null>(null);
  save = $state<SaveState>('saved');
  saveError = $state<string | null>(null);
  /** Said after an action (drafts generated, undone, published…). */
  status = $state('');
  report = $state<ValidationReport | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  published = $state<{ version: number } | null>(null);
  undoCount = $state(0);

  private revision: number;
  /** Each edit with the page it was made on and that page's glosses before it. */
  private readonly undoStack: { page: number; before: GlossDraft; touched: Touched }[] = [];
  private pendingGlosses: GlossPatch | null = null;
  private pendingTranslations: number[] = [];
  private quizDirty = false;
  private detailsDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private generations = 0;
  /** Pages shown so far: the idle drawing of a page stops once another is shown. */
  private pagesShown = 0;
  /** The last page asked for: a page that comes back after a later one was asked for is not shown. */
  private pageAsked = 0;

  /** Opens on the outline; `open()` then brings the first page to review. */
  constructor(
    draft: DraftOutline,
    private readonly teacherToken: string,
    private readonly api: Api = appApi,
    /** Told once a version is published: the library learners see has a lesson more (or a newer one). */
    private readonly onPublished: () => Promise<void> = async () => {},
  ) {
    this.lessonId = draft.lessonId;
    this.revision = draft.revision;
    this.title = draft.manifest.title;
    const m = draft.manifest;
    this.details = { title: m.title, titleEn: m.titleEn ?? '', level: m.level, summary: m.summary ?? '', source: m.source ?? '', date: m.date ?? '' };
    this.glosses = { text: draft.text, lexicon: { entries: draft.entries, tokens: [], expressions: [] }, review: { tokens: [], expressions: [] } };
    this.counts = draft.paragraphs;
    this.wordCounts = draft.paragraphs.map((p) => p.words);
    this.pages = paginate(this.wordCounts);
    const firsts = [0];
    for (const words of this.wordCounts) firsts.push(firsts.at(-1)! + words);
    this.firsts = firsts;
    this.totalWords = firsts.at(-1)!;
    this.translations = draft.translations.map((t) => (t === null ? '' : Array.isArray(t) ? t.join(' ') : t));
    this.questions = draft.quiz.questions.map(formOf);
  }

  /** Brings the page of the first word to review (the first page when none is left), that word selected. */
  async open(): Promise<void> {
    const paragraph = nextParagraphToReview(this.counts, -1);
    await this.openPage(paragraph === undefined ? 0 : pageOfParagraph(this.pages, paragraph), (words) => words.find((w) => w.status !== 'confirmed'));
  }

  // ---- glosses

  get word(): WordView | undefined {
    return this.words[this.selected - (this.words[0]?.index ?? 0)];
  }

  /** The selected words, first to last, whichever way the selection was made. */
  get selection(): WordView[] {
    const base = this.words[0]?.index ?? 0;
    const [a, b] = this.selected <= this.selectedTo ? [this.selected, this.selectedTo] : [this.selectedTo, this.selected];
    return this.words.slice(a - base, b - base + 1);
  }

  /**
   * Selects word `index` (of the whole draft), turning the page when it is on another; a selection of several
   * stays on its page, as an expression does.
   */
  async select(index: number, extend = false): Promise<void> {
    const i = Math.max(0, Math.min(this.totalWords - 1, index));
    const base = this.words[0]?.index ?? 0;
    const onPage = i >= base && i < base + this.words.length;
    if (extend) this.selectedTo = Math.max(base, Math.min(base + this.words.length - 1, i));
    else if (onPage) this.selectWord(i);
    else await this.openPage(this.pageOfWord(i), (words) => words.find((w) => w.index === i));
  }

  /** The open page's words of paragraphs [first, end), in order. */
  wordsOf(first: number, end: number): WordView[] {
    return this.words.filter((w) => w.paragraph >= first && w.paragraph < end);
  }

  /** Shows page `page`, its first word selected. */
  async showPage(page: number): Promise<void> {
    await this.openPage(page, (words) => words[0]);
  }

  /** Moves to the next word that needs a look, on this page or the next that has one; false when none is left. */
  async next(): Promise<boolean> {
    const here = this.words.find((w) => w.index > this.selected && w.status !== 'confirmed');
    const [first, end] = this.pages[this.page] ?? [0, 0];
    const paragraph = here ? here.paragraph : nextParagraphToReview(this.liveCounts, end - 1);
    this.status = paragraph === undefined ? strings.glossEditor.allConfirmed : '';
    if (paragraph === undefined) return false;
    const pick = (words: WordView[]): WordView | undefined => (here ?? words.find((w) => w.paragraph >= paragraph && w.status !== 'confirmed'));
    if (paragraph >= first && paragraph < end) this.selectWord(pick(this.words)?.index ?? this.selected);
    else await this.openPage(pageOfParagraph(this.pages, paragraph), pick);
    return true;
  }

  /** Selects one word of the open page, drawn by then (the keyboard may get there before the idle frames do). */
  private selectWord(index: number): void {
    this.selected = this.selectedTo = index;
    const paragraph = this.word?.paragraph;
    if (paragraph !== undefined && paragraph >= this.renderedEnd) this.renderedEnd = this.pages[this.page]?.[1] ?? paragraph + 1;
  }

  private pageOfWord(index: number): number {
    let paragraph = 0;
    while (paragraph < this.wordCounts.length - 1 && (this.firsts[paragraph + 1] ?? 0) <= index) paragraph++;
    return pageOfParagraph(this.pages, paragraph);
  }

  /**
   * Reads page `page`'s glosses once every edit so far is saved, shows them (with any edit not saved yet, as a
   * failed save keeps it) and selects the word `pick` names, else the page's first.
   */
  private async openPage(page: number, pick: (words: WordView[]) => WordView | undefined): Promise<void> {
    const asked = ++this.pageAsked;
    const [first, end] = this.pages[page] ?? [0, 0];
    this.loading = true;
    try {
      await this.flush();
      const reply = end > first ? await this.api['authoring:glosses']({ teacherToken: this.teacherToken, lessonId: this.lessonId, first, end }) : { first, end, tokens: [], expressions: [], review: { tokens: [], expressions: [] } };
      if (asked !== this.pageAsked) return;
      let glosses = draftOfPage(this.text, this.glosses.lexicon.entries, reply);
      if (this.pendingGlosses) {
        const patched = applyGlossPatch(glosses.lexicon, glosses.review, this.pendingGlosses);
        glosses = draftOfPage(this.text, patched.lexicon.entries, glossPage({ text: this.text, ...patched }, first, end));
      }
      this.showGlosses(page, glosses);
      this.selectWord(pick(this.words)?.index ?? this.words[0]?.index ?? 0);
      this.pageError = null;
    } catch (error) {
      if (asked === this.pageAsked) this.pageError = messageOf(error);
    } finally {
      if (asked === this.pageAsked) this.loading = false;
    }
  }

  /** Shows `glosses` as page `page`, the page left keeping its counts. */
  private showGlosses(page: number, glosses: GlossDraft): void {
    const turned = !this.pageHeld || page !== this.page;
    this.counts = this.liveCounts;
    this.glosses = glosses;
    this.page = page;
    this.pageHeld = true;
    if (!turned) return;
    const [first, end] = this.pages[page] ?? [0, 0];
    const shown = ++this.pagesShown;
    this.renderedEnd = screenfulFrom(this.wordCounts, first, end);
    const more = (): void => {
      if (shown !== this.pagesShown || this.renderedEnd >= end) return;
      this.renderedEnd = screenfulFrom(this.wordCounts, this.renderedEnd, end);
      whenIdle(more);
    };
    whenIdle(more);
  }

  confirm(): void {
    const word = this.word;
    if (word?.gloss && word.entry) this.edit(confirmWord(this.glosses, word));
  }

  setGloss(fields: GlossFields): boolean {
    const word = this.word;
    if (!word) return false;
    const missing = !fields.lemma.trim() ? strings.glossEditor.needLemma : !fields.sense.trim() ? strings.glossEditor.needSense : '';
    if (missing) {
      this.status = missing;
      return false;
    }
    this.edit(setWordGloss(this.glosses, word, fields));
    return true;
  }

  join(kind: 'expression' | 'name', sense: string): void {
    const words = this.selection;
    if (words.length === 0) return;
    this.edit(joinWords(this.glosses, words, kind, kind === 'name' && !sense.trim() ? this.glosses.text.slice(words[0]!.at, words.at(-1)!.end) : sense));
  }

  split(): void {
    const index = this.word?.expression;
    if (index !== undefined) this.edit(splitExpression(this.glosses, index));
  }

  /** Takes the last edit back, on its own page (turned to when another is open). */
  undo(): void {
    const last = this.undoStack.pop();
    this.undoCount = this.undoStack.length;
    if (!last) return void (this.status = strings.authoring.nothingToUndo);
    // A page being read would replace the one the undo shows.
    this.pageAsked++;
    this.loading = false;
    const selected = this.selected;
    this.showGlosses(last.page, last.before);
    this.selectWord(this.word ? this.selected : (this.words[0]?.index ?? selected));
    this.queueGlosses(patchOf(last.before, last.touched, false));
    this.status = strings.authoring.undone;
  }

  private edit({ draft, touched }: Edited): void {
    this.undoStack.push({ page: this.page, before: this.glosses, touched });
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.undoCount = this.undoStack.length;
    this.glosses = draft;
    this.queueGlosses(patchOf(draft, touched));
  }

  private queueGlosses(patch: GlossPatch): void {
    this.pendingGlosses = this.pendingGlosses ? mergePatches(this.pendingGlosses, patch) : patch;
    this.schedule();
  }

  // ---- translations

  setTranslation(paragraph: number, text: string): void {
    this.translations[paragraph] = text;
    if (!this.pendingTranslations.includes(paragraph)) this.pendingTranslations.push(paragraph);
    this.schedule();
  }

  // ---- details

  setDetails(change: Partial<DetailsForm>): void {
    this.details = { ...this.details, ...change };
    if (this.details.title.trim()) this.title = this.details.title.trim();
    this.detailsDirty = true;
    this.schedule();
  }

  // ---- quiz

  addQuestion(type: QuestionType): void {
    this.questions.push(blankForm(type, this.freeId('question')));
    this.quizChanged();
  }

  updateQuestion(index: number, change: Partial<QuestionForm>): void {
    const q = this.questions[index];
    if (!q) return;
    this.questions[index] = { ...q, ...change };
    this.quizChanged();
  }

  deleteQuestion(index: number): void {
    this.questions.splice(index, 1);
    this.quizChanged();
  }

  moveQuestion(index: number, by: -1 | 1): void {
    const to = index + by;
    const q = this.questions[index];
    if (!q || to < 0 || to >= this.questions.length) return;
    this.questions.splice(index, 1);
    this.questions.splice(to, 0, q);
    this.quizChanged();
  }

  /** A generated question becomes the teacher's: it loses its draft mark (its id's prefix). */
  keepQuestion(index: number): void {
    const q = this.questions[index];
    if (q && isDraft(q)) this.updateQuestion(index, { id: this.freeId(q.id.slice(DRAFT_PREFIX.length).replace(/-\d+$/, '')) });
  }

  /** Adds the generator's questions from the confirmed glosses, marked draft; another press gives others. */
  async generate(): Promise<void> {
    // The backend drafts from the whole draft's confirmed words: every confirm so far saved first.
    await this.flush();
    try {
      const { questions: made } = await this.api['authoring:draftQuestions']({
        teacherToken: this.teacherToken,
        lessonId: this.lessonId,
        generation: this.generations++,
        takenIds: this.questions.map((q) => q.id),
      });
      this.questions.push(...made.map(formOf));
      this.status = strings.quizEditor.generated(made.length);
      this.error = null;
      if (made.length) this.quizChanged();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** The text's sentences by paragraph, as evidence can quote them. */
  get sentences(): { paragraph: number; quotes: string[] }[] {
    const text = this.glosses.text;
    return splitParagraphs(text).map((range, p) => ({
      paragraph: p + 1,
      quotes: splitSentences(text, range).map((s) => text.slice(s.start, s.end)),
    }));
  }

  chooseEvidence(evidence: EvidenceRef): void {
    if (this.picking === null) return;
    this.updateQuestion(this.picking, { evidence });
    this.picking = null;
  }

  /** The validation problems about one question (by its id), and those about nothing in particular. */
  problemsOf(id: string | null): LessonProblem[] {
    const problems = this.report?.problems ?? [];
    const idOf = (p: LessonProblem): string | null => (p.file === 'quiz.json' ? (/\("([^"]+)"\)/.exec(p.message)?.[1] ?? null) : null);
    return id === null ? problems.filter((p) => idOf(p) === null || !this.questions.some((q) => q.id === idOf(p))) : problems.filter((p) => idOf(p) === id);
  }

  readonly draftsLeft = $derived(this.questions.filter(isDraft).length);

  private quizChanged(): void {
    this.quizDirty = true;
    this.schedule();
  }

  private freeId(base: string): string {
    const taken = this.questions.map((q) => q.id);
    for (let n = 1; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
  }

  // ---- saving

  private schedule(): void {
    this.save = 'pending';
    this.report = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Writes whatever is waiting, now; resolves once every write so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending(): Promise<void> {
    const glosses = this.pendingGlosses;
    const paragraphs = this.pendingTranslations;
    const quiz = this.quizDirty;
    const details = this.detailsDirty;
    if (!glosses && paragraphs.length === 0 && !quiz && !details) return;
    this.detailsDirty = false;
    this.pendingGlosses = null;
    this.pendingTranslations = [];
    this.quizDirty = false;
    this.save = 'saving';
    const { teacherToken, lessonId } = this;
    try {
      if (glosses) this.revision = (await this.api['authoring:saveGlosses']({ teacherToken, lessonId, revision: this.revision, ...glosses })).revision;
      if (paragraphs.length) {
        const translations = paragraphs.map((paragraph) => ({ paragraph, translation: this.translations[paragraph]?.trim() || null }));
        this.revision = (await this.api['authoring:saveTranslations']({ teacherToken, lessonId, revision: this.revision, translations })).revision;
      }
      if (details) {
        const d = this.details;
        const optional = (key: 'titleEn' | 'summary' | 'source' | 'date') => (d[key].trim() ? { [key]: d[key].trim() } : {});
        const fields = { title: d.title.trim() || this.title, level: d.level, ...optional('titleEn'), ...optional('summary'), ...optional('source'), ...optional('date') };
        this.revision = (await this.api['authoring:saveDetails']({ teacherToken, lessonId, revision: this.revision, ...fields })).revision;
      }
      if (quiz) {
        const questions = $state.snapshot(this.questions).map(questionOf);
        this.revision = (await this.api['authoring:saveQuiz']({ teacherToken, lessonId, revision: this.revision, quiz: { questions } })).revision;
      }
      this.saveError = null;
      this.save = this.pendingGlosses || this.pendingTranslations.length || this.quizDirty || this.detailsDirty ? 'pending' : 'saved';
    } catch (error) {
      // Kept for the retry: nothing typed is lost.
      if (glosses) this.pendingGlosses = this.pendingGlosses ? mergePatches(glosses, this.pendingGlosses) : glosses;
      this.pendingTranslations = [...paragraphs, ...this.pendingTranslations.filter((p) => !paragraphs.includes(p))];
      this.quizDirty ||= quiz;
      this.detailsDirty ||= details;
      this.saveError = messageOf(error);
      this.save = 'failed';
    }
  }

  // ---- publishing

  async validate(): Promise<void> {
    await this.flush();
    if (this.save === 'failed') return;
    this.busy = true;
    try {
      this.report = await this.api['authoring:validate']({ teacherToken: this.teacherToken, lessonId: this.lessonId });
      this.error = null;
    } catch (error) {
      this.error = messageOf(error);
    }
    this.busy = false;
  }

  /** Publishes once the lesson validates and no generated question is left undecided. */
  async publish(): Promise<boolean> {
    await this.validate();
    if (!this.report?.valid || this.draftsLeft > 0) return false;
    this.busy = true;
    try {
      const done = await this.api['authoring:publish']({ teacherToken: this.teacherToken, lessonId: this.lessonId, revision: this.revision });
      this.published = { version: done.version };
      this.status = strings.publish.published(this.title, done.version);
      this.error = null;
      await this.onPublished();
    } catch (error) {
      this.error = messageOf(error);
    }
    this.busy = false;
    return this.published !== null;
  }

  dispose(): void {
    void this.flush();
  }
}

export const isDraft = (q: QuestionForm): boolean => q.id.startsWith(DRAFT_PREFIX);
