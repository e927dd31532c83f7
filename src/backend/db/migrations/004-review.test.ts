import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../migrate';
import { columnNames, indexNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration004 } from './004-review';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';

describe('migration 004: review', () => {
  const step = migrationStep(4);

  const addLookup = (id: string, learnerId: string, lemma: string, token: number, at: string): void => {
    step.db.prepare('INSERT INTO lookups (id, learner_id, lesson_id, token, paragraph, lemma, looked_up_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id, learnerId, 'kim-russie', token, 0, lemma, at,
    );
  };
  const addStatus = (id: string, learnerId: string, lemma: string, status: string, token: number, at: string): void => {
    step.db.prepare(
      `INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, lemma) DO UPDATE SET status = excluded.status`,
    ).run(learnerId, lemma, status, at);
    step.db.prepare('INSERT INTO status_changes (id, learner_id, lemma, status, lesson_id, token, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id, learnerId, lemma, status, 'kim-russie', token, at,
    );
  };
  const addCard = (learnerId: string, lemma: string): void => {
    step.db.prepare('INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      learnerId, lemma, 'kim-russie', 0, AT, AT,
    );
  };
  const addLog = (id: string, learnerId: string, lemma: string, rating = 3): void => {
    step.db.prepare(
      `INSERT INTO review_logs (id, learner_id, lemma, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
         scheduled_days, learning_steps, reviewed_at) VALUES (?, ?, ?, ?, 0, ?, 0, 0, 0, 0, 0, 0, ?)`,
    ).run(id, learnerId, lemma, rating, AT, AT);
  };
  const count = (table: string, learnerId: string): number =>
    (step.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE learner_id = ?`).get(learnerId) as { n: number }).n;

  it('is the fourth step of the list', () => {
    expect(MIGRATIONS[3]).toBe(migration004);
    expect(migration004.version).toBe(4);
  });

  it('takes a version 3 database to 4 and creates the review and teacher tables, keeping the data', () => {
    insertLearner(step.db, 'a', 'Ana');
    const before = tableNames(step.db);
    expect(before).not.toContain('review_cards');
    step.upgrade();
    expect(schemaVersion(step.db)).toBe(4);
    expect(tableNames(step.db)).toEqual([...before, 'review_cards', 'review_logs', 'teacher_pin'].sort());
    expect(indexNames(step.db)).toEqual(expect.arrayContaining(['review_cards_learner_due', 'review_logs_learner']));
    expect(columnNames(step.db, 'review_cards')).toEqual([
      'learner_id', 'lemma', 'lesson_id', 'token', 'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days',
      'learning_steps', 'reps', 'lapses', 'state', 'last_review', 'created_at',
    ]);
    expect(columnNames(step.db, 'teacher_pin')).toEqual(['id', 'hash', 'salt', 'log2n', 'block_size', 'parallelism', 'set_at', 'failed_attempts', 'locked_until']);
    expect(step.db.prepare('SELECT id, name FROM learners').all()).toEqual([{ id: 'a', name: 'Ana' }]);
  });

  it('gives every word looked up or marked learning before the upgrade a new card, due at once, from its first occurrence', () => {
    insertLearner(step.db, 'a', 'Ana');
    insertLearner(step.db, 'b', 'Bruno');
    addLookup('l2', 'a', 'voyage', 40, LATER);
    addLookup('l1', 'a', 'voyage', 3, AT);
    addLookup('l3', 'b', 'voyage', 7, LATER);
    addStatus('s1', 'a', 'train', 'learning', 12, AT);
    addStatus('s2', 'a', 'train', 'known', 30, LATER);
    // Looked up and marked learning: one card, from the look-up.
    addStatus('s3', 'b', 'voyage', 'learning', 9, AT);
    // Marked known only: no card.
    addStatus('s4', 'b', 'pays', 'known', 15, AT);
    step.upgrade();
    const cards = step.db.prepare('SELECT learner_id, lemma, lesson_id, token, due, state, reps, stability, last_review FROM review_cards ORDER BY learner_id, lemma').all();
    const fresh = { lesson_id: 'kim-russie', state: 0, reps: 0, stability: 0, last_review: null };
    expect(cards).toEqual([
      { ...fresh, learner_id: 'a', lemma: 'train', token: 12, due: AT },
      { ...fresh, learner_id: 'a', lemma: 'voyage', token: 3, due: AT },
      { ...fresh, learner_id: 'b', lemma: 'voyage', token: 7, due: LATER },
    ]);
  });

  it('keeps one card per learner and lemma, and refuses a rating or state out of range', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    addCard('a', 'voyage');
    expect(sqliteErrorCode(() => addCard('a', 'voyage'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => addLog('x', 'a', 'voyage', 0))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => addLog('y', 'a', 'voyage', 5))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => step.db.prepare('UPDATE review_cards SET state = 4').run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => addLog('z', 'a', 'gare'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  });

  it('holds one teacher PIN at most', () => {
    step.upgrade();
    const insert = step.db.prepare('INSERT INTO teacher_pin (id, hash, salt, log2n, block_size, parallelism, set_at) VALUES (?, ?, ?, 15, 8, 1, ?)');
    insert.run(1, Buffer.alloc(32), Buffer.alloc(16), AT);
    expect(sqliteErrorCode(() => insert.run(1, Buffer.alloc(32), Buffer.alloc(16), AT))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => insert.run(2, Buffer.alloc(32), Buffer.alloc(16), AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(step.db.prepare('SELECT failed_attempts, locked_until FROM teacher_pin').get()).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('deleting a learner deletes their cards and review logs and leaves the other learner’s', () => {
    step.upgrade();
    insertLearner(step.db, 'a', 'Ana');
    insertLearner(step.db, 'b', 'Bruno');
    for (const learner of ['a', 'b']) {
      addCard(learner, 'voyage');
      addLog(`${learner}-1`, learner, 'voyage');
      addLog(`${learner}-2`, learner, 'voyage', 1);
    }
    step.db.prepare('DELETE FROM learners WHERE id = ?').run('a');
    expect([count('review_cards', 'a'), count('review_logs', 'a')]).toEqual([0, 0]);
    expect([count('review_cards', 'b'), count('review_logs', 'b')]).toEqual([1, 2]);
  });
});
