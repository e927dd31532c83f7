// Opens the learner database the way the app must, in one place: check the data folder, open, refuse a newer
// schema untouched, check health, put back a backup when the file is damaged or missing, back up before
// migrating, migrate; then one backup per day of use. A damaged or missing file is never replaced silently by
// an empty one: it is moved aside (nothing deleted), the newest healthy backup is put back, and the notice says
// what happened and what was lost.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { StartupNotice } from '../../shared/types';
import { backupBeforeMigration, dailyBackup, listBackups, moveAside, restoreNewestHealthy } from './backups';
import { applyPragmas, connect, DB_FILE, passesQuickCheck, type Db } from './connection';
import { LearnerDatabase } from './learner-database';
import { assertNotFromTheFuture, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { storageError } from './storage-error';

export interface OpenOptions {
  /** Path of an Electron-ABI build of better-sqlite3, when running inside Electron (see README). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}


/**
 * Opens, checks and migrates the database in `dataDir`, creating it when there is none. A damaged file is
 * refused (database_corrupt) and left as it is: putting a backup back is openStore's work.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const isNew = !existsSync(file);
  const db = connect(file, options.nativeBinding);
  try {
    // Checked before any pragma that writes: a newer app's database is left byte for byte as it was.
    assertNotFromTheFuture(db, migrations);
    applyPragmas(db);
    if (!passesQuickCheck(db)) throw storageError({ code: 'SQLITE_CORRUPT' }, file);
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

/** The open learner database and what the user must be told about it. */
export class Store {
  constructor(
    readonly db: LearnerDatabase,
    private readonly dataDir: string,
    private readonly startup?: StartupNotice,
  ) {}

  /** What happened to the data before this start (a damaged database restored), or undefined. */
  notice(): StartupNotice | undefined {
    return this.startup;
  }

  /** Today's copy, unless one is less than a day old. */
  async backUpDaily(now: Date): Promise<void> {
    await dailyBackup(this.db.connection, this.dataDir, now);
  }

  close(): void {
    this.db.close();
  }
}

const day = (date: Date): string => date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export function openStore(dataDir: string, options: OpenOptions = {}): Store {
  const file = join(dataDir, DB_FILE);
  const now = options.now?.() ?? new Date();
  const opened = (notice?: StartupNotice): Store => new Store(new LearnerDatabase(openDatabase(dataDir, options)), dataDir, notice);

  if (!existsSync(file) && listBackups(dataDir).length > 0) {
    const restored = restoreNewestHealthy(dataDir, file, options.nativeBinding);
    if (restored) {
      return opened({
        kind: 'restored',
        message: `The learner database was missing. Liseuse put back its copy of ${day(restored.takenAt)}; anything saved after that is not in it.`,
      });
    }
  }

  try {
    return opened();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'database_corrupt')) throw error;
  }
  const aside = moveAside(dataDir, file, now);
  const restored = restoreNewestHealthy(dataDir, file, options.nativeBinding);
  return opened(
    restored
      ? {
          kind: 'restored',
          message:
            `The learner database was damaged. Liseuse put back its copy of ${day(restored.takenAt)}: anything saved after that was lost. ` +
            `The damaged file was kept at ${aside}.`,
        }
      : {
          kind: 'reset',
          message:
            'The learner database was damaged and no healthy backup was found, so Liseuse started with an empty one: ' +
            `the learners and progress saved on this computer are not in it. The damaged file was kept at ${aside}.`,
        },
  );
}
