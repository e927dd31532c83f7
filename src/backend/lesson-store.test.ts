// The lesson store says what it has: find() and quizOf() answer undefined for what is missing, get() and quiz()
// refuse it with not_found.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { ARTICLE_DIR, ARTICLE_ID } from '../../test/support/article';
import { LessonStore } from './lesson-store';

const dir = mkdtempSync(join(tmpdir(), 'liseuse-lessons-'));
cpSync(ARTICLE_DIR, join(dir, ARTICLE_ID), { recursive: true });
cpSync(ARTICLE_DIR, join(dir, 'sans-quiz'), { recursive: true });
rmSync(join(dir, 'sans-quiz', 'quiz.json'));
const manifest = join(dir, 'sans-quiz', 'lesson.json');
writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), id: 'sans-quiz' }));
// A folder whose lesson.json names another lesson is refused: listed as a problem, never found.
cpSync(ARTICLE_DIR, join(dir, 'mal-nommee'), { recursive: true });
const store = new LessonStore(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notFound = (call: () => unknown): string | undefined => {
  try {
    call();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('LessonStore', () => {
  it('finds a lesson that loads, with its quiz', () => {
    expect(store.find(ARTICLE_ID)?.manifest.id).toBe(ARTICLE_ID);
    expect(store.quizOf(ARTICLE_ID)?.questions.length).toBeGreaterThan(0);
    expect(store.quiz(ARTICLE_ID)).toBe(store.quizOf(ARTICLE_ID));
  });

  it('answers undefined for a lesson that is not there or does not load, where get and quiz give not_found', () => {
    for (const id of ['nowhere', 'mal-nommee']) {
      expect(store.find(id)).toBeUndefined();
      expect(store.quizOf(id)).toBeUndefined();
      expect(notFound(() => store.get(id))).toBe('not_found');
      expect(notFound(() => store.quiz(id))).toBe('not_found');
    }
    expect(store.library().problems.map((p) => p.folder)).toEqual(['mal-nommee']);
  });

  it('finds a lesson without a quiz, and says it has none', () => {
    expect(store.find('sans-quiz')?.manifest.id).toBe('sans-quiz');
    expect(store.quizOf('sans-quiz')).toBeUndefined();
    expect(notFound(() => store.quiz('sans-quiz'))).toBe('not_found');
  });
});
