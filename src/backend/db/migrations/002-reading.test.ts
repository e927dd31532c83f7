import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../migrate';
import { columnNames, indexNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration002 } from './002-reading';
import { MIGRATIONS } from './index';

const READING_TABLES = ['learner_settings', 'lookups', 'reading_progress', 'status_changes', 'word_status'];
const AT = '2024-05-01T10:00:00.000Z';

describe('migration 002: reading', () => {
  const step = migrationStep(2);


  /** One row in every reading table for this learner. */
  const addReading = (learnerId: string): void => {
    step.db.prepare('INSERT INTO learner_settings (learner_id, settings) VALUES (?, ?)').run(learnerId, '{}');
    step.db.prepare('INSERT INTO lookups (id, learner_id, lesson_id, token, paragraph, lemma, looked_up_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      `${learnerId}-l`, learnerId, 'kim-russie', 3, 0, 'voyage', AT,
    );
    step.db.prepare('INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)').run(learnerId, 'voyage', 'known', AT);
    step.db.prepare('INSERT INTO status_changes (id, learner_id, lemma, status, lesson_id, token, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      `${learnerId}-s`, learnerId, 'voyage', 'known', 'kim-russie', 3, AT,
    );
    step.db.prepare('INSERT INTO reading_progress (learner_id, lesson_id, updated_at) VALUES (?, ?, ?)').run(learnerId, 'kim-russie', AT);
  };

  const rowsOf = (learnerId: string): Record<string, number> =>
    Object.fromEntries(
      READING_TABLES.map((table) => [table, (step.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE learner_id = ?`).get(learnerId) as { n: number }).n]),
    );

  it('is the second step of the list', () => {
    expect(MIGRATIONS[1]).toBe(migration002);
    expect(migration002.version).toBe(2);
  });

  it('takes a version 1 database to 2, creates the reading tables and keeps the learners', () => {
    insertLearner(step.db, 'a', 'Ana');
    step.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run('current_learner', 'a');
    expect(tableNames(step.db)).toEqual(['app_state', 'learners']);
    step.upgrade();
    expect(schemaVersion(step.db)).toBe(2);
    expect(tableNames(step.db)).toEqual(['app_state', ...READING_TABLES, 'learners'].sort());
    expect(indexNames(step.db)).toContain('lookups_learner_lesson');
    expect(columnNames(step.db, 'reading_progress')).toEqual(['learner_id', 'lesson_id', 'paragraph', 'token', 'seconds_read', 'updated_at']);
    expect(step.db.prepare('SELECT id, name FROM learners').all()).toEqual([{ id: 'a', name: 'Ana' }]);
    expect(step.db.prepare('SELECT value FROM app_state WHERE key = ?').get('current_learner')).toEqual({ value: 'a' });
  });

  it('word_status and status_changes refuse a status other than new, learning, known', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    const status = step.db.prepare('INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)');
    for (const ok of ['new', 'learning', 'known']) expect(sqliteErrorCode(() => status.run('a', `mot-${ok}`, ok, AT))).toBe('no error');
    expect(sqliteErrorCode(() => status.run('a', 'voyage', 'mastered', AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => status.run('a', 'voyage', 'Known', AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    const change = step.db.prepare('INSERT INTO status_changes (id, learner_id, lemma, status, lesson_id, token, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    expect(sqliteErrorCode(() => change.run('x', 'a', 'voyage', 'unknown', 'kim-russie', 0, AT))).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('word_status keeps one status per learner and lemma', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    const status = step.db.prepare('INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)');
    status.run('a', 'voyage', 'learning', AT);
    expect(sqliteErrorCode(() => status.run('a', 'voyage', 'known', AT))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
  });

  it('refuses reading rows for a learner who does not exist (foreign keys on)', () => {
    step.upgrade();
    expect(sqliteErrorCode(() => addReading('ghost'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  });

  it('deleting a learner deletes their reading rows in every table and leaves the others', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    insertLearner(step.db, 'b', 'Bruno');
    addReading('a');
    addReading('b');
    const one = { learner_settings: 1, lookups: 1, reading_progress: 1, status_changes: 1, word_status: 1 };
    expect(rowsOf('a')).toEqual(one);
    step.db.prepare('DELETE FROM learners WHERE id = ?').run('a');
    expect(rowsOf('a')).toEqual({ learner_settings: 0, lookups: 0, reading_progress: 0, status_changes: 0, word_status: 0 });
    expect(rowsOf('b')).toEqual(one);
  });

  it('reading_progress starts with no position and 0 seconds', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    step.db.prepare('INSERT INTO reading_progress (learner_id, lesson_id, updated_at) VALUES (?, ?, ?)').run('a', 'kim-russie', AT);
    expect(step.db.prepare('SELECT paragraph, token, seconds_read FROM reading_progress').get()).toEqual({ paragraph: null, token: null, seconds_read: 0 });
  });
});
