// Opens the learner database the way the app must, in one place: check the data folder, open, refuse a newer
// schema untouched, check health, put back a backup when the file is damaged, empty or missing, back up before
// migrating, migrate; then one backup per day of use. A damaged, empty or missing file is never replaced
// silently by an empty one: it is moved aside (nothing deleted), the newest healthy backup is put back, and the
// notice says what happened and what was lost.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { StartupNotice } from '../../shared/contract/app';
import { BACKUP_DIR, backupBeforeMigration, DAMAGED_DIR, dailyBackup, listBackups, moveAside, restoreNewestHealthy, type BackupInfo } from './backups';
import { applyPragmas, connect, DB_FILE, passesQuickCheck, type Db } from './connection';
import { privateFiles, privateFolder, privateTree } from './data-folder';
import { LearnerDatabase } from './learner-database';
import { assertNotFromTheFuture, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { damagedDatabase, storageError } from './storage-error';

export interface OpenOptions {
  /** Path of an Electron-ABI build of better-sqlite3, when running inside Electron (see README). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}


/**
 * Opens, checks and migrates the database in `dataDir`, creating it when there is none (an empty file counts as
 * none). A damaged file is refused (database_corrupt) and left as it is: putting a backup back is openStore's work.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  return openChecked(dataDir, options, false);
}

/** Thrown instead of creating the schema in a file that has none, when backups say there was data. */
class EmptyDatabase extends Error {}

/** No schema and version 0: a file that is empty, or a SQLite file in which nothing was ever created. */
const isEmpty = (db: Db): boolean =>
  schemaVersion(db) === 0 && (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;

function openChecked(dataDir: string, options: OpenOptions, emptyIsDamage: boolean): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  privateFolder(dataDir);
  const file = join(dataDir, DB_FILE);
  const isNew = !existsSync(file);
  const db = connect(file, options.nativeBinding);
  try {
    // Checked before any pragma that writes: a newer app's database is left byte for byte as it was.
    assertNotFromTheFuture(db, migrations);
    // Before the pragmas, which would write a header into an empty file; a read-write connection sees the WAL.
    if (emptyIsDamage && !isNew && isEmpty(db)) throw new EmptyDatabase();
    applyPragmas(db);
    if (!passesQuickCheck(db)) throw damagedDatabase(file);
    const version = schemaVersion(db);
    if (!isNew && version > 0 && version < migrations.length) {
      backupBeforeMigration(db, dataDir, version, options.now?.() ?? new Date(), options.nativeBinding);
    }
    migrate(db, migrations);
    // The database was made 644 when new or by an older Liseuse; SQLite gives new -wal and -shm files its mode.
    privateFiles(file, `${file}-wal`, `${file}-shm`);
    privateTree(join(dataDir, BACKUP_DIR));
    privateTree(join(dataDir, DAMAGED_DIR));
    return db;
  } catch (error) {
    db.close();
    throw error instanceof AppError || error instanceof EmptyDatabase ? error : storageError(error, file);
  }
}

/** The open learner database and what the user must be told about it. */
export class Store {
  private backupFailure: string | undefined;

  constructor(
    readonly db: LearnerDatabase,
    private readonly dataDir: string,
    private readonly nativeBinding: string | undefined,
    private readonly startup?: StartupNotice,
  ) {}

  /** What the user must be told: what happened to the data before this start, and a daily backup that failed. */
  notice(): StartupNotice | undefined {
    if (!this.backupFailure) return this.startup;
    if (!this.startup) return { kind: 'backup_failed', message: this.backupFailure };
    return { ...this.startup, message: `${this.startup.message} ${this.backupFailure}` };
  }

  /**
   * Today's copy, unless one is less than a day old. A storage failure (a full disk, a folder that cannot be
   * written) becomes part of notice(), worded like every storage error; anything else is thrown to be logged.
   */
  async backUpDaily(now: Date): Promise<void> {
    try {
      await dailyBackup(this.db.connection, this.dataDir, now, this.nativeBinding);
      this.backupFailure = undefined;
    } catch (error) {
      const problem = storageError(error, join(this.dataDir, BACKUP_DIR));
      const unexpected = problem.code === 'internal';
      this.backupFailure = `Today's backup of the learner database could not be made. ${unexpected ? 'Liseuse will try again at its next start.' : problem.message}`;
      if (unexpected) throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

const day = (date: Date): string => date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

type Trouble = 'missing' | 'damaged' | 'empty';

function troubleNotice(trouble: Trouble, restored: BackupInfo | undefined, aside: string | undefined): StartupNotice {
  const kept = aside ? ` The ${trouble} file was kept at ${aside}.` : '';
  if (!restored) {
    return {
      kind: 'reset',
      message:
        `The learner database was ${trouble} and no healthy backup was found, so Liseuse started with an empty one: ` +
        `the learners and progress saved on this computer are not in it.${kept}`,
    };
  }
  const lost = trouble === 'missing' ? '; anything saved after that is not in it.' : ': anything saved after that was lost.';
  return { kind: 'restored', message: `The learner database was ${trouble}. Liseuse put back its copy of ${day(restored.takenAt)}${lost}${kept}` };
}

export function openStore(dataDir: string, options: OpenOptions = {}): Store {
  const file = join(dataDir, DB_FILE);
  const hasBackups = listBackups(dataDir).length > 0;
  const opened = (notice?: StartupNotice): Store =>
    new Store(new LearnerDatabase(openChecked(dataDir, options, hasBackups)), dataDir, options.nativeBinding, notice);

  let trouble: Trouble;
  if (!existsSync(file) && hasBackups) {
    trouble = 'missing';
  } else {
    try {
      return opened();
    } catch (error) {
      if (error instanceof EmptyDatabase) trouble = 'empty';
      else if (error instanceof AppError && error.code === 'database_corrupt') trouble = 'damaged';
      else throw error;
    }
  }
  const aside = trouble === 'missing' ? undefined : moveAside(dataDir, file, options.now?.() ?? new Date());
  const restored = restoreNewestHealthy(dataDir, file, options.nativeBinding);
  return opened(troubleNotice(trouble, restored, aside));
}
