// What the backend's own tests share: a backend per test over a fresh data folder (closed and checked after it),
// the tiny "chat" lesson to write into a lessons folder, and readers of a call's Result.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import type { ErrorReasonShape } from '../../src/shared/error-messages';
import type { ExportOutcome } from '../../src/shared/types';
import type { AuthoringDraft, DraftOutline } from '../../src/shared/contract/authoring';
import { createBackend, type Backend, type BackendOptions } from '../../src/backend/backend';
import { makeTempDir, removeTempDir } from './db';

export const REAL_LESSONS = resolve('resources/lessons');
/** The real morphology and dictionary: a draft is glossed with them whatever lessons folder a test uses. */
export const DICTIONARY_DIR = resolve('resources/dictionary');
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const NOBODY = '00000000-0000-4000-8000-000000000000';

// A tiny valid lesson: two paragraphs, every word glossed, "chat" and "dort" twice.
const CHAT_TEXT = 'Le chat dort. Le chat mange.\nIl dort bien.\n';
const CHAT_FORMS: [form: string, entry: string][] = [
  ['Le', 'le'],
  ['chat', 'chat'],
  ['dort', 'dormir'],
  ['Le', 'le'],
  ['chat', 'chat'],
  ['mange', 'manger'],
  ['Il', 'il'],
  ['dort', 'dormir'],
  ['bien', 'bien'],
];

export function chatLexicon(): object {
  let cursor = 0;
  const tokens = CHAT_FORMS.map(([form, entry]) => {
    const at = CHAT_TEXT.indexOf(form, cursor);
    cursor = at + form.length;
    return { at, form, entry };
  });
  return {
    entries: {
      le: { lemma: 'le', pos: 'article', sense: 'the' },
      chat: { lemma: 'chat', pos: 'noun', sense: 'cat', gender: 'm' },
      dormir: { lemma: 'dormir', pos: 'verb', sense: 'to sleep' },
      manger: { lemma: 'manger', pos: 'verb', sense: 'to eat' },
      il: { lemma: 'il', pos: 'pronoun', sense: 'he' },
      bien: { lemma: 'bien', pos: 'adverb', sense: 'well' },
    },
    tokens,
    expressions: [],
  };
}

export interface LessonFolder {
  'lesson.json'?: string;
  'text.fr.txt'?: string;
  'lexicon.json'?: string;
  'translations.json'?: string;
}

export function chatFiles(id = 'chat'): Required<LessonFolder> {
  return {
    'lesson.json': JSON.stringify({ id, title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat sleeps and eats.' }),
    'text.fr.txt': CHAT_TEXT,
    'lexicon.json': JSON.stringify(chatLexicon()),
    'translations.json': JSON.stringify(['The cat sleeps. The cat eats.', 'He sleeps well.']),
  };
}

export function writeLesson(lessonsDir: string, folder: string, files: LessonFolder): void {
  mkdirSync(join(lessonsDir, folder), { recursive: true });
  for (const [name, content] of Object.entries(files)) if (content !== undefined) writeFileSync(join(lessonsDir, folder, name), content);
}

export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A contract call that must succeed, typed by its name. */
export async function callOk<K extends CallName>(backend: Pick<Backend, 'call'>, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/**
 * A draft whole, read as the gloss editor reads it: the outline a call answered with (authoring:create, get or
 * editPublished), then every paragraph's glosses in one authoring:glosses page.
 */
export async function wholeDraft(backend: Pick<Backend, 'call'>, teacherToken: string, outline: DraftOutline | Promise<Result<unknown>>): Promise<AuthoringDraft> {
  const { entries, paragraphs, ...rest } = outline instanceof Promise ? value<DraftOutline>(await outline) : outline;
  const page = await callOk(backend, 'authoring:glosses', { teacherToken, lessonId: rest.lessonId, first: 0, end: paragraphs.length });
  return { ...rest, lexicon: { entries, tokens: page.tokens, expressions: page.expressions }, review: page.review };
}

/** The file an export made, as browser mode hands it back. */
export function downloadedFile(outcome: ExportOutcome): { fileName: string; bytes: Buffer } {
  if (!('download' in outcome)) throw new Error('expected a download in browser mode');
  return { fileName: outcome.download.fileName, bytes: Buffer.from(outcome.download.base64, 'base64') };
}

/** The refusal's code and its English words (its reason, which words it in other languages, is tested apart). */
export function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return { code: result.error.code, message: result.error.message };
}

/** A refusal's reason, for a test to word it in another language as the renderer does. */
export function reasonOf(result: Result<unknown>): ErrorReasonShape {
  if (result.ok || !result.error.reason) throw new Error(`expected a refusal with a reason, got ${JSON.stringify(result)}`);
  return result.error.reason;
}

export interface BackendFixture {
  /** This test's data folder. */
  readonly dataDir: string;
  /** This test's empty lessons folder, for writeLesson. */
  readonly lessonsDir: string;
  /** A backend in browser mode, version 9.9.9, its clock at 2024-05-01T10:00Z unless `now` is given; closed after the test. */
  start(lessonsDir?: string, now?: () => Date, options?: Partial<BackendOptions>): Backend;
}

/** Call inside a describe: each test gets fresh folders, and fails if anything reached the "unexpected failure" log. */
export function useBackend(): BackendFixture {
  let dataDir = '';
  let lessonsDir = '';
  let logged: unknown[] = [];
  const open: Backend[] = [];

  beforeEach(() => {
    dataDir = makeTempDir('liseuse-data-');
    lessonsDir = makeTempDir('liseuse-lessons-');
    logged = [];
  });

  afterEach(() => {
    for (const backend of open.splice(0)) backend.close();
    removeTempDir(dataDir);
    removeTempDir(lessonsDir);
    // Nothing a test does here should reach the "unexpected failure" log.
    expect(logged).toEqual([]);
  });

  return {
    get dataDir() {
      return dataDir;
    },
    get lessonsDir() {
      return lessonsDir;
    },
    start(dir = REAL_LESSONS, now = () => new Date('2024-05-01T10:00:00.000Z'), options = {}) {
      const backend = createBackend({ dataDir, lessonsDir: dir, dictionaryDir: DICTIONARY_DIR, mode: 'browser', version: '9.9.9', now, logError: (error) => logged.push(error), ...options });
      open.push(backend);
      return backend;
    },
  };
}
