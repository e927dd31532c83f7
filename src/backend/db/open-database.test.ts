import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { DB_FILE, type Db } from './connection';
import { LATEST_VERSION } from './migrations';
import { openDatabase } from './store';
import { schemaVersion } from './migrate';
import { createDatabaseAtVersion, makeTempDir, removeTempDir, tableNames } from '../../../test/support/db';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs open and returns the AppError it throws, failing the test if it opens or throws something else. */
function openError(dataDir: string): AppError {
  let db: Db | undefined;
  try {
    db = openDatabase(dataDir);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  db.close();
  throw new Error('openDatabase was expected to refuse this database');
}

describe('openDatabase', () => {
  let dataDir: string;
  let db: Db | undefined;

  beforeEach(() => {
    dataDir = makeTempDir();
  });

  afterEach(() => {
    if (db?.open) db.close();
    db = undefined;
    removeTempDir(dataDir);
  });

  it('creates a new database at the latest version with durable pragmas', () => {
    db = openDatabase(join(dataDir, 'nested', 'data'));
    expect(existsSync(join(dataDir, 'nested', 'data', DB_FILE))).toBe(true);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['learners', 'app_state', 'word_status', 'lookups', 'reading_progress']));
    // A brand-new database has nothing to back up.
    expect(existsSync(join(dataDir, 'nested', 'data', 'backups'))).toBe(false);
  });

  it('re-opening a database at the latest version keeps its rows and makes no backup', () => {
    db = openDatabase(dataDir);
    db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('a', 'Ana', 'ana', '2024');
    db.close();
    db = openDatabase(dataDir);
    expect(db.prepare('SELECT name FROM learners').all()).toEqual([{ name: 'Ana' }]);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('backs up an older database to dataDir/backups before migrating it', () => {
    const old = createDatabaseAtVersion(join(dataDir, DB_FILE), 1);
    old.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run('a', 'Ana', 'ana', '2024-01-01T00:00:00.000Z');
    old.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run('current_learner', 'a');
    old.close();

    db = openDatabase(dataDir, { now: () => new Date('2024-05-01T10:20:30.456Z') });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT id, name FROM learners').all()).toEqual([{ id: 'a', name: 'Ana' }]);

    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toEqual(['liseuse-v1-2024-05-01T10-20-30-456Z.db']);
    const backup = new Database(join(dataDir, 'backups', backups[0] as string), { readonly: true, fileMustExist: true });
    try {
      expect(schemaVersion(backup)).toBe(1);
      expect(tableNames(backup)).toEqual(['app_state', 'learners']);
      expect(backup.prepare('SELECT id, name, created_at FROM learners').all()).toEqual([
        { id: 'a', name: 'Ana', created_at: '2024-01-01T00:00:00.000Z' },
      ]);
      expect(backup.prepare('SELECT value FROM app_state WHERE key = ?').get('current_learner')).toEqual({ value: 'a' });
    } finally {
      backup.close();
    }
  });

  it.each([
    ['in rollback-journal mode', 'delete'],
    ['in WAL mode', 'wal'],
  ])('refuses a database from a newer Liseuse (%s) with database_too_new and leaves its bytes unchanged', (_label, mode) => {
    const file = join(dataDir, DB_FILE);
    const future = new Database(file);
    future.pragma(`journal_mode = ${mode}`);
    future.exec("CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT, shiny_new_column TEXT); INSERT INTO learners VALUES ('a', 'Ana', 'x');");
    future.pragma(`user_version = ${LATEST_VERSION + 1}`);
    future.close();
    const before = sha256(file);

    const error = openError(dataDir);
    expect(error.code).toBe('database_too_new');
    expect(error.message).toContain(`schema ${LATEST_VERSION + 1}`);
    expect(error.message).toContain('Update Liseuse');

    expect(sha256(file)).toBe(before);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    const check = new Database(file, { readonly: true });
    try {
      expect(schemaVersion(check)).toBe(LATEST_VERSION + 1);
      expect(check.prepare('SELECT * FROM learners').all()).toEqual([{ id: 'a', name: 'Ana', shiny_new_column: 'x' }]);
    } finally {
      check.close();
    }
  });

  it('a file that is not a SQLite database gives database_corrupt, names the file, and is left as it was', () => {
    const file = join(dataDir, DB_FILE);
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = sha256(file);
    const error = openError(dataDir);
    expect(error.code).toBe('database_corrupt');
    expect(error.message).toContain(file);
    expect(error.message).not.toMatch(/SQLITE_|at .*\.ts/);
    expect(sha256(file)).toBe(before);
  });

  it('a database whose pages are damaged gives database_corrupt', () => {
    const file = join(dataDir, DB_FILE);
    const healthy = new Database(file);
    for (let i = 0; i < 50; i++) healthy.exec(`CREATE TABLE t${i} (x TEXT); INSERT INTO t${i} VALUES ('${'a'.repeat(500)}');`);
    healthy.close();
    const bytes = readFileSync(file);
    // Keep the 100-byte header, overwrite the schema page and the next ones.
    bytes.fill(0x41, 100, 9000);
    writeFileSync(file, bytes);
    expect(openError(dataDir).code).toBe('database_corrupt');
  });

  it('an empty (0-byte) file is treated as a new database', () => {
    writeFileSync(join(dataDir, DB_FILE), '');
    db = openDatabase(dataDir);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });
});
