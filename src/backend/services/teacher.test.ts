// The teacher PIN, unlocks, and renaming and deleting learners, through the real backend on a real SQLite file.
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { Learner } from '../../shared/types';
import type { NewPinSession, TeacherSession } from '../../shared/contract/teacher';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { FREE_TRIES, lockoutSeconds, PIN_HASH } from './teacher';
import { wordReason } from '../../shared/error-messages';
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
  return { code: result.error.code, message: result.error.message };
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
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: false, lockedUntil: null, recoveryCodeSet: false });
      const session = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '482916' }));
      expect(session.teacherToken).toMatch(/^[\w-]{43}$/);
      expect(session.expiresAt).toBe(new Date(T0 + 30 * 60_000).toISOString());
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: true, lockedUntil: null, recoveryCodeSet: true });
      const again = errorOf(await backend.call('teacher:setPin', { pin: '111111' }));
      expect(again.code).toBe('conflict');
      // The first PIN still opens; the second never took.
      value(await backend.call('teacher:unlock', { pin: '482916' }));
      expect(errorOf(await backend.call('teacher:unlock', { pin: '111111' })).code).toBe('unauthorized');
    });

    it('is stored only as a salted scrypt hash with its parameters, never in clear', async () => {
      value(await backend.call('teacher:setPin', { pin: '482916' }));
      const row = backend.db.prepare('SELECT * FROM teacher_pin').get() as Record<string, unknown>;
      expect(Object.keys(row).sort()).toEqual(['block_size', 'failed_attempts', 'hash', 'id', 'locked_until', 'log2n', 'parallelism', 'recovery_hash', 'salt', 'set_at']);
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

    it('must be 6 to 12 digits when set; one of 4 or 5 digits, set before, still opens', async () => {
      for (const pin of ['12345', '1234567890123', '12a456', ' 123456', '', 123456]) {
        const error = errorOf(await backend.call('teacher:setPin', { pin }));
        expect(error.code).toBe('invalid_input');
      }
      expect(errorOf(await backend.call('teacher:setPin', { pin: '12345' })).message).toContain('A teacher PIN is 6 to 12 digits.');
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: false, lockedUntil: null, recoveryCodeSet: false });
      value(await backend.call('teacher:setPin', { pin: '123456789012' }));
      expect(errorOf(await backend.call('teacher:unlock', { pin: '123' })).message).toContain('A teacher PIN is 4 to 12 digits.');

      // A 4-digit PIN stored by an earlier version, with today's hash parameters.
      const legacyDir = makeTempDir('liseuse-teacher-');
      const legacy = createBackend({ dataDir: legacyDir, lessonsDir: LESSONS, mode: 'browser', version: '0' });
      const salt = randomBytes(PIN_HASH.saltLength);
      const hash = scryptSync('2468', salt, PIN_HASH.keyLength, { N: 2 ** PIN_HASH.log2n, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      legacy.db
        .prepare('INSERT INTO teacher_pin (id, hash, salt, log2n, block_size, parallelism, set_at) VALUES (1, ?, ?, ?, 8, 1, ?)')
        .run(hash, salt, PIN_HASH.log2n, new Date(T0).toISOString());
      value(await legacy.call('teacher:unlock', { pin: '2468' }));
      // It has no recovery code until it is changed.
      expect(value(await legacy.call('teacher:status', undefined))).toEqual({ pinSet: true, lockedUntil: null, recoveryCodeSet: false });
      expect(errorOf(await legacy.call('teacher:recover', { recoveryCode: 'A'.repeat(20) })).message).toContain('set before recovery codes');
      legacy.close();
      removeTempDir(legacyDir);
    });

    it('cannot be tried before one is set', async () => {
      expect(errorOf(await backend.call('teacher:unlock', { pin: '1234' })).code).toBe('not_found');
    });

    it('wrong PINs: four free tries, then each wrong one makes the next try wait, up to 5 minutes, said in the message; kept across a restart', async () => {
      value(await backend.call('teacher:setPin', { pin: '246813' }));
      const unlock = async (pin: string) => backend.call('teacher:unlock', { pin });
      expect(errorOf(await unlock('111111'))).toEqual({ code: 'unauthorized', message: 'Wrong PIN. 4 more tries before a wait.' });
      expect(errorOf(await unlock('222222')).message).toBe('Wrong PIN. 3 more tries before a wait.');
      expect(errorOf(await unlock('333333')).message).toBe('Wrong PIN. 2 more tries before a wait.');
      expect(errorOf(await unlock('444444'))).toEqual({ code: 'unauthorized', message: 'Wrong PIN. 1 more try before a wait.' });
      expect(errorOf(await unlock('555555'))).toEqual({
        code: 'unauthorized',
        message: 'Wrong PIN. Too many wrong PINs: wait 1 minute before trying again.',
      });
      // While locked even the right PIN is refused, and the PIN is not even checked; the status says until when.
      seconds(20);
      expect(errorOf(await unlock('246813'))).toEqual({ code: 'unauthorized', message: 'Too many wrong PINs. Wait 40 seconds before trying again.' });
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: true, lockedUntil: new Date(T0 + 60_000).toISOString(), recoveryCodeSet: true });
      seconds(40);
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: true, lockedUntil: null, recoveryCodeSet: true });
      expect(errorOf(await unlock('666666')).message).toBe('Wrong PIN. Too many wrong PINs: wait 2 minutes before trying again.');
      // A restart does not reset the count.
      backend.close();
      backend = start();
      seconds(120);
      expect(errorOf(await unlock('777777')).message).toBe('Wrong PIN. Too many wrong PINs: wait 4 minutes before trying again.');
      seconds(240);
      expect(errorOf(await unlock('888888')).message).toBe('Wrong PIN. Too many wrong PINs: wait 5 minutes before trying again.');
      seconds(300);
      expect(errorOf(await unlock('999999')).message).toBe('Wrong PIN. Too many wrong PINs: wait 5 minutes before trying again.');
      seconds(300);
      value(await unlock('246813'));
      // The right PIN resets the count.
      expect(errorOf(await unlock('111111')).message).toBe('Wrong PIN. 4 more tries before a wait.');
    });

    it('a burst of guesses sent at once evaluates no more of them than the free tries allow', async () => {
      value(await backend.call('teacher:setPin', { pin: '24681357' }));
      const guesses = Array.from({ length: 200 }, (_, i) => String(10_000_000 + i));
      const replies = await Promise.all(guesses.map((pin) => backend.call('teacher:unlock', { pin })));
      const messages = replies.map((r) => errorOf(r).message);
      const evaluated = messages.filter((m) => m.startsWith('Wrong PIN.')).length;
      const stored = backend.db.prepare('SELECT failed_attempts FROM teacher_pin').get() as { failed_attempts: number };
      expect({ evaluated, counted: stored.failed_attempts }).toEqual({ evaluated: FREE_TRIES, counted: FREE_TRIES });
      expect(messages.filter((m) => m.startsWith('Too many wrong PINs. Wait'))).toHaveLength(200 - FREE_TRIES);
    });

    it('setting the PIN gives a recovery code, stored only hashed, that opens the area even while locked, resets the count and is then replaced', async () => {
      const first = value<NewPinSession>(await backend.call('teacher:setPin', { pin: '246813' }));
      expect(first.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
      const everything = JSON.stringify(backend.db.prepare('SELECT hex(recovery_hash) AS r, * FROM teacher_pin').all());
      expect(everything).not.toContain(first.recoveryCode);
      expect(everything).not.toContain(first.recoveryCode.replaceAll('-', ''));
      for (let i = 0; i < 6; i++) await backend.call('teacher:unlock', { pin: '111111' });
      expect(errorOf(await backend.call('teacher:unlock', { pin: '246813' })).message).toMatch(/^Too many wrong PINs\. Wait/);

      expect(errorOf(await backend.call('teacher:recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA' }))).toEqual({
        code: 'unauthorized',
        message: 'That is not the recovery code of this computer.',
      });
      // Typed in lower case, without dashes, with spaces: the same code.
      const typed = ` ${first.recoveryCode.replaceAll('-', '').toLowerCase()} `;
      const recovered = value<NewPinSession>(await backend.call('teacher:recover', { recoveryCode: typed }));
      value(await backend.call('teacher:info', { teacherToken: recovered.teacherToken }));
      expect(recovered.recoveryCode).not.toBe(first.recoveryCode);
      expect(value(await backend.call('teacher:status', undefined))).toEqual({ pinSet: true, lockedUntil: null, recoveryCodeSet: true });
      expect(errorOf(await backend.call('teacher:unlock', { pin: '111111' })).message).toBe('Wrong PIN. 4 more tries before a wait.');
      value(await backend.call('teacher:unlock', { pin: '246813' }));
      // A code works once: the one used is gone, its replacement opens.
      expect(errorOf(await backend.call('teacher:recover', { recoveryCode: first.recoveryCode })).code).toBe('unauthorized');
      value(await backend.call('teacher:recover', { recoveryCode: recovered.recoveryCode }));
    });

    it('is changed only from an unlocked area, to 6 to 12 digits, with a new recovery code; the old PIN and code no longer open', async () => {
      const first = value<NewPinSession>(await backend.call('teacher:setPin', { pin: '246813' }));
      expect(errorOf(await backend.call('teacher:changePin', { teacherToken: 'z'.repeat(43), pin: '97531864' })).code).toBe('unauthorized');
      expect(errorOf(await backend.call('teacher:changePin', { teacherToken: first.teacherToken, pin: '9753' })).message).toContain('6 to 12 digits');
      const changed = value<{ recoveryCode: string }>(await backend.call('teacher:changePin', { teacherToken: first.teacherToken, pin: '97531864' }));
      expect(changed.recoveryCode).not.toBe(first.recoveryCode);
      expect(errorOf(await backend.call('teacher:unlock', { pin: '246813' })).code).toBe('unauthorized');
      value(await backend.call('teacher:unlock', { pin: '97531864' }));
      expect(errorOf(await backend.call('teacher:recover', { recoveryCode: first.recoveryCode })).code).toBe('unauthorized');
      value(await backend.call('teacher:recover', { recoveryCode: changed.recoveryCode }));
    });

    it('lockoutSeconds grows per failure up to 5 minutes; describeWait says it plainly', () => {
      expect([1, 4, 5, 6, 7, 8, 20, 10_000].map(lockoutSeconds)).toEqual([0, 0, 60, 120, 240, 300, 300, 300]);
      const said = (seconds: number) => wordReason({ key: 'tooManyPins', params: { seconds } }, 'en');
      expect([1, 59, 60, 61, 3600].map(said)).toEqual(['1 second', '59 seconds', '1 minute', '2 minutes', '60 minutes'].map((w) => `Too many wrong PINs. Wait ${w} before trying again.`));
    });

    it('an unlock ends after 30 minutes, or when locked, and is forgotten by a restart', async () => {
      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '246813' }));
      value(await backend.call('teacher:info', { teacherToken }));
      seconds(29 * 60);
      value(await backend.call('teacher:info', { teacherToken }));
      seconds(60);
      const expired = errorOf(await backend.call('teacher:info', { teacherToken }));
      expect(expired).toEqual({ code: 'unauthorized', message: 'The teacher area is locked. Enter the teacher PIN again.' });

      const second = value<TeacherSession>(await backend.call('teacher:unlock', { pin: '246813' }));
      value(await backend.call('teacher:lock', { teacherToken: second.teacherToken }));
      expect(errorOf(await backend.call('teacher:info', { teacherToken: second.teacherToken })).code).toBe('unauthorized');

      const third = value<TeacherSession>(await backend.call('teacher:unlock', { pin: '246813' }));
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

    it('a name with a lone surrogate, only combining marks or a paragraph separator is refused, said plainly; "Zoé" typed decomposed is the same learner', async () => {
      expect(errorOf(await backend.call('learners:create', { name: 'Zo\uD800' }))).toEqual({ code: 'invalid_input', message: 'name: A name cannot contain a broken character.' });
      expect(errorOf(await backend.call('learners:create', { name: '\u0301\u0301' })).message).toBe('name: A name needs at least one letter.');
      expect(errorOf(await backend.call('learners:rename', { learnerId: ana.id, name: 'Ana\u2029B' })).message).toBe(
        'name: A name is one line: it cannot contain a line or paragraph break.',
      );
      value(await backend.call('learners:create', { name: 'Zoé' }));
      expect(errorOf(await backend.call('learners:create', { name: 'Zoe\u0301' })).code).toBe('conflict');
      expect(value<Learner[]>(await backend.call('learners:list', undefined)).map((l) => l.name)).toEqual(['Ana', 'Bruno', 'Zoé']);
    });

    it('deleting needs a live teacher unlock', async () => {
      value(await backend.call('teacher:setPin', { pin: '246813' }));
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

      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '246813' }));
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
      const { teacherToken } = value<TeacherSession>(await backend.call('teacher:setPin', { pin: '246813' }));
      value(await backend.call('learners:delete', { learnerId: ana.id, teacherToken }));
      expect(value(await backend.call('learners:current', undefined))).toEqual(bruno);
    });
  });
});
