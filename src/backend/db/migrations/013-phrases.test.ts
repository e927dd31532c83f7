import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration013 } from './013-phrases';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration: phrases saved from the reader', () => {
  const step = migrationStep(migration013.version, {
    seed: (db) => {
      insertLearner(db, 'a', 'Ana', AT);
      db.prepare('INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('a', 'agence', 'kim-russie', 3, AT, AT);
    },
    upgraded: true,
  });

  it('is the thirteenth step of the list', () => {
    expect(MIGRATIONS[migration013.version - 1]).toBe(migration013);
  });

  it('adds an empty phrases table keyed by learner and phrase, and keeps the cards already there', () => {
    expect(tableNames(step.db)).toContain('phrases');
    expect(columnNames(step.db, 'phrases')).toEqual(['learner_id', 'lemma', 'lesson_id', 'first_token', 'last_token']);
    expect(step.db.prepare('SELECT count(*) AS n FROM phrases').get()).toEqual({ n: 0 });
    expect(step.db.prepare('SELECT lemma, due FROM review_cards').all()).toEqual([{ lemma: 'agence', due: AT }]);
  });

  it('keeps one row per learner and phrase, refuses a token range that is not whole numbers, and goes with its learner', () => {
    const insert = step.db.prepare('INSERT INTO phrases (learner_id, lemma, lesson_id, first_token, last_token) VALUES (?, ?, ?, ?, ?)');
    insert.run('a', 'phrase:il y a', 'kim-russie', 10, 12);
    expect(sqliteErrorCode(() => insert.run('a', 'phrase:il y a', 'kim-russie', 40, 42))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => insert.run('a', 'phrase:de presse', 'kim-russie', 'dix', 12))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteErrorCode(() => insert.run('nobody', 'phrase:de presse', 'kim-russie', 1, 2))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    step.db.prepare('DELETE FROM learners WHERE id = ?').run('a');
    expect(step.db.prepare('SELECT count(*) AS n FROM phrases').get()).toEqual({ n: 0 });
  });
});
