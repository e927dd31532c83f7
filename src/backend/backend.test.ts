import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type CallInput, type TeacherCallName } from '../shared/contract';
import type { Call } from '../shared/contract/call';
import { CALL_NAMES } from '../shared/contract/call-names';
import type { Result } from '../shared/errors';
import { DEFAULT_SETTINGS, type ReaderSettings, type ReadingState } from '../shared/contract/reading';
import type { Learner, LessonView } from '../shared/types';
import type { LessonLibrary } from '../shared/contract/lessons';
import { createBackend, type Backend } from './backend';
import { UNLOCK_MS } from './services/teacher';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { unpackLesson, type LessonWire } from '../shared/lesson-wire';

const REAL_LESSONS = resolve('resources/lessons');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOBODY = '00000000-0000-4000-8000-000000000000';
const GUARDED = CALL_NAMES.filter((name): name is TeacherCallName => (contract[name] as Call).guard === 'teacher');
/** A valid input for every teacher-guarded call but its token; the type makes a new guarded call need one here. */
const GUARDED_INPUTS: { [K in TeacherCallName]: (learnerId: string) => Omit<CallInput<K>, 'teacherToken'> } = {
  'learners:delete': (learnerId) => ({ learnerId }),
  'teacher:overview': () => ({}),
  'teacher:info': () => ({}),
  'reports:class': () => ({ lessonId: 'kim-russie' }),
  'reports:learner': (learnerId) => ({ lessonId: 'kim-russie', learnerId }),
  'reports:export': () => ({ lessonId: 'kim-russie', report: 'class', format: 'csv' }),
  'results:import': () => ({ fileName: 'ana.liseuse-results.json', content: '{}' }),
  'openAnswers:list': () => ({ lessonId: 'kim-russie' }),
  'openAnswers:grade': () => ({ answerId: NOBODY, score: 0.5, comment: '' }),
};

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

