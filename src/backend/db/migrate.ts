// Runs pending schema steps, Signal-style: PRAGMA user_version is the truth, it only goes up, each step and
// its version bump commit together, and a database written by a newer Liseuse is refused untouched.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotFromTheFuture(db: Database, migrations: readonly Migration[]): void {
  const version = schemaVersion(db);
  const latest = migrations.length;
  if (version > latest) {
    throw AppError.because('database_too_new', 'databaseTooNew', { version, latest });
  }
}

/** Applies every step above the current version; returns the versions it applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  assertNotFromTheFuture(db, migrations);
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${i + 1}`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
