import { describe, expect, it } from 'vitest';
import { columnNames, indexNames, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration010 } from './010-accepted-answers';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 010: accepted answers', () => {
  const step = migrationStep(migration010.version);

  it('adds the overrides and the regrading log, and leaves existing answers alone', () => {
    step.db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('l1', 'Ana', 'ana', AT);
    const before = tableNames(step.db);
    step.upgrade();
    expect(tableNames(step.db).filter((t) => !before.includes(t)).sort()).toEqual(['accepted_answer_overrides', 'regradings']);
    expect(columnNames(step.db, 'regradings')).toEqual(['id', 'lesson_id', 'question_id', 'at', 'by', 'change', 'answer', 'answers_changed', 'attempts']);
    expect(indexNames(step.db)).toContain('regradings_by_lesson');
    expect(step.db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
  });

  it('keeps one correction per lesson, question and answer, and only accepted or removed', () => {
    step.upgrade();
    const put = step.db.prepare('INSERT INTO accepted_answer_overrides (lesson_id, question_id, answer, accepted, changed_at) VALUES (?, ?, ?, ?, ?)');
    put.run('kim-russie', 'trip-length', 'sept', 1, AT);
    expect(sqliteErrorCode(() => put.run('kim-russie', 'trip-length', 'sept', 0, AT))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => put.run('kim-russie', 'trip-length', 'huit', 2, AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    const log = step.db.prepare('INSERT INTO regradings (id, lesson_id, question_id, at, by, change, answer, answers_changed, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    expect(sqliteErrorCode(() => log.run('r1', 'kim-russie', 'trip-length', AT, 'teacher', 'forgiven', 'sept', 1, '[]'))).toBe('SQLITE_CONSTRAINT_CHECK');
  });
});
