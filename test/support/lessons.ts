// Longer lessons made from a lesson's files: the same paragraphs repeated, with every lexicon offset shifted per
// copy and the translations repeated, so loadLesson accepts them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonFiles } from '../../src/core/lesson';

/** The article's text without its final line break, so copies join with exactly one "\n". */
function body(files: LessonFiles): string {
  return files['text.fr.txt'].replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** The text repeated `copies` times, one paragraph per line as in the original. */
export function repeatText(files: LessonFiles, copies: number): string {
  return `${Array.from({ length: copies }, () => body(files)).join('\n')}\n`;
}

interface RawLexicon {
  entries: Record<string, unknown>;
  tokens: { at: number }[];
  expressions: { start: number; end: number }[];
}

/** A valid lesson made of `copies` copies of `files`, under a new id and title. */
export function repeatLesson(files: LessonFiles, copies: number, id: string, title: string): LessonFiles {
  const stride = body(files).length + 1;
  const lexicon = JSON.parse(files['lexicon.json']) as RawLexicon;
  const translations = JSON.parse(files['translations.json']) as (string | string[])[];
  const manifest = JSON.parse(files['lesson.json']) as Record<string, unknown>;
  const shifted: RawLexicon = { entries: lexicon.entries, tokens: [], expressions: [] };
  for (let copy = 0; copy < copies; copy++) {
    const shift = copy * stride;
    for (const token of lexicon.tokens) shifted.tokens.push({ ...token, at: token.at + shift });
    for (const e of lexicon.expressions) shifted.expressions.push({ ...e, start: e.start + shift, end: e.end + shift });
  }
  return {
    'lesson.json': JSON.stringify({ ...manifest, id, title }),
    'text.fr.txt': repeatText(files, copies),
    'lexicon.json': JSON.stringify(shifted),
    'translations.json': JSON.stringify(Array.from({ length: copies }, () => translations).flat()),
  };
}

export function writeLessonFolder(lessonsDir: string, id: string, files: LessonFiles): void {
  const dir = join(lessonsDir, id);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}
