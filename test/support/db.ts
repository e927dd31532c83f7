// Test helpers for the schema, Signal-style: a database at any version N, made by running the first N steps.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
