import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnNames, createDatabaseAtVersion, makeTempDir, removeTempDir } from '../../../../test/support/db';
import type { Db } from '../connection';
import { migration012 } from './012-my-words';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration: my words (notes and ignored words)', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    const file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, migration012.version - 1);
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('a', 'Ana', 'ana', AT);
    db.prepare('INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at) VALUES (?, ?, ?, ?, ?, ?)').run('a', 'agence', 'kim-russie', 3, AT, AT);
    db.close();
    db = createDatabaseAtVersion(file, migration012.version);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  it('is the tenth step of the list', () => {
    expect(MIGRATIONS[migration012.version - 1]).toBe(migration012);
  });

  it('gives cards a note and an ignored time, none for the cards already there, and keeps them', () => {
    expect(columnNames(db, 'review_cards')).toEqual(expect.arrayContaining(['note', 'ignored_at']));
    expect(db.prepare('SELECT lemma, due, note, ignored_at FROM review_cards').all()).toEqual([{ lemma: 'agence', due: AT, note: null, ignored_at: null }]);
  });
});
