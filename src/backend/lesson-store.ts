// The lessons learners can open: the built-in folders (read from disk once, each version 1) merged with the
// teacher's published versions in the database (migration 014). The checks themselves live in core/lesson and
// core/quiz, the same for both. Drafts are not here: they belong to the teacher area (services/authoring).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, LessonError, type Lesson, type LessonFiles } from '../core/lesson';
import { loadQuiz, type Quiz } from '../core/quiz';
import { AppError } from '../shared/errors';
import { firstReply, packLesson, type LessonWire, type LessonWirePart } from '../shared/lesson-wire';
import type { LessonLibrary } from '../shared/contract/lessons';
import type { LessonSummary, LessonView } from '../shared/types';
import type { LessonDocuments, LessonsRepository } from './db/repositories/lessons';

const FILES = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json'] as const;
const QUIZ_FILE = 'quiz.json';
/** A built-in lesson is version 1 of its folder. */
export const BUILT_IN_VERSION = 1;

export interface StoredLesson {
  lesson: Lesson;
  /** The lesson's comprehension quiz, when it has one. */
  quiz?: Quiz;
  version: number;
  /** The lesson as lessons:get sends it, packed on first request and kept: a version never changes. */
  wire?: LessonWire;
}

/** Checks a lesson's documents whole, as a folder's are checked; throws LessonError naming the file. */
export function loadStoredLesson(files: LessonFiles, lessonId: string, version: number, where = 'the lesson'): StoredLesson {
  const lesson = loadLesson(files);
  if (lesson.manifest.id !== lessonId) {
    const fact = { problem: 'idMismatch', id: lesson.manifest.id, where: where === 'its folder' ? 'folder' : 'lesson', expected: lessonId } as const;
    throw new LessonError('lesson.json', [`id "${lesson.manifest.id}" does not match ${where} "${lessonId}"`], [fact]);
  }
  const quizText = files['quiz.json'];
  const quiz = quizText === undefined ? undefined : loadQuiz(quizText, lesson);
  return quiz ? { lesson, quiz, version } : { lesson, version };
}

/** The documents of a stored version, as the files of a folder. */
export function filesOf(documents: Pick<LessonDocuments, 'manifest' | 'text' | 'lexicon' | 'translations' | 'quiz'>): LessonFiles {
  return {
    'lesson.json': documents.manifest,
    'text.fr.txt': documents.text,
    'lexicon.json': documents.lexicon,
    'translations.json': documents.translations,
    ...(documents.quiz === null ? {} : { 'quiz.json': documents.quiz }),
  };
}

export class LessonStore {
  private builtIn?: { lessons: Map<string, StoredLesson>; problems: LessonLibrary['problems'] };
  /** Database versions loaded so far, by "id@version": published versions never change, so they are kept. */
  private readonly versions = new Map<string, StoredLesson>();
  /** The version learners read, per database lesson; rebuilt after every publish, archive or import (changed()). */
  private current?: Map<string, number>;
  private archived?: Set<string>;

  constructor(
    private readonly lessonsDir: string,
    private readonly repository?: LessonsRepository,
  ) {}