function chatLexicon(): object {
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

interface LessonFolder {
  'lesson.json'?: string;
  'text.fr.txt'?: string;
  'lexicon.json'?: string;
  'translations.json'?: string;
}

function chatFiles(id = 'chat'): Required<LessonFolder> {
  return {
    'lesson.json': JSON.stringify({ id, title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat sleeps and eats.' }),
    'text.fr.txt': CHAT_TEXT,
    'lexicon.json': JSON.stringify(chatLexicon()),
    'translations.json': JSON.stringify(['The cat sleeps. The cat eats.', 'He sleeps well.']),
  };
}

function writeLesson(lessonsDir: string, folder: string, files: LessonFolder): void {
  mkdirSync(join(lessonsDir, folder), { recursive: true });
  for (const [name, content] of Object.entries(files)) if (content !== undefined) writeFileSync(join(lessonsDir, folder, name), content);
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('createBackend', () => {
  let dataDir: string;
  let lessonsDir: string;
  let logged: unknown[];
  const open: Backend[] = [];

  const start = (dir = REAL_LESSONS): Backend => {
    const backend = createBackend({
      dataDir,
      lessonsDir: dir,
      mode: 'browser',
      version: '9.9.9',
      now: () => new Date('2024-05-01T10:00:00.000Z'),
      logError: (error) => logged.push(error),
    });
    open.push(backend);
    return backend;
  };

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

  describe('the contract boundary', () => {
    it('app:info answers with the options it was given, and no path: the data folder names the OS user', async () => {
      const backend = start();
      expect(value(await backend.call('app:info', undefined))).toEqual({ version: '9.9.9', mode: 'browser', notice: null });
      expect(value(await backend.call('app:info', {}))).toEqual({ version: '9.9.9', mode: 'browser', notice: null });
    });

    it('teacher:info tells the data folder’s path to an unlocked teacher area only', async () => {
      const backend = start();
      expect(errorOf(await backend.call('teacher:info', { teacherToken: 'w'.repeat(43) })).code).toBe('unauthorized');
      const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '2468' }));
      expect(value(await backend.call('teacher:info', { teacherToken }))).toEqual({ dataDir });
    });

    it.each<[string, unknown]>([
      ['an unknown name', 'learners:destroy'],
      ['a name from Object.prototype', 'toString'],
      ['__proto__', '__proto__'],
      ['a number', 42],
      ['nothing', undefined],
      ['a name with different case', 'App:Info'],
    ])('%s gives unknown_call', async (_label, name) => {
      const error = errorOf(await start().call(name, {}));
      expect(error.code).toBe('unknown_call');
      expect(error.message).toBe('Liseuse does not know that request.');
    });

    it.each<[string, unknown, string]>([
      ['learners:create', { name: 42 }, 'name'],
      ['learners:create', {}, 'name'],
      ['learners:create', { name: '   ' }, 'name: A name is needed.'],
      ['learners:create', { name: 'x'.repeat(41) }, 'name: A name has at most 40 characters.'],
      ['learners:create', { name: 'Ana\u0000' }, 'name: A name cannot contain control characters.'],
      ['learners:create', { name: 'Ana', admin: true }, 'admin'],
      ['learners:choose', { learnerId: 'not-an-id' }, 'learnerId'],
      ['lessons:get', { lessonId: '../../etc' }, 'lessonId'],
      ['reading:lookup', { learnerId: NOBODY, lessonId: 'chat', token: -1, paragraph: 0 }, 'token'],
      ['reading:lookup', { learnerId: NOBODY, lessonId: 'chat', token: '1', paragraph: 0 }, 'token'],
      ['reading:setStatus', { learnerId: NOBODY, lessonId: 'chat', token: 1, status: 'mastered' }, 'status'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 0 }, 'seconds'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 3601 }, 'seconds'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 1.5 }, 'seconds'],
      ['settings:set', { learnerId: NOBODY, settings: { ...DEFAULT_SETTINGS, fontSize: 100 } }, 'settings.fontSize'],
      ['settings:set', { learnerId: NOBODY, settings: { ...DEFAULT_SETTINGS, theme: 'neon' } }, 'settings.theme'],
    ])('%s with %j gives invalid_input naming %s', async (name, input, field) => {
      const error = errorOf(await start().call(name, input));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(field);
    });

    it.each<[string, unknown]>([
      ['app:info', 'hello'],
      ['learners:list', null],
      ['learners:list', { page: 2 }],
      ['learners:create', undefined],
      ['learners:create', ['Ana']],
    ])('%s with input %j gives invalid_input', async (name, input) => {
      expect(errorOf(await start().call(name, input)).code).toBe('invalid_input');
    });

    it('answers every call of the contract (no handler is missing)', async () => {
      const backend = start();
      for (const name of CALL_NAMES) {
        const result = await backend.call(name, {});
        // Either a value or a typed refusal, never an unexpected failure.
        if (!result.ok) expect(['invalid_input', 'not_found']).toContain(result.error.code);
      }
    });
  });

  describe('the teacher guard', () => {
    it('covers the calls behind the PIN', () => {
      expect(GUARDED.length).toBeGreaterThan(0);
      expect([...GUARDED].sort()).toEqual(Object.keys(GUARDED_INPUTS).sort());
    });

    it.each(GUARDED)('%s without a live teacher token is refused, and its handler does not run', async (name) => {
      let clock = Date.parse('2024-05-01T10:00:00.000Z');
      const backend = createBackend({ dataDir, lessonsDir: REAL_LESSONS, mode: 'browser', version: '9.9.9', now: () => new Date(clock), logError: (error) => logged.push(error) });
      open.push(backend);
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      const input = GUARDED_INPUTS[name](ana.id);
      const call = (teacherToken?: string) => backend.call(name, teacherToken === undefined ? input : { ...input, teacherToken });

      const missing = errorOf(await call());
      expect(missing.code).toBe('invalid_input');
      expect(missing.message).toContain('teacherToken');
      const { teacherToken: expiring } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '2468' }));
      const { teacherToken: locked } = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '2468' }));
      value(await backend.call('teacher:lock', { teacherToken: locked }));
      clock += UNLOCK_MS;
      for (const token of ['w'.repeat(43), locked, expiring]) {
        expect(errorOf(await call(token))).toEqual({ code: 'unauthorized', message: 'The teacher area is locked. Enter the teacher PIN again.' });
      }
      expect(value(await backend.call('learners:list', undefined))).toEqual([ana]);

      const { teacherToken: live } = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '2468' }));
      const allowed = await call(live);
      // Past the guard: a value, or the handler's own refusal of this sample (an empty results file is not one).
      if (!allowed.ok) expect(allowed.error.code).not.toBe('unauthorized');
    });
  });

  describe('learners', () => {
    it('creates a learner with an id, the trimmed name and the creation time, and lists them by name', async () => {
      const backend = start();
      expect(value(await backend.call('learners:list', undefined))).toEqual([]);
      const zoe = value<Learner>(await backend.call('learners:create', { name: '  Zoé ' }));
      expect(zoe).toEqual({ id: expect.stringMatching(UUID), name: 'Zoé', createdAt: '2024-05-01T10:00:00.000Z' });
      const ana = value<Learner>(await backend.call('learners:create', { name: 'ana' }));
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      expect(value(await backend.call('learners:list', undefined))).toEqual([ana, bruno, zoe]);
    });

    it('refuses a second learner with the same name in another case, or with spaces around it', async () => {
      const backend = start();
      value(await backend.call('learners:create', { name: 'Camille' }));
      for (const name of ['camille', 'CAMILLE', '  Camille  ']) {
        const error = errorOf(await backend.call('learners:create', { name }));
        expect(error.code).toBe('conflict');
        expect(error.message).toContain(`“${name.trim()}”`);
      }
      expect(value<Learner[]>(await backend.call('learners:list', undefined))).toHaveLength(1);
    });

    it('refuses a second learner whose name differs only by the case of an accented letter (Élodie / élodie)', async () => {
      const backend = start();
      value(await backend.call('learners:create', { name: 'Élodie' }));
      expect(errorOf(await backend.call('learners:create', { name: 'élodie' })).code).toBe('conflict');
      expect(errorOf(await backend.call('learners:create', { name: 'ÉLODIE' })).code).toBe('conflict');
    });

    it('the chosen learner is still current after the backend is closed and opened again', async () => {
      const first = start();
      expect(value(await first.call('learners:current', undefined))).toBeNull();
      const ana = value<Learner>(await first.call('learners:create', { name: 'Ana' }));
      const bruno = value<Learner>(await first.call('learners:create', { name: 'Bruno' }));
      expect(value(await first.call('learners:choose', { learnerId: ana.id }))).toEqual(ana);
      expect(value(await first.call('learners:choose', { learnerId: bruno.id }))).toEqual(bruno);
      first.close();

      const second = start();
      expect(value(await second.call('learners:current', undefined))).toEqual(bruno);
      expect(value(await second.call('learners:list', undefined))).toEqual([ana, bruno]);
    });

    it('choosing a learner who does not exist gives not_found and keeps the current one', async () => {
      const backend = start();
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      value(await backend.call('learners:choose', { learnerId: ana.id }));
      expect(errorOf(await backend.call('learners:choose', { learnerId: NOBODY })).code).toBe('not_found');
      expect(value(await backend.call('learners:current', undefined))).toEqual(ana);
    });
  });

  describe('reading', () => {
    let backend: Backend;
    let ana: Learner;
    let lesson: LessonView;
    const tokensOf = (lemma: string): number[] =>
      lesson.paragraphs.flatMap((p) => p.tokens).filter((t) => t.gloss?.lemma === lemma).map((t) => t.i);
    const paragraphOf = (token: number): number => lesson.paragraphs.findIndex((p) => p.tokens.some((t) => t.i === token));
    const state = async (learnerId = ana.id): Promise<ReadingState> =>
      value<ReadingState>(await backend.call('reading:state', { learnerId, lessonId: 'chat' }));

    beforeEach(async () => {
      writeLesson(lessonsDir, 'chat', chatFiles());
      backend = start(lessonsDir);
      ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      lesson = unpackLesson(value<LessonWire>(await backend.call('lessons:get', { lessonId: 'chat' })));
    });

    it('the fixture lesson loads with its two paragraphs and nine words', () => {
      expect(lesson.paragraphCount).toBe(2);
      expect(lesson.wordCount).toBe(9);
      expect(tokensOf('dormir')).toHaveLength(2);
      expect(tokensOf('chat')).toHaveLength(2);
    });

    it('a new reader has an empty state', async () => {
      expect(await state()).toEqual({ statuses: {}, position: null, secondsRead: 0, lookups: 0 });
    });

    it('look-ups are counted per learner and lesson', async () => {
      const [chat] = tokensOf('chat');
      const [, dort] = tokensOf('dormir');
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: chat, paragraph: 0 }))).toEqual({ lookups: 1 });
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: chat, paragraph: 0 }))).toEqual({ lookups: 2 });
      expect(value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token: dort, paragraph: 1 }))).toEqual({ lookups: 3 });
      expect((await state()).lookups).toBe(3);
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      expect((await state(bruno.id)).lookups).toBe(0);
    });

    it('a look-up with the wrong paragraph, on punctuation or past the end is refused', async () => {
      const [, dort] = tokensOf('dormir');
      const lookup = (token: number, paragraph: number) => backend.call('reading:lookup', { learnerId: ana.id, lessonId: 'chat', token, paragraph });
      expect(paragraphOf(dort as number)).toBe(1);
      expect(errorOf(await lookup(dort as number, 0)).code).toBe('invalid_input');
      const full = lesson.paragraphs[0]?.tokens.find((t) => t.kind === 'punct');
      expect(errorOf(await lookup(full?.i as number, 0)).code).toBe('not_found');
      expect(errorOf(await lookup(999, 0)).code).toBe('not_found');
      expect((await state()).lookups).toBe(0);
    });

    it('setStatus keys the status by lemma, so it covers every form of that lemma', async () => {
      const [first, second] = tokensOf('dormir') as [number, number];
      expect(value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: first, status: 'learning' }))).toEqual({
        lemma: 'dormir',
        status: 'learning',
      });
      expect((await state()).statuses).toEqual({ dormir: 'learning' });
      // Marking the other occurrence changes the same entry, not a second one.
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: second, status: 'known' }));
      const { statuses } = await state();
      expect(statuses).toEqual({ dormir: 'known' });
      for (const token of tokensOf('dormir')) {
        const lemma = lesson.paragraphs.flatMap((p) => p.tokens).find((t) => t.i === token)?.gloss?.lemma ?? '';
        expect(statuses[lemma]).toBe('known');
      }
    });

    it('a capitalised form ("Le") shares its status with the lower-case one ("le")', async () => {
      const [capital] = tokensOf('le');
      expect(lesson.text.slice(lesson.paragraphs[0]?.tokens[0]?.start, lesson.paragraphs[0]?.tokens[0]?.end)).toBe('Le');
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: capital, status: 'known' }));
      expect((await state()).statuses).toEqual({ le: 'known' });
    });

    it('setting a word back to "new" removes it from the statuses', async () => {
      const [chat] = tokensOf('chat');
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: chat, status: 'known' }));
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: 'chat', token: chat, status: 'new' }));
      expect((await state()).statuses).toEqual({});
    });

    it('position and reading time are saved, added up, and survive a restart', async () => {
      expect(value(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 1, token: 9 }))).toBeNull();
      expect(value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'chat', seconds: 30 }))).toEqual({ secondsRead: 30 });
      expect(value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'chat', seconds: 15 }))).toEqual({ secondsRead: 45 });
      value(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 1, token: 10 }));
      backend.close();
      backend = start(lessonsDir);
      expect(await state()).toEqual({ statuses: {}, position: { paragraph: 1, token: 10 }, secondsRead: 45, lookups: 0 });
    });

    it('a position outside the lesson is refused', async () => {
      expect(errorOf(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 2, token: 0 })).code).toBe('invalid_input');
      expect(errorOf(await backend.call('reading:savePosition', { learnerId: ana.id, lessonId: 'chat', paragraph: 0, token: 12 })).code).toBe('invalid_input');
      expect((await state()).position).toBeNull();
    });

    it('reading calls for an unknown learner or lesson give not_found', async () => {
      expect(errorOf(await backend.call('reading:state', { learnerId: NOBODY, lessonId: 'chat' })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:state', { learnerId: ana.id, lessonId: 'no-such-lesson' })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: 'no-such-lesson', seconds: 5 })).code).toBe('not_found');
      expect(errorOf(await backend.call('reading:setStatus', { learnerId: NOBODY, lessonId: 'chat', token: 1, status: 'known' })).code).toBe('not_found');
      expect(errorOf(await backend.call('lessons:get', { lessonId: 'no-such-lesson' })).code).toBe('not_found');
    });
  });

  describe('settings', () => {
    it('are the defaults at first, and what was set after a restart', async () => {
      const first = start();
      const ana = value<Learner>(await first.call('learners:create', { name: 'Ana' }));
      expect(value(await first.call('settings:get', { learnerId: ana.id }))).toEqual(DEFAULT_SETTINGS);
      const chosen: ReaderSettings = { theme: 'sepia', fontSize: 28, lineHeight: 2, dyslexicFont: true, interlinear: 'unknown', speech: false };
      expect(value(await first.call('settings:set', { learnerId: ana.id, settings: chosen }))).toEqual(chosen);
      first.close();
      const second = start();
      expect(value(await second.call('settings:get', { learnerId: ana.id }))).toEqual(chosen);
    });

    it('belong to one learner', async () => {
      const backend = start();
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      value(await backend.call('settings:set', { learnerId: ana.id, settings: { ...DEFAULT_SETTINGS, theme: 'dark' } }));
      expect(value(await backend.call('settings:get', { learnerId: bruno.id }))).toEqual(DEFAULT_SETTINGS);
    });

    it('for an unknown learner give not_found', async () => {
      const backend = start();
      expect(errorOf(await backend.call('settings:get', { learnerId: NOBODY })).code).toBe('not_found');
      expect(errorOf(await backend.call('settings:set', { learnerId: NOBODY, settings: DEFAULT_SETTINGS })).code).toBe('not_found');
    });
  });

  describe('lessons:list', () => {
    it('lists good lessons and names the file and the reason for each broken folder', async () => {
      writeLesson(lessonsDir, 'chat', chatFiles());
      const { 'translations.json': _missing, ...noTranslations } = chatFiles('sans-traductions');
      writeLesson(lessonsDir, 'sans-traductions', noTranslations);
      writeLesson(lessonsDir, 'json-casse', { ...chatFiles('json-casse'), 'lexicon.json': '{"entries": {' });
      writeLesson(lessonsDir, 'mauvais-niveau', {
        ...chatFiles('mauvais-niveau'),
        'lesson.json': JSON.stringify({ id: 'mauvais-niveau', title: 'T', titleEn: 'T', level: 'Z9', summary: 'S' }),
      });
      writeLesson(lessonsDir, 'autre-dossier', chatFiles('pas-le-meme-id'));
      writeLesson(lessonsDir, 'trop-de-traductions', { ...chatFiles('trop-de-traductions'), 'translations.json': JSON.stringify(['a', 'b', 'c']) });
      const unglossed = chatLexicon() as { tokens: unknown[] };
      unglossed.tokens.pop();
      writeLesson(lessonsDir, 'mot-sans-glose', { ...chatFiles('mot-sans-glose'), 'lexicon.json': JSON.stringify(unglossed) });
      // A stray file next to the folders is not a lesson.
      writeFileSync(join(lessonsDir, 'README.txt'), 'not a lesson');

      const library = value<LessonLibrary>(await start(lessonsDir).call('lessons:list', undefined));
      expect(library.lessons).toEqual([
        { id: 'chat', title: 'Le chat', titleEn: 'The cat', level: 'A1', summary: 'A cat sleeps and eats.', wordCount: 9, paragraphCount: 2, quizQuestions: 0 },
      ]);
      const problems = Object.fromEntries(library.problems.map((p) => [p.folder, p.message]));
      expect(Object.keys(problems).sort()).toEqual(['autre-dossier', 'json-casse', 'mauvais-niveau', 'mot-sans-glose', 'sans-traductions', 'trop-de-traductions']);
      expect(problems['sans-traductions']).toBe('translations.json: the file is missing or unreadable');
      expect(problems['json-casse']).toMatch(/^lexicon\.json: not valid JSON/);
      expect(problems['mauvais-niveau']).toMatch(/^lesson\.json: level: /);
      expect(problems['autre-dossier']).toBe('lesson.json: id "pas-le-meme-id" does not match its folder "autre-dossier"');
      expect(problems['trop-de-traductions']).toBe('translations.json: has 3 translations for 2 paragraphs');
      expect(problems['mot-sans-glose']).toMatch(/^lexicon\.json: word "bien" at \d+ \(paragraph 2\) has no gloss/);
    });

    it('a missing lessons folder is reported as a problem, not a crash', async () => {
      const library = value<LessonLibrary>(await start(join(lessonsDir, 'absent')).call('lessons:list', undefined));
      expect(library.lessons).toEqual([]);
      expect(library.problems).toEqual([{ folder: join(lessonsDir, 'absent'), message: 'The lessons folder could not be read.' }]);
    });

    it('every folder of the shipped resources/lessons is either listed or reported with a reason', async () => {
      const library = value<LessonLibrary>(await start(REAL_LESSONS).call('lessons:list', undefined));
      const ids = [...library.lessons.map((l) => l.id), ...library.problems.map((p) => p.folder)];
      expect(ids).toContain('kim-russie');
      for (const problem of library.problems) expect(problem.message).toMatch(/^(lesson|text\.fr|lexicon|translations)\.(json|txt): /);
    });
  });
});
