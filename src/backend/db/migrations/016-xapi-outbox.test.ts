import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep } from '../../../../test/support/db';
import { migration016 } from './016-xapi-outbox';
import { MIGRATIONS } from './index';

describe('migration: xAPI outbox', () => {
  const step = migrationStep(migration016.version, {
    seed: (db) => insertLearner(db, 'a', 'Ana'),
    upgraded: true,
  });

  it('is the sixteenth step of the list', () => {
    expect(MIGRATIONS[migration016.version - 1]).toBe(migration016);
  });

  it('adds an empty outbox and settings, keeping the learners', () => {
    expect(columnNames(step.db, 'xapi_outbox')).toEqual(expect.arrayContaining(['id', 'statement', 'status', 'attempts', 'last_error', 'next_try_at']));
    expect(step.db.prepare('SELECT count(*) AS n FROM xapi_outbox').get()).toEqual({ n: 0 });
    expect(step.db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
  });

  it('refuses a status other than pending, sent or failed', () => {
    expect(() => step.db.prepare("INSERT INTO xapi_outbox (id, statement, verb, status, created_at) VALUES ('x', '{}', 'answered', 'lost', 'now')").run()).toThrow(/CHECK/);
  });
});
