// The built-in article (resources/lessons/kim-russie), read from disk for tests and benchmarks.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { LexiconSchema, loadLesson, type Lesson, type LessonFiles, type Lexicon } from '../../src/core/lesson';

export const ARTICLE_ID = 'kim-russie';
export const ARTICLE_DIR = resolve(import.meta.dirname, '..', '..', 'resources', 'lessons', ARTICLE_ID);
const LESSON_FILES = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json'] as const;

/** The four files loadLesson reads, from a lesson folder (the article's by default). */
export function readLessonFiles(dir: string = ARTICLE_DIR): LessonFiles {
  return Object.fromEntries(LESSON_FILES.map((name) => [name, readFileSync(join(dir, name), 'utf8')])) as unknown as LessonFiles;
}

/** One file of the article's folder as text, e.g. `quiz.json`. */
export function readArticleFile(name: string): string {
  return readFileSync(join(ARTICLE_DIR, name), 'utf8');
}

export function loadArticle(): Lesson {
  return loadLesson(readLessonFiles());
}

/** The article's hand-made lexicon.json, checked by the lesson schema. */
export function loadArticleLexicon(): Lexicon {
  return v.parse(LexiconSchema, JSON.parse(readArticleFile('lexicon.json')));
}
