// Reads lesson folders from disk once and keeps them; the checks themselves live in core/lesson.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, LessonError, type Lesson, type LessonFiles } from '../core/lesson';
import { loadQuiz, type Quiz } from '../core/quiz';
import { AppError } from '../shared/errors';
import { firstReply, packLesson, type LessonWire, type LessonWirePart } from '../shared/lesson-wire';
import type { LessonLibrary } from '../shared/contract/lessons';
import type { LessonSummary, LessonView } from '../shared/types';

const FILES = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json'] as const;
const QUIZ_FILE = 'quiz.json';

export interface StoredLesson {
  lesson: Lesson;
  /** The lesson's comprehension quiz, when its folder has one. */
  quiz?: Quiz;
  /** The lesson as lessons:get sends it, packed on first request and kept: lessons do not change while the app runs. */
  wire?: LessonWire;
}

export class LessonStore {
  private loaded?: { lessons: Map<string, StoredLesson>; problems: LessonLibrary['problems'] };

  constructor(private readonly lessonsDir: string) {}

  private load(): NonNullable<LessonStore['loaded']> {
    if (this.loaded) return this.loaded;
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
        const files = Object.fromEntries(FILES.map((name) => [name, readLessonFile(this.lessonsDir, folder, name)])) as unknown as LessonFiles;
        const lesson = loadLesson(files);
        if (lesson.manifest.id !== folder) throw new LessonError('lesson.json', [`id "${lesson.manifest.id}" does not match its folder "${folder}"`]);
        const quizPath = join(this.lessonsDir, folder, QUIZ_FILE);
        const quiz = existsSync(quizPath) ? loadQuiz(readLessonFile(this.lessonsDir, folder, QUIZ_FILE), lesson) : undefined;
        lessons.set(folder, quiz ? { lesson, quiz } : { lesson });
      } catch (error) {
        problems.push({ folder, message: error instanceof Error ? error.message : String(error) });
      }
    }
    this.loaded = { lessons, problems };
    return this.loaded;
  }

  library(): LessonLibrary {
    const { lessons, problems } = this.load();
    return { lessons: [...lessons.values()].map((stored) => lessonSummary(stored.lesson, stored.quiz)), problems };
  }

  private stored(lessonId: string): StoredLesson {
    const stored = this.load().lessons.get(lessonId);
    if (!stored) throw AppError.because('not_found', 'noSuchLesson', { lessonId });
    return stored;
  }

  /** The lesson, or not_found. */
  get(lessonId: string): Lesson {
    return this.stored(lessonId).lesson;
  }

  /** The lesson, or undefined when no folder of that id loads (removed, or refused by its checks). */
  find(lessonId: string): Lesson | undefined {
    return this.load().lessons.get(lessonId)?.lesson;
  }

  /** The lesson's comprehension quiz, or not_found when the lesson or its quiz is missing. */
  quiz(lessonId: string): Quiz {
    const { quiz } = this.stored(lessonId);
    if (!quiz) throw AppError.because('not_found', 'noQuiz');
    return quiz;
  }

  /** The lesson's comprehension quiz, or undefined when the lesson or its quiz is missing. */
  quizOf(lessonId: string): Quiz | undefined {
    return this.load().lessons.get(lessonId)?.quiz;
  }

  /** The lesson as lessons:get sends it: packed for the wire (src/shared/lesson-wire.ts), its first part only. */
  wire(lessonId: string): LessonWire {
    return firstReply(this.packed(lessonId));
  }

  /** Part `part` of the packed lesson, as lessons:part sends it, or not_found. */
  wirePart(lessonId: string, part: number): LessonWirePart {
    const found = this.packed(lessonId).parts[part];
    if (!found) throw new AppError('not_found', `Lesson "${lessonId}" has no part ${part + 1}.`);
    return found;
  }

  private packed(lessonId: string): LessonWire {
    const stored = this.stored(lessonId);
    stored.wire ??= packLesson(lessonView(stored.lesson, stored.quiz));
    return stored.wire;
  }
}

function readLessonFile(dir: string, folder: string, name: keyof LessonFiles): string {
  try {
    return readFileSync(join(dir, folder, name), 'utf8');
  } catch {
    throw new LessonError(name, ['the file is missing or unreadable']);
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
      translation: paragraph.translation,
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
