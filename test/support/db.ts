// Test helpers for the schema, Signal-style: a database at any version N, made by running the first N steps.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/backend/db/connection';
import { migrate, schemaVersion } from '../../src/backend/db/migrate';
import { MIGRATIONS } from '../../src/backend/db/migrations';

/** A fresh empty folder under the OS temp dir; remove it with removeTempDir. */
export function makeTempDir(prefix = 'liseuse-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Opens (or creates) the SQLite file and brings it to exactly `version` by running MIGRATIONS.slice(0, version)
 * through the real runner. Foreign keys are on, as openDatabase sets them.
 */
export function createDatabaseAtVersion(file: string, version: number): Db {
  if (version < 0 || version > MIGRATIONS.length) throw new Error(`No schema version ${version} (latest is ${MIGRATIONS.length})`);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, version));
  if (schemaVersion(db) !== version) throw new Error(`Expected version ${version}, got ${schemaVersion(db)}`);
  return db;
}

export interface MigrationStep {
  /** The open database: at `version - 1` until upgrade(), at `version` after it. */
  readonly db: Db;
  /** Closes the file and brings it to `version` through the real runner, as a user's file is upgraded. */
  upgrade(): void;
}

/**
 * What every migration's tests set up, registered in the calling describe block: before each test a fresh file at
 * `version - 1`, `seed` run on it (the rows the step must keep), upgraded at once when `upgraded` is set; after
 * each, closed and removed.
 */
export function migrationStep(version: number, options: { seed?: (db: Db) => void; upgraded?: boolean } = {}): MigrationStep {
  let dir = '';
  let file = '';
  let db: Db | undefined;
  const step: MigrationStep = {
    get db(): Db {
      if (!db) throw new Error('migrationStep: the database is opened in beforeEach');
      return db;
    },
    upgrade(): void {
      step.db.close();
      db = createDatabaseAtVersion(file, version);
    },
  };
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, version - 1);
    options.seed?.(db);
    if (options.upgraded) step.upgrade();
  });
  afterEach(() => {
    if (db?.open) db.close();
    db = undefined;
    removeTempDir(dir);
  });
  return step;
}

/** A learner row as migration 001 shaped it (name_key is the name in lower case). */
export function insertLearner(db: Db, id: string, name: string, createdAt = '2024-05-01T10:00:00.000Z'): void {
  db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)').run(id, name, name.toLowerCase(), createdAt);
}

export function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
}

export function indexNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
}

export function columnNames(db: Db, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((row) => row.name);
}

/** The SQLite error code of a statement that is expected to fail, or 'no error'. */
export function sqliteErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return String((error as { code?: unknown }).code ?? (error as Error).message);
  }
  return 'no error';
}
