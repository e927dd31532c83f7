// The teacher's own lessons: drafts made from a text and edited in small saves, checked and published as versions,
// a new draft from a published version, and delete (archive when answered). Packs: services/lesson-packs.ts.
import { createHash, randomUUID } from 'node:crypto';
import {
  applyGlossPatch,
  draftOfFiles,
  filesOfDraft,
  lessonIdFromTitle,
  sentenceLemmas,
  textFromParagraphs,
  unconfirmedCount,
  type DraftDocuments,
  type DraftQuiz,
  type DraftTranslation,
  type GlossPatch,
} from '../../core/authoring/draft';
import { draftFromText } from '../../core/authoring/draft-from-text';
import { MAX_LESSON_WORDS } from '../../core/import/limits';
import { LessonError } from '../../core/lesson';
import { splitParagraphs } from '../../core/tokenizer';
import type { ParsedInput } from '../../shared/contract';
import {
  type ArchiveOutcome,
  type AuthoringList,
  type AuthoringSummary,
  type LessonProblem,
  type Published,
  type SavedDraft,
  type ValidationReport,
} from '../../shared/contract/authoring';
import { AppError } from '../../shared/errors';
import type { HouseLexiconRepository } from '../db/repositories/house-lexicon';
import type { LessonDocuments, LessonsRepository, LessonVersionRow } from '../db/repositories/lessons';
import { filesOf, loadStoredLesson, type LessonStore } from '../lesson-store';
import type { DictionarySources } from './gloss-sources';

export type NewLesson = Omit<ParsedInput<'authoring:create'>, 'teacherToken'>;
export type DraftDetails = Omit<ParsedInput<'authoring:saveDetails'>, 'teacherToken' | 'lessonId' | 'revision'>;
export type TranslationPatch = ParsedInput<'authoring:saveTranslations'>['translations'];

/** The lineage of a built-in lesson: the same on every computer, so its packs update each other. */
export const builtInLineage = (lessonId: string): string => `builtin:${lessonId}`;

export class AuthoringService {
  constructor(
    private readonly repo: LessonsRepository,
    private readonly house: HouseLexiconRepository,
    private readonly lessons: LessonStore,
    private readonly now: () => Date,
    private readonly dictionaries: DictionarySources,
  ) {}

  /** Whether an id is taken here: a built-in lesson or any version in the database. */
  isTaken(lessonId: string): boolean {
    return this.lessons.isBuiltIn(lessonId) || this.repo.lastVersion(lessonId) > 0;
  }

  list(): AuthoringList {
    const attempts = this.repo.attemptCounts();
    const byLesson = new Map<string, ReturnType<LessonsRepository['heads']>>();
    for (const head of this.repo.heads()) byLesson.set(head.lessonId, [...(byLesson.get(head.lessonId) ?? []), head]);
    const ids = new Set([...this.lessons.library().lessons.map((l) => l.id), ...byLesson.keys()]);
    const lessons: AuthoringSummary[] = [];
    for (const lessonId of [...ids].sort()) {
      const heads = byLesson.get(lessonId) ?? [];
      const draft = heads.find((h) => h.status === 'draft');
      const builtIn = this.lessons.isBuiltIn(lessonId);
      const currentVersion = this.lessons.currentVersion(lessonId);
      const publishedHead = heads.find((h) => h.version === currentVersion && h.status === 'published');
      const current = currentVersion === undefined ? undefined : this.lessons.find(lessonId, currentVersion);
      const manifest = draft ? (JSON.parse(draft.manifest) as { title: string; level: AuthoringSummary['level'] }) : current?.manifest;
      if (!manifest) continue;
      lessons.push({
        lessonId,
        title: current?.manifest.title ?? manifest.title,
        level: current?.manifest.level ?? manifest.level,
        builtIn,
        published: currentVersion === undefined ? null : { version: currentVersion, publishedAt: publishedHead?.publishedAt ?? null },
        draft: draft ? { version: draft.version, revision: draft.revision, updatedAt: draft.updatedAt } : null,
        archived: currentVersion === undefined && heads.some((h) => h.status === 'archived'),
        words: current?.wordCount ?? 0,
        paragraphs: current?.paragraphs.length ?? 0,
        questions: currentVersion === undefined ? 0 : (this.lessons.quizOf(lessonId, currentVersion)?.questions.length ?? 0),
        attempts: attempts.get(lessonId) ?? 0,
      });
    }
    return { lessons };
  }

