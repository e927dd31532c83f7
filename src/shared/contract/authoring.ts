// The teacher's own lessons: drafts made from a text, reviewed gloss by gloss, published as versions learners read,
// archived, and carried between computers as lesson packs (.liseuse, docs/lesson-pack.md). Every call is the
// teacher's. A draft carries a revision number: every save names the revision it was made on, so a stale write (an
// old tab, a second window) is refused with `conflict` instead of overwriting newer work; repeating the last save
// exactly (an autosave retried) is answered with the same revision and changes nothing.
import * as v from 'valibot';
import type { DraftDocuments } from '../../core/authoring/draft';
import type { GlossPage, ParagraphCount } from '../../core/authoring/gloss-pages';
import type { QuizQuestionInput } from '../../core/quiz/schema';
import { ExpressionReviewSchema, TokenReviewSchema } from '../../core/authoring/review';
import { MAX_PACK_BASE64_CHARS, MAX_PACK_BYTES } from '../../core/authoring/pack-limits';
import { EntrySchema, ExpressionSchema, LEVELS, TokenGlossSchema, type LessonProblemFact, type Lexicon } from '../../core/lesson';
import type { ExportOutcome } from '../types';
import { MAX_IMPORT_BASE64_CHARS, MAX_IMPORT_FILE_BYTES, megabytes } from '../../core/import/limits';
import { returns, type Table } from './call';
import { Count, LessonId, TeacherToken } from './fields';

export type { Candidate, Review, TokenReview, ExpressionReview } from '../../core/authoring/review';
export type { DraftManifest } from '../../core/authoring/draft';
export type { GlossPage, ParagraphCount } from '../../core/authoring/gloss-pages';

/** What a file holds as a lesson's text, read but not saved. */
export interface TextFileReading {
  /** Empty for an EPUB of several chapters until some are chosen (`chapters` then lists them). */
  paragraphs: string[];
  /** The title the file states (a page's <h1>, a document's or book's title), for the teacher to keep or change. */
  title?: string;
  /** ISO 639-3 code of the language the text looks like (`und`: too short to tell). */
  detectedLanguage: string;
  /** False when the text looks like another language: a warning, and the teacher may go on. */
  looksFrench: boolean;
  wordCount: number;
  /** An EPUB's chapters that have text, in reading order. `title` is '' when the book gives none. */
  chapters?: { index: number; title: string; words: number }[];
}

export const LESSON_STATUSES = ['draft', 'published', 'archived'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/**
 * A new lesson is at most MAX_LESSON_WORDS (core/import/limits.ts, the import's limit too), and at most this many
 * characters of text, checked at the boundary before anything is counted.
 */
export const MAX_LESSON_CHARS = 1_500_000;
export const MAX_PARAGRAPHS = 10_000;

const Line = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(max, `is longer than ${max} characters`));
const Title = Line(200);
const Summary = Line(2_000);
const Source = Line(1_000);
/** The day the text was written or published, as YYYY-MM-DD. */
const Day = v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'));
const Level = v.picklist(LEVELS);
const Revision = Count;
const EntryId = v.pipe(v.string(), v.regex(/^[^\s]{1,100}$/, 'must be an entry id without spaces'));

/** A lesson's details as the teacher writes them (lesson.json but its id and editor notes). */
const details = {
  title: Title,
  titleEn: v.optional(Title),
  level: Level,
  summary: v.optional(Summary),
  source: v.optional(Source),
  date: v.optional(Day),
};

/** What a teacher gives to start a lesson (pasted, or read from a file by the import). */
const NewLessonSchema = v.strictObject({
  ...details,
  paragraphs: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('a paragraph must not be empty'))),
    v.minLength(1, 'needs at least one paragraph'),
    v.maxLength(MAX_PARAGRAPHS, `has more than ${MAX_PARAGRAPHS} paragraphs`),
    v.check((paragraphs) => paragraphs.reduce((sum, p) => sum + p.length + 2, 0) <= MAX_LESSON_CHARS, `is longer than ${MAX_LESSON_CHARS} characters`),
  ),
});

/** A draft's details (lesson.json), all given each time: the form sends what it shows. */
const DetailsSchema = v.strictObject({
  ...details,
  /** The teacher's own notes on this version (why it changed); not shown to learners. */
  authorNotes: v.optional(Line(4_000)),
});

const PATCH_ITEMS = 5_000;
const items = <S extends v.GenericSchema>(item: S) => v.optional(v.pipe(v.array(item), v.maxLength(PATCH_ITEMS, `has more than ${PATCH_ITEMS} changes`)));

/**
 * A small change to a draft's lexicon and review. Each item sets or (with null) removes one thing, so applying
 * the same patch twice gives the same draft. A token item with `confirm: true` clears its unsure/suggested flags;
 * every token gloss a patch leaves confirmed (flags cleared) is remembered in the house lexicon.
 */
