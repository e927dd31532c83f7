// Copies of the learner database in dataDir/backups: one before every migration, one per day of use, the newest
// seven kept (and the newest one that holds learners, when none of those seven does). On a damaged database the
// newest copy that passes integrity_check is put back.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect, connectReadonly, type Db } from './connection';
import { privateFiles, privateFolder } from './data-folder';

export const BACKUP_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';
export const KEEP_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
// liseuse-<reason>-<ISO time with - for : and .>.db; the time sorts and dates each copy.
const NAME = /^liseuse-([a-z0-9]+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export interface BackupInfo {
  file: string;
  reason: string;
  takenAt: Date;
}

const stampOf = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');
const dateOf = (stamp: string): Date => new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'));

export function backupPath(dataDir: string, reason: string, now: Date): string {
  const dir = join(dataDir, BACKUP_DIR);
  privateFolder(dir);
  return join(dir, `liseuse-${reason}-${stampOf(now)}.db`);
}

/** Newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const match = NAME.exec(name);
      return match ? [{ file: join(dir, name), reason: match[1] ?? '', takenAt: dateOf(match[2] ?? '') }] : [];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** True when the copy opens and has at least one learner. */
function holdsLearners(file: string, nativeBinding?: string): boolean {
  let db: Db | undefined;
  try {
    db = connectReadonly(file, nativeBinding);
    return (db.prepare('SELECT EXISTS (SELECT 1 FROM learners) AS found').get() as { found: number }).found === 1;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Keeps the newest KEEP_BACKUPS copies. When none of them holds a learner (a database emptied, or replaced by an
 * empty one, and backed up day after day), the newest older copy that does is kept too: it may be the only one
 * left of the class's work.
 */
export function pruneBackups(dataDir: string, nativeBinding?: string): void {
  const backups = listBackups(dataDir);
  const old = backups.slice(KEEP_BACKUPS);
  if (old.length === 0) return;
  const spared = backups.slice(0, KEEP_BACKUPS).some((b) => holdsLearners(b.file, nativeBinding))
    ? undefined
    : old.find((b) => holdsLearners(b.file, nativeBinding));
  for (const backup of old) if (backup !== spared) rmSync(backup.file, { force: true });
}

/** The copy taken before migrating a database at schema `version`; returns its path. */
export function backupBeforeMigration(db: Db, dataDir: string, version: number, now: Date, nativeBinding?: string): string {
  const target = backupPath(dataDir, `v${version}`, now);
  // VACUUM INTO writes a consistent, compact copy, WAL content included, in one synchronous step: the migration
  // must not start before its copy exists, and opening is synchronous.
  db.prepare('VACUUM INTO ?').run(target);
  privateFiles(target);
  pruneBackups(dataDir, nativeBinding);
  return target;
}

/** Once a day of use: an online copy with SQLite's backup API, which never blocks the learner's writes for long. */
export async function dailyBackup(db: Db, dataDir: string, now: Date, nativeBinding?: string): Promise<string | undefined> {
  const newest = listBackups(dataDir)[0];
  if (newest && now.getTime() - newest.takenAt.getTime() < DAY_MS) return undefined;
  const target = backupPath(dataDir, 'daily', now);
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    selfContained(partial, nativeBinding);
    privateFiles(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  pruneBackups(dataDir, nativeBinding);
  return target;
}

/**
 * The backup API copies the live database's header, WAL flag included; a read-only check of such a copy would
 * leave -wal and -shm files beside it. In rollback-journal mode the copy is one file, as VACUUM INTO makes it.
 */
function selfContained(file: string, nativeBinding?: string): void {
  const copy = connect(file, nativeBinding);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** True when the file opens as a database and PRAGMA integrity_check says ok. */
export function passesIntegrityCheck(file: string, nativeBinding?: string): boolean {
  let db: Db | undefined;
  try {
    db = connectReadonly(file, nativeBinding);
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves the database and its WAL/SHM companions into dataDir/damaged; returns the new path of the main file. */
export function moveAside(dataDir: string, file: string, now: Date): string {
  const dir = join(dataDir, DAMAGED_DIR);
  privateFolder(dir);
  const target = join(dir, `liseuse-${stampOf(now)}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  privateFiles(target, `${target}-wal`, `${target}-shm`);
  return target;
}

/** Copies the newest healthy backup over `file`; returns the backup used, or undefined when none passes. */
export function restoreNewestHealthy(dataDir: string, file: string, nativeBinding?: string): BackupInfo | undefined {
  for (const backup of listBackups(dataDir)) {
    if (!passesIntegrityCheck(backup.file, nativeBinding)) continue;
    copyFileSync(backup.file, file);
    privateFiles(file);
    return backup;
  }
  return undefined;
}
