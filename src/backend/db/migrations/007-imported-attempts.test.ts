import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../migrate';
import { columnNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration007 } from './007-imported-attempts';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 007: imported attempts', () => {
  const step = migrationStep(7, {
    seed: (db) => {
      insertLearner(db, 'a', 'Ana', AT);
      db.prepare(`INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES ('t', 'a', 'kim-russie', 'comprehension', 1, '[]', ?)`).run(AT);
    },
  });

  it('is the seventh step of the list', () => {
    expect(MIGRATIONS[6]).toBe(migration007);
    expect(migration007.version).toBe(7);
  });

  it('gives attempts a source, none for those already here, and keeps them', () => {
    step.upgrade();
    expect(schemaVersion(step.db)).toBe(7);
    expect(columnNames(step.db, 'quiz_attempts')).toContain('source');
    expect(step.db.prepare('SELECT id, learner_id, source FROM quiz_attempts').all()).toEqual([{ id: 't', learner_id: 'a', source: null }]);
  });

  it('remembers merged learners, and forgets them with the learner they were merged into', () => {
    step.upgrade();
    expect(tableNames(step.db)).toContain('merged_learners');
    step.db.prepare('INSERT INTO merged_learners (file_learner_id, learner_id) VALUES (?, ?)').run('other', 'a');
    expect(sqliteErrorCode(() => step.db.prepare('INSERT INTO merged_learners (file_learner_id, learner_id) VALUES (?, ?)').run('x', 'nobody'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    step.db.prepare('DELETE FROM learners WHERE id = ?').run('a');
    expect(step.db.prepare('SELECT count(*) AS n FROM merged_learners').get()).toEqual({ n: 0 });
  });
});
