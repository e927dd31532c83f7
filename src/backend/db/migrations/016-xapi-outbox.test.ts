import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnNames, createDatabaseAtVersion, makeTempDir, removeTempDir } from '../../../../test/support/db';
import type { Db } from '../connection';
import { migration016 } from './016-xapi-outbox';
import { MIGRATIONS } from './index';

describe('migration: xAPI outbox', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    const file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, migration016.version - 1);
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('a', 'Ana', 'ana', '2024-05-01T10:00:00.000Z');
    db.close();
    db = createDatabaseAtVersion(file, migration016.version);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  it('is the sixteenth step of the list', () => {
    expect(MIGRATIONS[migration016.version - 1]).toBe(migration016);
  });

  it('adds an empty outbox and settings, keeping the learners', () => {
    expect(columnNames(db, 'xapi_outbox')).toEqual(expect.arrayContaining(['id', 'statement', 'status', 'attempts', 'last_error', 'next_try_at']));
    expect(db.prepare('SELECT count(*) AS n FROM xapi_outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
  });

  it('refuses a status other than pending, sent or failed', () => {
    expect(() => db.prepare("INSERT INTO xapi_outbox (id, statement, verb, status, created_at) VALUES ('x', '{}', 'answered', 'lost', 'now')").run()).toThrow(/CHECK/);
  });
});
