// One SQLite connection to the learner database, with the pragmas the app relies on and why.
import Database from 'better-sqlite3';
import { storageError } from './storage-error';

export type Db = Database.Database;

export const DB_FILE = 'liseuse.db';

/** Opens (or creates) `file`; `nativeBinding` is the Electron-ABI build of better-sqlite3 inside Electron (see README). */
export function connect(file: string, nativeBinding?: string): Db {
  try {
    return new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw storageError(error, file);
  }
}

/** Opens an existing file without writing to it: the checks of backups and of a suspect database. */
export function connectReadonly(file: string, nativeBinding?: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Set after the version check: journal_mode writes to the file, and a newer app's database must stay as it was. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: every commit fsyncs the WAL before the call returns, so an answer the UI has acknowledged survives
  // not only a killed process (NORMAL would) but a power cut on a classroom laptop. Cost: one fsync per write.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** True when PRAGMA quick_check says ok; a file too damaged to be read at all is not healthy either. */
export function passesQuickCheck(db: Db): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}
