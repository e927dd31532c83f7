import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../migrate';
import { columnNames, createDatabaseAtVersion, makeTempDir, removeTempDir, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import type { Db } from '../connection';
import { migration007 } from './007-imported-attempts';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 007: imported attempts', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, 6);
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('a', 'Ana', 'ana', AT);
    db.prepare(`INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES ('t', 'a', 'kim-russie', 'comprehension', 1, '[]', ?)`).run(AT);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  const upgrade = (): void => {
    db.close();
    db = createDatabaseAtVersion(file, 7);
  };

  it('is the seventh step of the list', () => {
    expect(MIGRATIONS[6]).toBe(migration007);
    expect(migration007.version).toBe(7);
  });

  it('gives attempts a source, none for those already here, and keeps them', () => {
    upgrade();
    expect(schemaVersion(db)).toBe(7);
    expect(columnNames(db, 'quiz_attempts')).toContain('source');
    expect(db.prepare('SELECT id, learner_id, source FROM quiz_attempts').all()).toEqual([{ id: 't', learner_id: 'a', source: null }]);
  });

  it('remembers merged learners, and forgets them with the learner they were merged into', () => {
    upgrade();
    expect(tableNames(db)).toContain('merged_learners');
    db.prepare('INSERT INTO merged_learners (file_learner_id, learner_id) VALUES (?, ?)').run('other', 'a');
    expect(sqliteErrorCode(() => db.prepare('INSERT INTO merged_learners (file_learner_id, learner_id) VALUES (?, ?)').run('x', 'nobody'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    db.prepare('DELETE FROM learners WHERE id = ?').run('a');
    expect(db.prepare('SELECT count(*) AS n FROM merged_learners').get()).toEqual({ n: 0 });
  });
});