  private loadBuiltIn(): NonNullable<LessonStore['builtIn']> {
    if (this.builtIn) return this.builtIn;
    const lessons = new Map<string, StoredLesson>();
    const problems: LessonLibrary['problems'] = [];
    let folders: string[] = [];
    try {
      folders = readdirSync(this.lessonsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    } catch {
      problems.push({ folder: this.lessonsDir, message: 'The lessons folder could not be read.' });
    }
    for (const folder of folders) {
      try {
        const files = readFolder(this.lessonsDir, folder);
        lessons.set(folder, loadStoredLesson(files, folder, BUILT_IN_VERSION, 'its folder'));
      } catch (error) {
        problems.push({ folder, message: error instanceof Error ? error.message : String(error) });
      }
    }
    this.builtIn = { lessons, problems };
    return this.builtIn;
  }

  private loadCurrent(): { current: Map<string, number>; archived: Set<string> } {
    if (!this.current || !this.archived) {
      this.current = new Map();
      this.archived = new Set();
      for (const head of this.repository?.heads() ?? []) {
        if (head.status === 'published') this.current.set(head.lessonId, Math.max(head.version, this.current.get(head.lessonId) ?? 0));
        if (head.status === 'archived') this.archived.add(head.lessonId);
      }
      for (const id of this.current.keys()) this.archived.delete(id);
    }
    return { current: this.current, archived: this.archived };
  }

  /** Tells the store that a lesson was published, archived or imported: the current versions are read again. */
  changed(): void {
    this.current = undefined;
    this.archived = undefined;
  }

  /** A built-in lesson's documents as its folder has them, for a draft edited from it or a pack; undefined if none. */
  builtInFiles(lessonId: string): LessonFiles | undefined {
    return this.isBuiltIn(lessonId) ? readFolder(this.lessonsDir, lessonId) : undefined;
  }

  /** Whether a lesson is one of the built-in folders. */
  isBuiltIn(lessonId: string): boolean {
    return this.loadBuiltIn().lessons.has(lessonId);
  }

  /** The version learners read now, or undefined when the lesson is not in their library. */
  currentVersion(lessonId: string): number | undefined {
    const { current, archived } = this.loadCurrent();
    if (archived.has(lessonId)) return undefined;
    return current.get(lessonId) ?? (this.loadBuiltIn().lessons.has(lessonId) ? BUILT_IN_VERSION : undefined);
  }

  /**
   * Every version learners may have read, newest first: the published and archived ones in the database, and a
   * built-in folder's version 1 when the database has no version 1 of it.
   */
  readVersions(lessonId: string): number[] {
    const versions = (this.repository?.heads() ?? []).filter((h) => h.lessonId === lessonId && h.status !== 'draft').map((h) => h.version);
    if (this.isBuiltIn(lessonId) && !versions.includes(BUILT_IN_VERSION)) versions.push(BUILT_IN_VERSION);
    return versions.sort((a, b) => b - a);
  }

  /** A version of a lesson, loaded and checked; undefined when there is none or its documents fail the checks. */
  private version(lessonId: string, version: number): StoredLesson | undefined {
    const key = `${lessonId}@${version}`;
    const kept = this.versions.get(key);
    if (kept) return kept;
    const row = this.repository?.version(lessonId, version);
    if (!row || row.status === 'draft') return version === BUILT_IN_VERSION ? this.loadBuiltIn().lessons.get(lessonId) : undefined;
    try {
      const stored = loadStoredLesson(filesOf(row), lessonId, version);
      this.versions.set(key, stored);
      return stored;
    } catch {
      return undefined;
    }
  }

  private lookup(lessonId: string, version?: number): StoredLesson | undefined {
    const wanted = version ?? this.currentVersion(lessonId);
    return wanted === undefined ? undefined : this.version(lessonId, wanted);
  }

  library(): LessonLibrary {
    const builtIn = this.loadBuiltIn();
    const { current } = this.loadCurrent();
    const lessons: LessonSummary[] = [];
    const problems = [...builtIn.problems];
    const ids = new Set([...builtIn.lessons.keys(), ...current.keys()]);
    for (const id of [...ids].sort()) {
      const version = this.currentVersion(id);
      if (version === undefined) continue;
      const stored = this.version(id, version);
      if (stored) lessons.push(lessonSummary(stored.lesson, stored.quiz));
      else problems.push({ folder: `${id} (version ${version})`, message: 'This version no longer passes the lesson checks.' });
    }
    return { lessons, problems };
  }

  private stored(lessonId: string, version?: number): StoredLesson {
    const stored = this.lookup(lessonId, version);
    if (!stored) throw version === undefined ? AppError.because('not_found', 'noSuchLesson', { lessonId }) : AppError.because('not_found', 'noSuchVersion', { lessonId, version });
    return stored;
  }

  /** The lesson (its current version, or the one named), or not_found. */
  get(lessonId: string, version?: number): Lesson {
    return this.stored(lessonId, version).lesson;
  }

  /** The lesson, or undefined when it does not load (removed, archived, or refused by its checks). */
  find(lessonId: string, version?: number): Lesson | undefined {
    return this.lookup(lessonId, version)?.lesson;
  }

  /** The lesson's comprehension quiz, or not_found when the lesson or its quiz is missing. */
  quiz(lessonId: string, version?: number): Quiz {
    const { quiz } = this.stored(lessonId, version);
    if (!quiz) throw AppError.because('not_found', 'noQuiz');
    return quiz;
  }

  /** The lesson's comprehension quiz, or undefined when the lesson or its quiz is missing. */
  quizOf(lessonId: string, version?: number): Quiz | undefined {
    return this.lookup(lessonId, version)?.quiz;
  }

  /** The lesson as lessons:get sends it: packed for the wire (src/shared/lesson-wire.ts), its first part only. */
  wire(lessonId: string, version?: number): LessonWire {
    return firstReply(this.packed(lessonId, version));
  }

  /** Part `part` of the packed lesson, as lessons:part sends it, or not_found. */
  wirePart(lessonId: string, part: number, version?: number): LessonWirePart {
    const found = this.packed(lessonId, version).parts[part];
    if (!found) throw AppError.because('not_found', 'noSuchPart', { lessonId, part: part + 1 });
    return found;
  }

  private packed(lessonId: string, version?: number): LessonWire {
    const stored = this.stored(lessonId, version);
    stored.wire ??= packLesson(lessonView(stored.lesson, stored.quiz));
    return stored.wire;
  }
}

function readFolder(dir: string, folder: string): LessonFiles {
  const files = Object.fromEntries(FILES.map((name) => [name, readLessonFile(dir, folder, name)])) as unknown as LessonFiles;
  if (existsSync(join(dir, folder, QUIZ_FILE))) files['quiz.json'] = readLessonFile(dir, folder, QUIZ_FILE);
  return files;
}

function readLessonFile(dir: string, folder: string, name: keyof LessonFiles): string {
  try {
    return readFileSync(join(dir, folder, name), 'utf8');
  } catch {
    throw new LessonError(name, ['the file is missing or unreadable'], [{ problem: 'fileMissing' }]);
  }
}

/** What the library shows of a lesson. */
function lessonSummary(lesson: Lesson, quiz: Quiz | undefined): LessonSummary {
  const { manifest } = lesson;
  return {
    id: manifest.id,
    title: manifest.title,
    titleEn: manifest.titleEn,
    level: manifest.level,
    summary: manifest.summary,
    ...(manifest.source ? { source: manifest.source } : {}),
    wordCount: lesson.wordCount,
    paragraphCount: lesson.paragraphs.length,
    quizQuestions: quiz?.questions.length ?? 0,
  };
}
/** Everything the reader shows of a lesson, token by token. */
export function lessonView(lesson: Lesson, quiz: Quiz | undefined): LessonView {
  return {
    ...lessonSummary(lesson, quiz),
    text: lesson.text,
    editorNotes: lesson.manifest.editorNotes ?? [],
    expressions: lesson.expressions,
    paragraphs: lesson.paragraphs.map((paragraph) => ({
      index: paragraph.index,
      start: paragraph.start,
      end: paragraph.end,
      ...(paragraph.translation === undefined ? {} : { translation: paragraph.translation }),
      sentences: paragraph.sentences.map((s) => {
        const sentence = lesson.sentences[s];
        return { start: sentence?.start ?? 0, end: sentence?.end ?? 0, ...(sentence?.translation ? { translation: sentence.translation } : {}) };
      }),
      tokens: lesson.tokens.slice(paragraph.tokens[0], paragraph.tokens[1]).map((token) => ({
        i: token.index,
        kind: token.kind,
        start: token.start,
        end: token.end,
        ...(token.gloss ? { gloss: token.gloss } : {}),
      })),
    })),
  };
}
