// Opens the learner database: refuses one from the future, backs up before migrating, sets durable pragmas.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { assertNotFromTheFuture, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { backupPath, pruneBackups } from './backups';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of an Electron-ABI build of better-sqlite3, when running inside Electron (see README). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export const DB_FILE = 'liseuse.db';

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const isNew = !existsSync(file);
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw storageError(error, file);
  }
  try {
    // Checked before any pragma that writes: a newer app's database is left byte for byte as it was.
    assertNotFromTheFuture(db, migrations);
    db.pragma('journal_mode = WAL');
    // FULL: every commit fsyncs the WAL before the call returns, so an answer the UI has acknowledged survives
    // not only a killed process (NORMAL would) but a power cut on a classroom laptop. Cost: one fsync per write.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = schemaVersion(db);
    if (!isNew && version > 0 && version < migrations.length) {
      backupBeforeMigration(db, dataDir, version, options.now?.() ?? new Date());
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : storageError(error, file);
  }
}

function backupBeforeMigration(db: Db, dataDir: string, version: number, now: Date): string {
  const target = backupPath(dataDir, `v${version}`, now);
  // VACUUM INTO writes a consistent, compact copy, WAL content included, in one synchronous step: the migration
  // must not start before its copy exists, and opening is synchronous.
  db.prepare('VACUUM INTO ?').run(target);
  pruneBackups(dataDir);
  return target;
}

export function storageError(error: unknown, file: string): AppError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('storage_full', 'The disk is full: Liseuse could not save. Free some space and try again.');
  }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') {
    return new AppError('storage_readonly', `Liseuse cannot write its data folder (${file}). Check that it is writable.`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('database_corrupt', `The learner database is damaged (${file}).`);
  }
  return new AppError('internal', `The learner database could not be used: ${message}`);
}

export { LATEST_VERSION };