  /** A new draft from a text, glossed; its lesson id. */
  create(lesson: NewLesson): string {
    const text = textFromParagraphs(lesson.paragraphs);
    const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words > MAX_LESSON_WORDS) throw AppError.because('invalid_input', 'lessonTooLong', { words, max: MAX_LESSON_WORDS });
    const at = this.now().toISOString();
    // Glossed before the write: a dictionary that cannot be opened leaves nothing saved.
    const glosses = draftFromText(text, { ...this.dictionaries(), house: this.house });
    return this.repo.db.write(() => {
      const lessonId = lessonIdFromTitle(lesson.title, (id) => this.isTaken(id));
      const { paragraphs: _p, ...details } = lesson;
      const draft: DraftDocuments = {
        manifest: { id: lessonId, ...details },
        text,
        lexicon: glosses.lexicon,
        translations: splitParagraphs(text).map(() => null),
        quiz: { questions: [] },
        review: glosses.review,
      };
      this.insertDraft(lessonId, 1, draft, randomUUID(), null, at);
      return lessonId;
    });
  }

  private insertDraft(lessonId: string, version: number, draft: DraftDocuments, lineage: string, authorNotes: string | null, at: string): void {
    this.repo.insert({ lessonId, version, status: 'draft', ...allDocumentsOf(draft), lineage, authorNotes, createdAt: at, updatedAt: at, publishedAt: null });
  }

  private draftRow(lessonId: string): LessonVersionRow {
    const row = this.repo.draft(lessonId);
    if (!row) throw AppError.because('not_found', 'noDraft', { lessonId });
    return row;
  }

  /**
   * One save: refused with `conflict` unless made on the draft's current revision; the same save repeated right
   * after (its reply lost) is answered with the revision it made and changes nothing.
   */
  private save(lessonId: string, revision: number, what: string, payload: unknown, change: (draft: DraftDocuments, row: LessonVersionRow) => Partial<DraftDocuments> & { authorNotes?: string | null }): SavedDraft {
    const digest = createHash('sha256').update(what).update(JSON.stringify(payload)).digest('base64url');
    return this.repo.db.write(() => {
      const row = this.draftRow(lessonId);
      if (row.revision === revision + 1 && row.lastSave === digest) return { revision: row.revision, updatedAt: row.updatedAt };
      if (row.revision !== revision) {
        throw AppError.because('conflict', 'draftChanged', { revision: row.revision, given: revision });
      }
      // Only the documents the change reads are parsed (a 20,000-word lexicon is a megabyte of JSON), and only
      // those it returns are written back.
      const { authorNotes, ...documents } = change(lazyDraft(row), row);
      const at = this.now().toISOString();
      const serialised = documentsOf(documents);
      this.repo.saveDraft(lessonId, revision, { ...serialised, ...(authorNotes === undefined ? {} : { authorNotes }) }, digest, at);
      return { revision: revision + 1, updatedAt: at };
    });
  }

  saveDetails(lessonId: string, revision: number, details: DraftDetails): SavedDraft {
    return this.save(lessonId, revision, 'details', details, (draft) => {
      const { authorNotes, ...manifest } = details;
      return { manifest: { id: lessonId, ...manifest, ...(draft.manifest.editorNotes ? { editorNotes: draft.manifest.editorNotes } : {}) }, authorNotes: authorNotes ?? null };
    });
  }

  saveGlosses(lessonId: string, revision: number, patch: GlossPatch): SavedDraft {
    for (const item of patch.tokens ?? []) {
      if (item.gloss && item.gloss.at !== item.at) throw new AppError('invalid_input', `tokens: the gloss for the word at ${item.at} says it is at ${item.gloss.at}.`);
    }
    return this.save(lessonId, revision, 'glosses', patch, (draft) => {
      const next = applyGlossPatch(draft.lexicon, draft.review, patch);
      const confirmedAt = this.now().toISOString();
      for (const gloss of next.confirmed) {
        const entry = next.lexicon.entries[gloss.entry];
        if (!entry) continue;
        const note = gloss.note ?? entry.note;
        this.house.remember({
          lemma: entry.lemma,
          pos: entry.pos,
          sense: gloss.sense ?? entry.sense,
          ...(note ? { note } : {}),
          context: sentenceLemmas(draft.text, next.lexicon, gloss.at),
          lessonId,
          confirmedAt,
        });
      }
      for (const expression of next.confirmedExpressions) {
        // As the seed keeps them (core/glossing/house.ts): its dictionary form or its words, pos '' unless a
        // one-word name; found again by the glossing of the next text that holds the same words.
        const lemma = expression.lemma ?? expression.text;
        const single = !/[\s’'-]/.test(lemma.trim());
        this.house.remember({
          lemma,
          pos: single && expression.kind === 'name' ? 'proper noun' : '',
          sense: expression.sense,
          ...(expression.note ? { note: expression.note } : {}),
          context: sentenceLemmas(draft.text, next.lexicon, expression.start),
          lessonId,
          confirmedAt,
        });
      }
      return { lexicon: next.lexicon, review: next.review };
    });
  }

  saveTranslations(lessonId: string, revision: number, items: TranslationPatch): SavedDraft {
    return this.save(lessonId, revision, 'translations', items, (draft) => {
      const translations: DraftTranslation[] = [...draft.translations];
      for (const { paragraph, translation } of items) {
        if (paragraph >= translations.length) throw new AppError('invalid_input', `translations: the text has ${translations.length} paragraphs, not ${paragraph + 1}.`);
        translations[paragraph] = translation;
      }
      return { translations };
    });
  }

  saveQuiz(lessonId: string, revision: number, quiz: DraftQuiz): SavedDraft {
    return this.save(lessonId, revision, 'quiz', quiz, () => ({ quiz }));
  }

  validate(lessonId: string): ValidationReport {
    const draft = readDraft(this.draftRow(lessonId));
    const problems = problemsOf(draft);
    return { valid: problems.length === 0, problems, unconfirmed: unconfirmedCount(draft.review) };
  }

  publish(lessonId: string, revision: number): Published {
    return this.repo.db.write(() => {
      const row = this.draftRow(lessonId);
      if (row.revision !== revision) throw AppError.because('conflict', 'draftChangedBeforePublish', { revision: row.revision });
      const draft = readDraft(row);
      const problems = problemsOf(draft);
      if (problems.length > 0) {
        const [first] = problems as [LessonProblem, ...LessonProblem[]];
        throw AppError.because('lesson_invalid', 'notPublishable', { count: problems.length, file: first.file, ...first.fact });
      }
      const at = this.now().toISOString();
      // The documents as published are the files a folder would hold (quiz.json with its version and lesson).
      this.repo.saveDraft(lessonId, revision, filesToDocuments(filesOfDraft(draft)), 'publish', at);
      this.repo.publish(lessonId, row.version, at);
      this.lessons.changed();
      return { lessonId, version: row.version, publishedAt: at };
    });
  }

  editPublished(lessonId: string): void {
    return this.repo.db.write(() => {
      if (this.repo.draft(lessonId)) throw AppError.because('conflict', 'draftExists');
      const version = this.lessons.currentVersion(lessonId);
      if (version === undefined) throw AppError.because('not_found', 'noPublishedLesson', { lessonId });
      const row = this.repo.version(lessonId, version);
      const files = row ? filesOf(row) : this.lessons.builtInFiles(lessonId);
      if (!files) throw AppError.because('not_found', 'noPublishedLesson', { lessonId });
      const next = Math.max(this.repo.lastVersion(lessonId), version) + 1;
      this.insertDraft(lessonId, next, draftOfFiles(files), row?.lineage ?? builtInLineage(lessonId), null, this.now().toISOString());
    });
  }

  archive(lessonId: string): ArchiveOutcome {
    return this.repo.db.write(() => {
      const hasRows = this.repo.lastVersion(lessonId) > 0;
      if (this.lessons.isBuiltIn(lessonId)) {
        if (!this.repo.draft(lessonId)) throw AppError.because('conflict', 'builtInUndeletable');
        this.repo.eraseDraft(lessonId);
        return { outcome: 'erased', lessonId };
      }
      if (!hasRows) throw AppError.because('not_found', 'noSuchLesson', { lessonId });
      const outcome = this.repo.attemptCount(lessonId) > 0 ? 'archived' : 'erased';
      if (outcome === 'archived') this.repo.archive(lessonId, this.now().toISOString());
      else this.repo.erase(lessonId);
      this.lessons.changed();
      return { outcome, lessonId };
    });
  }
}


