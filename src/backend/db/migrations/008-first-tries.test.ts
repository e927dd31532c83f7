import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnNames, createDatabaseAtVersion, makeTempDir, removeTempDir, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import type { Db } from '../connection';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 008: first tries', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, 7);
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('l1', 'Amélie', 'amelie', AT);
    db.prepare(
      `INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES ('a1', 'l1', 'kim-russie', 'comprehension', 1, '[]', ?)`,
    ).run(AT);
    db.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES ('x', 'a1', 'q', '{}', 1, 'correct', 5, ?)`,
    ).run(AT);
    db.close();
    db = createDatabaseAtVersion(file, 8);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  const addTry = (attempt: string, question: string, verdict = 'almost'): void => {
    db.prepare('INSERT INTO quiz_first_tries (attempt_id, question_id, answer, verdict, time_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      attempt, question, '{"type":"short-answer","text":"sept jour"}', verdict, 1200, AT,
    );
  };

  it('adds the table and keeps the answers already stored', () => {
    expect(tableNames(db)).toContain('quiz_first_tries');
    expect(columnNames(db, 'quiz_first_tries')).toEqual(['attempt_id', 'question_id', 'answer', 'verdict', 'time_ms', 'answered_at']);
    expect(db.prepare('SELECT count(*) AS n FROM quiz_answers').get()).toEqual({ n: 1 });
  });

  it('holds one first try per question of an attempt, only a near miss, only for an attempt that exists', () => {
    addTry('a1', 'q');
    expect(sqliteErrorCode(() => addTry('a1', 'q'))).toMatch(/CONSTRAINT/);
    expect(sqliteErrorCode(() => addTry('a1', 'r', 'wrong'))).toMatch(/CONSTRAINT/);
    expect(sqliteErrorCode(() => addTry('nope', 's'))).toMatch(/CONSTRAINT/);
  });

  it('goes with its attempt', () => {
    addTry('a1', 'q');
    db.prepare("DELETE FROM quiz_attempts WHERE id = 'a1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM quiz_first_tries').get()).toEqual({ n: 0 });
  });
});