const GlossPatchSchema = v.strictObject({
  entries: items(v.strictObject({ id: EntryId, entry: v.nullable(EntrySchema) })),
  tokens: items(
    v.strictObject({
      at: TokenGlossSchema.entries.at,
      gloss: v.optional(v.nullable(TokenGlossSchema)),
      review: v.optional(v.nullable(TokenReviewSchema)),
      confirm: v.optional(v.literal(true)),
    }),
  ),
  expressions: items(
    v.strictObject({
      start: ExpressionSchema.entries.start,
      end: ExpressionSchema.entries.end,
      expression: v.optional(v.nullable(ExpressionSchema)),
      review: v.optional(v.nullable(ExpressionReviewSchema)),
      confirm: v.optional(v.literal(true)),
    }),
  ),
});

/** A paragraph's translation: one text, one per sentence, or null for none yet. */
const TranslationSchema = v.nullable(v.union([Line(20_000), v.pipe(v.array(Line(5_000)), v.minLength(1, 'must not be empty'))]));

/**
 * quiz.json as the quiz editor holds it: questions may be unfinished while a draft is edited (authoring:validate
 * names what is missing; authoring:publish refuses until nothing is), so each is only required to be an object.
 */
const DraftQuizSchema = v.strictObject({
  title: v.optional(Title),
  questions: v.pipe(v.array(v.record(v.string(), v.unknown())), v.maxLength(200, 'has more than 200 questions')),
});

const lessonInput = { teacherToken: TeacherToken, lessonId: LessonId };
const draftInput = { ...lessonInput, revision: Revision };

/** One lesson as the teacher area lists it: the built-in lessons, the published ones and the drafts. */
export interface AuthoringSummary {
  lessonId: string;
  title: string;
  level: (typeof LEVELS)[number];
  /** A built-in lesson (resources/lessons) is version 1 and read-only; editing it makes a draft version 2. */
  builtIn: boolean;
  /** The version learners read, or null when none is published (never published, or archived). */
  published: { version: number; publishedAt: string | null } | null;
  /** The draft being edited, if any (at most one per lesson). */
  draft: { version: number; revision: number; updatedAt: string } | null;
  archived: boolean;
  words: number;
  paragraphs: number;
  questions: number;
  /** Quiz attempts on any version of this lesson, on this computer. */
  attempts: number;
}

export interface AuthoringList {
  lessons: AuthoringSummary[];
}

/**
 * A draft whole: the five documents of a lesson (translations: one per paragraph, null where none is written yet;
 * the quiz without its `version` and `lesson` fields) and its review state.
 */
export interface AuthoringDraft extends DraftDocuments {
  lessonId: string;
  version: number;
  revision: number;
  status: 'draft';
  createdAt: string;
  updatedAt: string;
  authorNotes: string | null;
}

/**
 * A draft as the gloss editor opens it: everything but its glosses, which come a page at a time
 * (authoring:glosses; core/authoring/gloss-pages.ts). The entries are all here: an edit finds or names its entry
 * among them.
 */
export interface DraftOutline extends Omit<AuthoringDraft, 'lexicon' | 'review'> {
  entries: Lexicon['entries'];
  /** Per paragraph (splitParagraphs's), its words and those still to review: the editor pages and counts by them. */
  paragraphs: ParagraphCount[];
}

export interface DraftedQuestions {
  questions: QuizQuestionInput[];
}

export interface SavedDraft {
  revision: number;
  updatedAt: string;
}

/** A problem that keeps a draft from being published, named by the document it is in. */
export interface LessonProblem {
  file: 'lesson.json' | 'text.fr.txt' | 'lexicon.json' | 'translations.json' | 'quiz.json';
  /** In English, for logs; the screen words `fact` in the language on it (shared/error-messages.ts). */
  message: string;
  fact: LessonProblemFact;
}

export interface ValidationReport {
  /** True when nothing keeps the draft from being published. */
  valid: boolean;
  problems: LessonProblem[];
  /** Words still flagged unsure or suggested: not a problem, but worth a look before publishing. */
  unconfirmed: number;
}

export interface Published {
  lessonId: string;
  version: number;
  publishedAt: string;
}

export interface ArchiveOutcome {
  /** `archived`: attempts exist, the lesson leaves the learners' library and its attempts stay; `erased`: a draft no one answered is gone. */
  outcome: 'archived' | 'erased';
  lessonId: string;
}

export interface PackImport {
  /** `added`: a lesson new here; `updated`: a newer version of a lesson here; `copy`: kept beside the one here under a new id. */
  outcome: 'added' | 'updated' | 'copy';
  lessonId: string;
  version: number;
  title: string;
  /** For a copy: the id the pack had, now taken here. */
  copyOf?: string;
  /** In plain words, for the teacher: what was done and why. */
  message: string;
}