/** Every problem that keeps a draft from being published, from the same loaders a lesson folder goes through. */
export function problemsOf(draft: DraftDocuments): LessonProblem[] {
  // A paragraph without translation is not a problem: translations are optional (the reader hides the control).
  const manifest: LessonProblem[] = [];
  if (!draft.manifest.titleEn) manifest.push({ file: 'lesson.json', message: 'the English title is missing', fact: { problem: 'titleMissing' } });
  if (!draft.manifest.summary) manifest.push({ file: 'lesson.json', message: 'the summary is missing', fact: { problem: 'summaryMissing' } });
  if (draft.quiz.questions.length === 0) manifest.push({ file: 'quiz.json', message: 'the quiz has no question yet', fact: { problem: 'quizEmpty' } });
  if (manifest.length > 0) return manifest;
  try {
    loadStoredLesson(filesOfDraft(draft), draft.manifest.id, 1);
    return [];
  } catch (error) {
    if (error instanceof LessonError) return error.problems.map((message, i) => ({ file: error.file, message, fact: error.facts[i] ?? { problem: 'check', detail: message } }));
    throw error;
  }
}

/** A draft row's documents, every one parsed. */
export function readDraft(row: LessonVersionRow): DraftDocuments {
  const files = filesOf(row);
  const draft = draftOfFiles(files);
  return { ...draft, review: row.review === null ? draft.review : (JSON.parse(row.review) as DraftDocuments['review']) };
}

