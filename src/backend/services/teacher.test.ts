// The teacher PIN, unlocks, and renaming and deleting learners, through the real backend on a real SQLite file.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { Learner } from '../../shared/types';
import type { TeacherSession } from '../../shared/contract/teacher';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { describeWait, lockoutSeconds, PIN_HASH } from './teacher';
import { unpackLesson, type LessonWire } from '../../shared/lesson-wire';

const LESSONS = resolve('resources/lessons');
const LESSON = 'kim-russie';
const T0 = Date.parse('2024-05-01T10:00:00.000Z');

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

// scrypt is slow on purpose (a tenth of a second per PIN, more on a busy machine): these tests get more time.
describe('teacher PIN and learner management', { timeout: 30_000 }, () => {
  let dataDir: string;
  let backend: Backend;
  let clock: number;
  const logged: unknown[] = [];

  const start = (): Backend =>
    createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: '0', now: () => new Date(clock), logError: (e) => logged.push(e) });
  const seconds = (s: number): void => {
    clock += s * 1000;
  };

  beforeEach(() => {
    dataDir = makeTempDir('liseuse-teacher-');
    clock = T0;
    logged.length = 0;
    backend = start();
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dataDir);
    expect(logged).toEqual([]);
  });

  describe('the PIN', () => {
    it('is set once, on first use, and unlocks at once for 30 minutes', async () => {
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: false });
      const session = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '482916' }));
      expect(session.teacherToken).toMatch(/^[\w-]{43}$/);
      expect(session.expiresAt).toBe(new Date(T0 + 30 * 60_000).toISOString());
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: true });
      const again = errorOf(await backend.call('teacher:setPin', { pin: '1111' }));
      expect(again.code).toBe('conflict');
      // The first PIN still opens; the second never took.
      value(await backend.call('teacher:unlock', { pin: '482916' }));
      expect(errorOf(await backend.call('teacher:unlock', { pin: '1111' })).code).toBe('unauthorized');
    });

    it('is stored only as a salted scrypt hash with its parameters, never in clear', async () => {
      value(await backend.call('teacher:setPin', { pin: '482916' }));
      const row = backend.db.prepare('SELECT * FROM teacher_pin').get() as Record<string, unknown>;
      expect(Object.keys(row).sort()).toEqual(['block_size', 'failed_attempts', 'hash', 'id', 'locked_until', 'log2n', 'parallelism', 'salt', 'set_at']);
      expect(row).toMatchObject({ log2n: PIN_HASH.log2n, block_size: 8, parallelism: 1 });
      expect((row.salt as Buffer).length).toBe(16);
      expect((row.hash as Buffer).length).toBe(32);
      const everything = JSON.stringify(backend.db.prepare('SELECT hex(hash) AS h, hex(salt) AS s, * FROM teacher_pin').all());
      expect(everything).not.toContain('482916');
      expect(everything).not.toContain(Buffer.from('482916').toString('hex').toUpperCase());
      // Another computer with the same PIN gets another salt, so another hash.
      const otherDir = makeTempDir('liseuse-teacher-');
      const other = createBackend({ dataDir: otherDir, lessonsDir: LESSONS, mode: 'browser', version: '0' });
      value(await other.call('teacher:setPin', { pin: '482916' }));
      const otherRow = other.db.prepare('SELECT hash, salt FROM teacher_pin').get() as { hash: Buffer; salt: Buffer };
      expect(otherRow.salt.equals(row.salt as Buffer)).toBe(false);
      expect(otherRow.hash.equals(row.hash as Buffer)).toBe(false);
      other.close();
      removeTempDir(otherDir);
    });

    it('must be 4 to 8 digits', async () => {
      for (const pin of ['123', '123456789', '12a4', ' 1234', '', 1234]) {
        const error = errorOf(await backend.call('teacher:setPin', { pin }));
        expect(error.code).toBe('invalid_input');
      }
      expect(errorOf(await backend.call('teacher:setPin', { pin: '12a4' })).message).toContain('A teacher PIN is 4 to 8 digits.');
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: false });
    });

    it('cannot be tried before one is set', async () => {
      expect(errorOf(await backend.call('teacher:unlock', { pin: '1234' })).code).toBe('not_found');
    });

    it('wrong PINs: two free tries, then each wrong one makes the next try wait longer, said in the message; kept across a restart', async () => {
      value(await backend.call('teacher:setPin', { pin: '2468' }));
      const unlock = async (pin: string) => backend.call('teacher:unlock', { pin });
      expect(errorOf(await unlock('1111'))).toEqual({ code: 'unauthorized', message: 'Wrong PIN. 2 more tries before a wait.' });
      expect(errorOf(await unlock('2222'))).toEqual({ code: 'unauthorized', message: 'Wrong PIN. 1 more try before a wait.' });
      expect(errorOf(await unlock('3333'))).toEqual({
        code: 'unauthorized',
        message: 'Wrong PIN. Too many wrong PINs: wait 30 seconds before trying again.',
      });
      // While locked even the right PIN is refused, and the PIN is not even checked.
      seconds(10);
      expect(errorOf(await unlock('2468'))).toEqual({ code: 'unauthorized', message: 'Too many wrong PINs. Wait 20 seconds before trying again.' });
      seconds(20);
      expect(errorOf(await unlock('4444')).message).toBe('Wrong PIN. Too many wrong PINs: wait 1 minute before trying again.');
      // A restart does not reset the count.
      backend.close();
      backend = start();
      seconds(60);
      expect(errorOf(await unlock('5555')).message).toBe('Wrong PIN. Too many wrong PINs: wait 2 minutes before trying again.');
      seconds(120);
      value(await unlock('2468'));
      // The right PIN resets the count.
      expect(errorOf(await unlock('1111')).message).toBe('Wrong PIN. 2 more tries before a wait.');
    });

    it('lockoutSeconds grows per failure up to an hour; describeWait says it plainly', () => {
      expect([1, 2, 3, 4, 5, 6, 20].map(lockoutSeconds)).toEqual([0, 0, 30, 60, 120, 240, 3600]);
      expect([1, 59, 60, 61, 3600].map(describeWait)).toEqual(['1 second', '59 seconds', '1 minute', '2 minutes', '60 minutes']);
    });

    it('an unlock ends after 30 minutes, or when locked, and is forgotten by a restart', async () => {
      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '2468' }));
      value(await backend.call('teacher:info', { teacherToken }));
      seconds(29 * 60);
      value(await backend.call('teacher:info', { teacherToken }));
      seconds(60);
      const expired = errorOf(await backend.call('teacher:info', { teacherToken }));
      expect(expired).toEqual({ code: 'unauthorized', message: 'The teacher area is locked. Enter the teacher PIN again.' });

      const second = value<TeacherSession>(await backend.call('teacher:unlock', { pin: '2468' }));
      value(await backend.call('teacher:lock', { teacherToken: second.teacherToken }));
      expect(errorOf(await backend.call('teacher:info', { teacherToken: second.teacherToken })).code).toBe('unauthorized');

      const third = value<TeacherSession>(await backend.call('teacher:unlock', { pin: '2468' }));
      backend.close();
      backend = start();
      expect(errorOf(await backend.call('teacher:info', { teacherToken: third.teacherToken })).code).toBe('unauthorized');
      expect(errorOf(await backend.call('teacher:info', { teacherToken: 'x'.repeat(43) })).code).toBe('unauthorized');
    });
  });

  describe('learners', () => {
    let ana: Learner;
    let bruno: Learner;

    beforeEach(async () => {
      ana = value(await backend.call('learners:create', { name: 'Ana' }));
      bruno = value(await backend.call('learners:create', { name: 'Bruno' }));
    });

    it('are renamed, trimmed, and a name taken by another learner is refused', async () => {
      expect(value(await backend.call('learners:rename', { learnerId: ana.id, name: '  Anaïs ' }))).toEqual({ ...ana, name: 'Anaïs' });
      expect(errorOf(await backend.call('learners:rename', { learnerId: ana.id, name: 'bruno' }))).toEqual({
        code: 'conflict',
        message: 'There is already a learner called “bruno”.',
      });
      // A learner may change the case of their own name.
      expect(value<Learner>(await backend.call('learners:rename', { learnerId: ana.id, name: 'ANAÏS' })).name).toBe('ANAÏS');
      expect(value<Learner[]>(await backend.call('learners:list', undefined)).map((l) => l.name)).toEqual(['ANAÏS', 'Bruno']);
      expect(errorOf(await backend.call('learners:rename', { learnerId: randomUUID(), name: 'Zoé' })).code).toBe('not_found');
      expect(errorOf(await backend.call('learners:rename', { learnerId: ana.id, name: '' })).code).toBe('invalid_input');
    });

    it('deleting needs a live teacher unlock', async () => {
      value(await backend.call('teacher:setPin', { pin: '2468' }));
      expect(errorOf(await backend.call('learners:delete', { learnerId: ana.id, teacherToken: 'y'.repeat(43) })).code).toBe('unauthorized');
      expect(errorOf(await backend.call('learners:delete', { learnerId: ana.id }))).toMatchObject({ code: 'invalid_input' });
      expect(value<Learner[]>(await backend.call('learners:list', undefined))).toHaveLength(2);
    });

    it('deleting a learner removes every row of theirs in every learner table, leaves the other learner untouched, and nobody is current', async () => {
      const lesson = unpackLesson(value<LessonWire>(await backend.call('lessons:get', { lessonId: LESSON })));
      const word = lesson.paragraphs[0]?.tokens.find((t) => t.gloss?.lemma === 'voyage');
      if (!word) throw new Error('no voyage');
      for (const learner of [ana, bruno]) {
        const learnerId = learner.id;
        value(await backend.call('reading:lookup', { learnerId, lessonId: LESSON, token: word.i, paragraph: 0 }));
        value(await backend.call('reading:setStatus', { learnerId, lessonId: LESSON, token: word.i, status: 'learning' }));
        value(await backend.call('reading:savePosition', { learnerId, lessonId: LESSON, paragraph: 0, token: word.i }));
        value(await backend.call('settings:get', { learnerId }));
        value(await backend.call('settings:set', { learnerId, settings: { theme: 'dark', fontSize: 20, lineHeight: 1.7, dyslexicFont: false, interlinear: 'off', speech: true } }));
        value(await backend.call('review:grade', { learnerId, lemma: 'voyage', rating: 'good' }));
        const attempt = randomUUID();
        backend.db
          .prepare("INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES (?, ?, ?, 'comprehension', 1, '[]', ?)")
          .run(attempt, learnerId, LESSON, new Date(T0).toISOString());
        backend.db
          .prepare("INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, ?, 'q', '{}', 0, 'wrong', 1, ?)")
          .run(randomUUID(), attempt, new Date(T0).toISOString());
      }
      value(await backend.call('learners:choose', { learnerId: ana.id }));

      // Every table with a learner_id column, found from the schema, so a table added later is checked too.
      const learnerTables = (
        backend.db
          .prepare("SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'learner_id' ORDER BY m.name")
          .all() as { name: string }[]
      ).map((r) => r.name);
      expect(learnerTables).toEqual(expect.arrayContaining(['lookups', 'quiz_attempts', 'review_cards', 'review_logs', 'word_status']));
      const rowsOf = (learnerId: string): Record<string, number> => ({
        ...Object.fromEntries(
          learnerTables.map((t) => [t, (backend.db.prepare(`SELECT count(*) AS n FROM ${t} WHERE learner_id = ?`).get(learnerId) as { n: number }).n]),
        ),
        quiz_answers: (
          backend.db.prepare('SELECT count(*) AS n FROM quiz_answers WHERE attempt_id IN (SELECT id FROM quiz_attempts WHERE learner_id = ?)').get(learnerId) as {
            n: number;
          }
        ).n,
      });
      const before = rowsOf(bruno.id);
      const seeded = ['learner_settings', 'lookups', 'quiz_answers', 'quiz_attempts', 'reading_progress', 'review_cards', 'review_logs', 'status_changes', 'word_status'];
      for (const table of seeded) expect(rowsOf(ana.id)[table], table).toBeGreaterThan(0);
      // And, for tables this test does not fill (added later), the schema itself: learner_id cascades from learners.
      for (const table of learnerTables) {
        const keys = backend.db.prepare('SELECT "table" AS parent, "from" AS col, on_delete FROM pragma_foreign_key_list(?)').all(table);
        expect(keys, table).toContainEqual({ parent: 'learners', col: 'learner_id', on_delete: 'CASCADE' });
      }
      const answersBefore = (backend.db.prepare('SELECT count(*) AS n FROM quiz_answers').get() as { n: number }).n;

      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '2468' }));
      expect(value(await backend.call('learners:delete', { learnerId: ana.id, teacherToken }))).toBeNull();

      for (const [table, n] of Object.entries(rowsOf(ana.id))) expect(n, table).toBe(0);
      expect(rowsOf(bruno.id)).toEqual(before);
      expect((backend.db.prepare('SELECT count(*) AS n FROM quiz_answers').get() as { n: number }).n).toBe(answersBefore - 1);
      expect(value(await backend.call('learners:list', undefined))).toEqual([bruno]);
      expect(value(await backend.call('learners:current', undefined))).toBeNull();
      expect(backend.db.prepare("SELECT value FROM app_state WHERE key = 'current_learner'").get()).toBeUndefined();
      expect(errorOf(await backend.call('learners:delete', { learnerId: ana.id, teacherToken })).code).toBe('not_found');
    });

    it('deleting another learner keeps the current one', async () => {
      value(await backend.call('learners:choose', { learnerId: bruno.id }));
      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '2468' }));
      value(await backend.call('learners:delete', { learnerId: ana.id, teacherToken }));
      expect(value(await backend.call('learners:current', undefined))).toEqual(bruno);
    });
  });
});
