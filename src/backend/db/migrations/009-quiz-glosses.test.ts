import { describe, expect, it } from 'vitest';
import { columnNames, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { schemaVersion } from '../migrate';
import { migration009 } from './009-quiz-glosses';

const AT = '2026-12-01T10:00:00.000Z';

describe('migration 009: glosses beside the quiz', () => {
  const step = migrationStep(migration009.version);

  it('adds the settings table and keeps what was there', () => {
    step.db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('l-1', 'Amélie', 'amélie', AT);
    step.upgrade();
    expect(schemaVersion(step.db)).toBe(migration009.version);
    expect(tableNames(step.db)).toContain('quiz_gloss_settings');
    expect(columnNames(step.db, 'quiz_gloss_settings')).toEqual(['lesson_id', 'kind', 'shown', 'changed_at']);
    expect(step.db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Amélie' }]);
  });

  it('one choice per lesson and kind, and only a known kind and a yes or no', () => {
    step.upgrade();
    const insert = step.db.prepare('INSERT INTO quiz_gloss_settings (lesson_id, kind, shown, changed_at) VALUES (?, ?, ?, ?)');
    insert.run('kim-russie', 'comprehension', 0, AT);
    insert.run('kim-russie', 'vocabulary', 1, AT);
    expect(sqliteErrorCode(() => insert.run('kim-russie', 'comprehension', 1, AT))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => insert.run('kim-russie', 'essay', 1, AT))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => insert.run('other', 'comprehension', 2, AT))).toBe('SQLITE_CONSTRAINT_CHECK');
  });
});
