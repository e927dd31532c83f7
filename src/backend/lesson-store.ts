// Reads lesson folders from disk once and keeps them; the checks themselves live in core/lesson.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson, LessonError, type Lesson, type LessonFiles } from '../core/lesson';
import { AppError } from '../shared/errors';
import type { LessonLibrary, LessonSummary, LessonView } from '../shared/types';

const FILES: (keyof LessonFiles)[] = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json'];

export class LessonStore {
  private loaded?: { lessons: Map<string, Lesson>; problems: LessonLibrary['problems'] };

  constructor(private readonly lessonsDir: string) {}

  private load(): NonNullable<LessonStore['loaded']> {
    if (this.loaded) return this.loaded;
    const lessons = new Map<string, Lesson>();
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
        lessons.set(folder, lesson);
      } catch (error) {
        problems.push({ folder, message: error instanceof Error ? error.message : String(error) });
      }
    }
    this.loaded = { lessons, problems };
    return this.loaded;
  }

  library(): LessonLibrary {
    const { lessons, problems } = this.load();
    return { lessons: [...lessons.values()].map(summarise), problems };
  }

  get(lessonId: string): Lesson {
    const lesson = this.load().lessons.get(lessonId);
    if (!lesson) throw new AppError('not_found', `There is no lesson "${lessonId}".`);
    return lesson;
  }

  view(lessonId: string): LessonView {
    return toView(this.get(lessonId));
  }
}

function readLessonFile(dir: string, folder: string, name: keyof LessonFiles): string {
  try {
    return readFileSync(join(dir, folder, name), 'utf8');
  } catch {
    throw new LessonError(name, ['the file is missing or unreadable']);
  }
}

function summarise(lesson: Lesson): LessonSummary {
  const { manifest } = lesson;
  return {
    id: manifest.id,
    title: manifest.title,
    titleEn: manifest.titleEn,
    level: manifest.level,
    summary: manifest.summary,
    wordCount: lesson.wordCount,
    paragraphCount: lesson.paragraphs.length,
  };
}

function toView(lesson: Lesson): LessonView {
  return {
    ...summarise(lesson),
    text: lesson.text,
    ...(lesson.manifest.source ? { source: lesson.manifest.source } : {}),
    editorNotes: lesson.manifest.editorNotes ?? [],
    expressions: lesson.expressions,
    paragraphs: lesson.paragraphs.map((paragraph) => ({
      index: paragraph.index,
      start: paragraph.start,
      end: paragraph.end,
      translation: paragraph.translation,
      sentences: paragraph.sentences.map((s) => {
        const sentence = lesson.sentences[s];
        return { start: sentence?.start ?? 0, end: sentence?.end ?? 0 };
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
