// Opening a file as a new lesson's text (issue 16, "Import"). Meant to join authoring.ts when the store branch
// has it: the call is named in that domain already.
import * as v from 'valibot';
import { MAX_IMPORT_BASE64_CHARS, MAX_IMPORT_FILE_BYTES, megabytes } from '../../core/import/limits';
import { returns, type Table } from './call';
import { Count, TeacherToken } from './fields';

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

export const lessonImportCalls = {
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
