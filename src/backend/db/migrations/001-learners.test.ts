import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../migrate';
import { columnNames, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration001 } from './001-learners';
import { MIGRATIONS } from './index';

describe('migration 001: learners', () => {
  const step = migrationStep(1);

  it('is the first step of the list', () => {
    expect(MIGRATIONS[0]).toBe(migration001);
    expect(migration001.version).toBe(1);
  });

  it('takes an empty database from version 0 to 1 and creates learners and app_state', () => {
    expect(schemaVersion(step.db)).toBe(0);
    expect(tableNames(step.db)).toEqual([]);
    step.upgrade();
    expect(schemaVersion(step.db)).toBe(1);
    expect(tableNames(step.db)).toEqual(['app_state', 'learners']);
    expect(columnNames(step.db, 'learners')).toEqual(['id', 'name', 'name_key', 'created_at']);
    expect(columnNames(step.db, 'app_state')).toEqual(['key', 'value']);
  });

  it('keeps the folded learner name (name_key) unique', () => {
    step.upgrade();
    const insert = step.db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)');
    insert.run('a', 'Élodie', 'élodie', '2024-01-01T00:00:00.000Z');
    expect(sqliteErrorCode(() => insert.run('b', 'ÉLODIE', 'élodie', '2024-01-01T00:00:00.000Z'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(sqliteErrorCode(() => insert.run('d', 'Élodie B', 'élodie b', '2024-01-01T00:00:00.000Z'))).toBe('no error');
    expect(step.db.prepare('SELECT count(*) AS n FROM learners').get()).toEqual({ n: 2 });
  });

  it('refuses a learner without a name, a duplicate id, and a value of the wrong type (STRICT)', () => {
    step.upgrade();
    const insert = step.db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)');
    expect(sqliteErrorCode(() => insert.run('a', null, 'x', '2024'))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    insert.run('a', 'Ana', 'ana', '2024');
    expect(sqliteErrorCode(() => insert.run('a', 'Bruno', 'bruno', '2024'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteErrorCode(() => insert.run('b', Buffer.from('Ana'), 'ana2', '2024'))).toBe('SQLITE_CONSTRAINT_DATATYPE');
  });

  it('app_state holds one value per key', () => {
    step.upgrade();
    step.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run('current_learner', 'a');
    expect(sqliteErrorCode(() => step.db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run('current_learner', 'b'))).toBe(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
  });
});
