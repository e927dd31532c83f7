import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnNames, createDatabaseAtVersion, indexNames, makeTempDir, removeTempDir, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import type { Db } from '../connection';
import { migration010 } from './010-accepted-answers';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 010: accepted answers', () => {
  let dir: string;
  let file: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, migration010.version - 1);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  const upgrade = (): void => {
    db.close();
    db = createDatabaseAtVersion(file, migration010.version);
  };

  it('adds the overrides and the regrading log, and leaves existing answers alone', () => {
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('l1', 'Ana', 'ana', AT);
    const before = tableNames(db);
    upgrade();
    expect(tableNames(db).filter((t) => !before.includes(t)).sort()).toEqual(['accepted_answer_overrides', 'regradings']);
    expect(columnNames(db, 'regradings')).toEqual(['id', 'lesson_id', 'question_id', 'at', 'by', 'change', 'answer', 'answers_changed', 'attempts']);
    expect(indexNames(db)).toContain('regradings_by_lesson');
    expect(db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
  });

  it('keeps one correction per lesson, question and answer, and only accepted or removed', () => {
    upgrade();
    const put = db.prepare('INSERT INTO accepted_answer_overrides (lesson_id, question_id, answer, accepted, changed_at) VALUES (?, ?, ?, ?, ?)');
    put.run('kim-russie', 'trip-length', 'sept', 1, AT);
    expect(sqliteErrorCode(() => put.run('kim-russie', 'trip-length', 'sept', 0, AT))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => put.run('kim-russie', 'trip-length', 'huit', 2, AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    const log = db.prepare('INSERT INTO regradings (id, lesson_id, question_id, at, by, change, answer, answers_changed, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    expect(sqliteErrorCode(() => log.run('r1', 'kim-russie', 'trip-length', AT, 'teacher', 'forgiven', 'sept', 1, '[]'))).toBe('SQLITE_CONSTRAINT_CHECK');
  });
});