/** readDraft's documents, each parsed on first use: what one small save needs of a long draft, and no more. */
function lazyDraft(row: LessonVersionRow): DraftDocuments {
  // As draftOfFiles and readDraft read them, one document at a time.
  const draft = {} as DraftDocuments;
  const parsers: { [K in keyof DraftDocuments]: () => DraftDocuments[K] } = {
    manifest: () => JSON.parse(row.manifest) as DraftDocuments['manifest'],
    text: () => row.text.replace(/\r\n?/g, '\n'),
    lexicon: () => JSON.parse(row.lexicon) as DraftDocuments['lexicon'],
    translations: () => JSON.parse(row.translations) as DraftDocuments['translations'],
    quiz: () => {
      if (row.quiz === null) return { questions: [] };
      const { version: _v, lesson: _l, ...quiz } = JSON.parse(row.quiz) as DraftDocuments['quiz'] & { version?: number; lesson?: string };
      return quiz;
    },
    review: () => (row.review === null ? { tokens: [], expressions: [] } : (JSON.parse(row.review) as DraftDocuments['review'])),
  };
  for (const key of Object.keys(parsers) as (keyof DraftDocuments)[]) {
    let value: unknown;
    let read = false;
    Object.defineProperty(draft, key, {
      enumerable: true,
      get: () => {
        if (!read) {
          value = parsers[key]();
          read = true;
        }
        return value;
      },
    });
  }
  return draft;
}

function allDocumentsOf(draft: DraftDocuments): LessonDocuments {
  return { ...filesToDocuments(filesOfDraft(draft)), quiz: JSON.stringify(draft.quiz), review: JSON.stringify(draft.review) };
}

function documentsOf(draft: Partial<DraftDocuments>): Partial<LessonDocuments> {
  return {
    ...(draft.manifest ? { manifest: JSON.stringify(draft.manifest) } : {}),
    ...(draft.text !== undefined ? { text: draft.text } : {}),
    ...(draft.lexicon ? { lexicon: JSON.stringify(draft.lexicon) } : {}),
    ...(draft.translations ? { translations: JSON.stringify(draft.translations) } : {}),
    ...(draft.quiz ? { quiz: JSON.stringify(draft.quiz) } : {}),
    ...(draft.review ? { review: JSON.stringify(draft.review) } : {}),
  };
}

function filesToDocuments(files: ReturnType<typeof filesOfDraft>): { manifest: string; text: string; lexicon: string; translations: string; quiz: string | null } {
  return { manifest: files['lesson.json'], text: files['text.fr.txt'], lexicon: files['lexicon.json'], translations: files['translations.json'], quiz: files['quiz.json'] ?? null };
}
