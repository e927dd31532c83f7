// One draft lesson being edited: its glosses (with autosave and undo), translations and quiz, then validated and
// published. Every write names the draft's revision and goes out one at a time, so none is made on a stale one.
// Long because the glosses, translations and quiz share that one revision and write queue: apart, each would have
// to know the others' writes.
import { api as appApi, messageOf } from '../lib/api';
import type { Api } from '../../../shared/contract';
import type { AuthoringDraft, DraftManifest, LessonProblem, ValidationReport } from '../../../shared/contract/authoring';
import {
  confirmWord,
  joinWords,
  mergePatches,
  nextUnconfirmed,
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
import { DRAFT_PREFIX, draftQuestions, type DraftGloss } from '../../../core/quiz/drafts';
import { blankForm, formOf, questionOf, type EvidenceRef, type QuestionForm } from '../../../core/quiz/question-form';
import type { QuestionType } from '../../../core/quiz/schema';
import { seedFrom } from '../../../core/random';
import { pageOfParagraph, paginate, type PageRange } from '../../../core/reader/pages';
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
  glosses = $state.raw<GlossDraft>({ text: '', lexicon: { entries: {}, tokens: [], expressions: [] }, review: { tokens: [], expressions: [] } });
  readonly words = $derived(wordViews(this.glosses));
  readonly unconfirmed = $derived(this.words.filter((w) => w.status !== 'confirmed').length);
  /** The text alone: an edit replaces the glosses, never the text, so what depends on this alone is kept. */
  private readonly text = $derived(this.glosses.text);
  /** The text's paragraphs, as the words count them (WordView.paragraph). */
  readonly paragraphRanges = $derived(splitParagraphs(this.text));
  /** Per paragraph, the index of its first word (or of the next paragraph's, when it has none) and its count. */
  private readonly paragraphWords = $derived.by(() => {
    const firsts = new Array<number>(this.paragraphRanges.length + 1).fill(this.words.length);
    const counts = new Array<number>(this.paragraphRanges.length).fill(0);
    for (let w = this.words.length - 1; w >= 0; w--) {
      const p = this.words[w]!.paragraph;
      firsts[p] = w;
      counts[p] = (counts[p] ?? 0) + 1;
    }
    for (let p = this.paragraphRanges.length - 1; p >= 0; p--) firsts[p] = Math.min(firsts[p]!, firsts[p + 1]!);
    return { firsts, counts };
  });
  /**
   * The text a page at a time, cut as the reader cuts it (core/reader/pages): a 100,000-word draft draws about
   * PAGE_WORDS words, not all of them (a few numbers per paragraph, redone when an edit remakes the words).
   */
  readonly pages = $derived.by((): PageRange[] => paginate(this.paragraphWords.counts));
  /** The word the side panel shows, and the last of a selection of several (for joining). */
  selected = $state(0);
  selectedTo = $state(0);
  /** The page shown is the selected word's: "next unconfirmed" and the arrows turn the page as they go. */
  readonly page = $derived(pageOfParagraph(this.pages, this.words[this.selected]?.paragraph ?? 0));
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
  private readonly undoStack: { before: GlossDraft; touched: Touched }[] = [];
  private pendingGlosses: GlossPatch | null = null;
  private pendingTranslations: number[] = [];
  private quizDirty = false;
  private detailsDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private generations = 0;

  constructor(
    draft: AuthoringDraft,
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
    this.glosses = { text: draft.text, lexicon: draft.lexicon, review: draft.review };
    this.translations = draft.translations.map((t) => (t === null ? '' : Array.isArray(t) ? t.join(' ') : t));
    this.questions = draft.quiz.questions.map(formOf);
    this.selected = this.selectedTo = nextUnconfirmed(this.words, -1)?.index ?? 0;
  }

  // ---- glosses

  get word(): WordView | undefined {
    return this.words[this.selected];
  }

  /** The selected words, first to last, whichever way the selection was made. */
  get selection(): WordView[] {
    const [a, b] = this.selected <= this.selectedTo ? [this.selected, this.selectedTo] : [this.selectedTo, this.selected];
    return this.words.slice(a, b + 1);
  }

  select(index: number, extend = false): void {
    const i = Math.max(0, Math.min(this.words.length - 1, index));
    if (extend) this.selectedTo = i;
    else this.selected = this.selectedTo = i;
  }

  /** The words of paragraphs [first, end), in order. */
  wordsOf(first: number, end: number): WordView[] {
    const { firsts } = this.paragraphWords;
    return this.words.slice(firsts[first] ?? this.words.length, firsts[end] ?? this.words.length);
  }

  /** Shows page `page` by selecting its first word (a page without words is not shown). */
  showPage(page: number): void {
    const [first, end] = this.pages[page] ?? [0, 0];
    const word = this.wordsOf(first, end)[0];
    if (word) this.select(word.index);
  }

  /** Moves to the next word that needs a look; false when none is left. */
  next(): boolean {
    const word = nextUnconfirmed(this.words, this.selected);
    if (word) this.select(word.index);
    this.status = word ? '' : strings.glossEditor.allConfirmed;
    return word !== undefined;
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

  undo(): void {
    const last = this.undoStack.pop();
    this.undoCount = this.undoStack.length;
    if (!last) return void (this.status = strings.authoring.nothingToUndo);
    this.glosses = last.before;
    this.queueGlosses(patchOf(last.before, last.touched, false));
    this.status = strings.authoring.undone;
  }

  private edit({ draft, touched }: Edited): void {
    this.undoStack.push({ before: this.glosses, touched });
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
  generate(): void {
    const glosses: DraftGloss[] = this.words.flatMap((w) =>
      w.status === 'confirmed' && w.entry && w.sense
        ? [{ at: w.at, form: w.form, lemma: w.entry.lemma, pos: w.entry.pos, sense: w.sense, ...(w.entry.function ? { function: true } : {}) }]
        : [],
    );
    const made = draftQuestions({ text: this.glosses.text, glosses }, { seed: seedFrom(this.lessonId, this.generations++), takenIds: this.questions.map((q) => q.id) });
    this.questions.push(...made.map(formOf));
    this.status = strings.quizEditor.generated(made.length);
    if (made.length) this.quizChanged();
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