export const authoringCalls = {
  'authoring:list': returns<AuthoringList>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
  /** A new draft from a text; its glosses start from the automatic glossing (every one flagged suggested). */
  'authoring:create': returns<DraftOutline>()(v.strictObject({ teacherToken: TeacherToken, ...NewLessonSchema.entries }), {
    guard: 'teacher',
    transport: 'http',
  }),
  /** A draft's outline; its glosses a page at a time with authoring:glosses. */
  'authoring:get': returns<DraftOutline>()(v.strictObject(lessonInput), { guard: 'teacher', transport: 'http' }),
  /** The glosses of paragraphs [first, end) of the draft (index from 0). */
  'authoring:glosses': returns<GlossPage>()(
    v.strictObject({ ...lessonInput, first: v.pipe(Count, v.maxValue(MAX_PARAGRAPHS)), end: v.pipe(Count, v.maxValue(MAX_PARAGRAPHS)) }),
    { guard: 'teacher', transport: 'http' },
  ),
  /** Cloze, vocabulary and ordering questions drafted from the confirmed glosses; each `generation` gives others. */
  'authoring:draftQuestions': returns<DraftedQuestions>()(
    v.strictObject({
      ...lessonInput,
      generation: v.pipe(Count, v.maxValue(100_000)),
      takenIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200, 'has more than 200 questions')),
    }),
    { guard: 'teacher' },
  ),
  'authoring:saveDetails': returns<SavedDraft>()(v.strictObject({ ...draftInput, ...DetailsSchema.entries }), { guard: 'teacher' }),
  'authoring:saveGlosses': returns<SavedDraft>()(v.strictObject({ ...draftInput, ...GlossPatchSchema.entries }), { guard: 'teacher', transport: 'http' }),
  /** Sets the paragraphs named (index from 0); the others keep theirs. */
  'authoring:saveTranslations': returns<SavedDraft>()(
    v.strictObject({
      ...draftInput,
      translations: v.pipe(
        v.array(v.strictObject({ paragraph: v.pipe(Count, v.maxValue(MAX_PARAGRAPHS)), translation: TranslationSchema })),
        v.maxLength(MAX_PARAGRAPHS),
      ),
    }),
    { guard: 'teacher', transport: 'http' },
  ),
  /** The whole quiz (it is small); its `lesson` and `version` fields are the backend's to write. */
  'authoring:saveQuiz': returns<SavedDraft>()(v.strictObject({ ...draftInput, quiz: DraftQuizSchema }), { guard: 'teacher', transport: 'http' }),
  /** Every problem publishing would refuse, in plain words, from the same checks the library runs. */
  'authoring:validate': returns<ValidationReport>()(v.strictObject(lessonInput), { guard: 'teacher' }),
  /** Publishes the draft as the lesson's current version, or refuses with `lesson_invalid` naming the problems. */
  'authoring:publish': returns<Published>()(v.strictObject(draftInput), { guard: 'teacher' }),
  /** A new draft version from the current published one (or the built-in lesson); `conflict` when a draft exists. */
  'authoring:editPublished': returns<DraftOutline>()(v.strictObject(lessonInput), { guard: 'teacher', transport: 'http' }),
  /** Delete: archives a lesson whose attempts exist, erases a draft never published; built-in lessons cannot be. */
  'authoring:archive': returns<ArchiveOutcome>()(v.strictObject(lessonInput), { guard: 'teacher' }),
  /** The published version (or the one named) as a .liseuse file. */
  'authoring:exportPack': returns<ExportOutcome>()(v.strictObject({ ...lessonInput, version: v.optional(v.pipe(Count, v.minValue(1))) }), {
    guard: 'teacher',
    transport: 'http',
  }),
  /** A .liseuse file, checked whole before anything is written; a bad pack is refused by name with the reason. */
  'authoring:importPack': returns<PackImport>()(
    v.strictObject({
      teacherToken: TeacherToken,
      fileName: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255)),
      /** The file's bytes, base64. */
      base64: v.pipe(
        v.string(),
        v.maxLength(MAX_PACK_BASE64_CHARS, `A lesson pack is at most ${MAX_PACK_BYTES / 1_000_000} MB.`),
        v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file as base64'),
      ),
    }),
    { guard: 'teacher', transport: 'http' },
  ),
  // Opening a file as a new lesson's text (the import helper's): nothing is written.
  /** Reads one file in one go and writes nothing; a file it cannot take is refused by name with the reason. */
  'authoring:readFile': returns<TextFileReading>()(
    v.strictObject({
      teacherToken: TeacherToken,
      fileName: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255)),
      bytes: v.pipe(
        v.string(),
        v.maxLength(MAX_IMPORT_BASE64_CHARS, `A file to open is at most ${megabytes(MAX_IMPORT_FILE_BYTES)}.`),
        v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s bytes in base64'),
      ),
      /** An EPUB's chapters to read, first and last by index (inclusive). */
      chapters: v.optional(v.strictObject({ from: Count, to: Count })),
    }),
    { guard: 'teacher', transport: 'http' },
  ),
} satisfies Table;
