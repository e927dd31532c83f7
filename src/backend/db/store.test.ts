// Damaged, missing and full databases, on real files: the app never starts silently on an empty database, tells
// what happened, and keeps the damaged file.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { dailyBackup, KEEP_BACKUPS, listBackups } from './backups';
import { DB_FILE } from './connection';
import { openDatabase, openStore } from './store';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const LESSONS = resolve('resources/lessons');

function addLearner(dataDir: string, name: string): void {
  const db = openDatabase(dataDir);
  db.prepare("INSERT INTO learners (id, name, name_key, created_at) VALUES (lower(hex(randomblob(16))), ?, lower(?), '2026-01-01')").run(name, name);
  db.close();
}

function names(dataDir: string): string[] {
  const store = openStore(dataDir);
  const rows = store.db.connection.prepare('SELECT name FROM learners ORDER BY name').all() as { name: string }[];
  store.close();
  return rows.map((r) => r.name);
}

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  async function withBackup(): Promise<void> {
    addLearner(dir, 'Ana');
    const db = openDatabase(dir);
    await dailyBackup(db, dir, new Date('2026-11-20T08:00:00Z'));
    db.close();
    addLearner(dir, 'Bruno'); // saved after the backup: lost when the backup is restored
  }

  it('a truncated database is moved aside and the newest healthy backup restored, with a notice saying what was lost', async () => {
    await withBackup();
    const file = join(dir, DB_FILE);
    // Fold the WAL in first so the truncation really cuts the data.
    const db = openDatabase(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice?.kind).toBe('restored');
    expect(notice?.message).toContain('2026-11-20 08:00 UTC');
    expect(notice?.message).toContain('was lost');
    expect(names(dir)).toEqual(['Ana']);
    expect(readdirSync(join(dir, 'damaged')).some((f) => f.endsWith('.db'))).toBe(true);
  });

  it('a damaged header with no backup: starts on an empty database but says so, and keeps the damaged file', () => {
    addLearner(dir, 'Ana');
    const file = join(dir, DB_FILE);
    const db = openDatabase(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    bytes.write('this is not sqlite', 0);
    writeFileSync(file, bytes);
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice?.kind).toBe('reset');
    expect(notice?.message).toMatch(/no healthy backup/);
    const kept = readdirSync(join(dir, 'damaged')).find((f) => f.endsWith('.db'));
    expect(kept && readFileSync(join(dir, 'damaged', kept)).subarray(0, 18).toString()).toBe('this is not sqlite');
  });

  it('a stray WAL file of garbage does not cost the saved learners', () => {
    addLearner(dir, 'Ana');
    const db = openDatabase(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    writeFileSync(join(dir, `${DB_FILE}-wal`), Buffer.alloc(4096, 7));
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice).toBeUndefined();
    expect(names(dir)).toEqual(['Ana']);
  });

  it('a missing database with backups present is restored, not silently replaced by an empty one', async () => {
    await withBackup();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice?.kind).toBe('restored');
    expect(notice?.message).toMatch(/missing/);
    expect(names(dir)).toEqual(['Ana']);
  });

  it('an empty (0-byte) database with backups present is moved aside and the newest backup restored, with a notice', async () => {
    await withBackup();
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    writeFileSync(join(dir, DB_FILE), '');
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice?.kind).toBe('restored');
    expect(notice?.message).toMatch(/was empty/);
    expect(notice?.message).toContain('2026-11-20 08:00 UTC');
    expect(names(dir)).toEqual(['Ana']);
    const kept = readdirSync(join(dir, 'damaged')).filter((f) => f.endsWith('.db'));
    expect(kept.map((f) => statSync(join(dir, 'damaged', f)).size)).toEqual([0]);
  });

  it('a database file with no schema at all, with backups present, is treated as empty, not as a new database', async () => {
    await withBackup();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    const blank = new Database(join(dir, DB_FILE));
    blank.exec('CREATE TABLE scratch (x); DROP TABLE scratch;');
    blank.close();
    const store = openStore(dir);
    store.close();
    expect(store.notice()?.kind).toBe('restored');
    expect(store.notice()?.message).toMatch(/was empty/);
    expect(names(dir)).toEqual(['Ana']);
  });

  it('an empty database whose backups all fail integrity_check: starts on a new one, says so, keeps the file', async () => {
    await withBackup();
    for (const backup of listBackups(dir)) writeFileSync(backup.file, 'garbage');
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    writeFileSync(join(dir, DB_FILE), '');
    const store = openStore(dir);
    store.close();
    expect(store.notice()?.kind).toBe('reset');
    expect(store.notice()?.message).toMatch(/was empty and no healthy backup/);
    expect(names(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'damaged')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });

  it('an empty database with no backup is a new database, with nothing to tell', () => {
    writeFileSync(join(dir, DB_FILE), '');
    const store = openStore(dir);
    store.close();
    expect(store.notice()).toBeUndefined();
    expect(names(dir)).toEqual([]);
    expect(existsSync(join(dir, 'damaged'))).toBe(false);
  });

  it('a missing database whose backups all fail integrity_check: starts on a new one and says so', async () => {
    await withBackup();
    for (const backup of listBackups(dir)) writeFileSync(backup.file, 'garbage');
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix), { force: true });
    const store = openStore(dir);
    store.close();
    expect(store.notice()?.kind).toBe('reset');
    expect(store.notice()?.message).toMatch(/was missing and no healthy backup/);
    expect(names(dir)).toEqual([]);
  });

  it('a backup that fails integrity_check is skipped for an older healthy one', async () => {
    addLearner(dir, 'Ana');
    const db = openDatabase(dir);
    await dailyBackup(db, dir, new Date('2026-11-18T08:00:00Z'));
    await dailyBackup(db, dir, new Date('2026-11-20T08:00:00Z'));
    db.close();
    const newest = listBackups(dir)[0]!;
    writeFileSync(newest.file, 'garbage');
    rmSync(join(dir, DB_FILE));
    const store = openStore(dir);
    store.close();
    const notice = store.notice();
    expect(notice?.message).toContain('2026-11-18');
  });
});

describe('daily backups', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('take one copy per day of use and keep the newest seven', async () => {
    const db = openDatabase(dir);
    for (let d = 1; d <= 10; d++) {
      const day = new Date(Date.UTC(2026, 10, d, 9));
      expect(await dailyBackup(db, dir, day)).toBeDefined();
      expect(await dailyBackup(db, dir, new Date(day.getTime() + 3600_000))).toBeUndefined();
    }
    db.close();
    const kept = listBackups(dir);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]?.takenAt.toISOString()).toBe('2026-11-10T09:00:00.000Z');
    expect(kept.at(-1)?.takenAt.toISOString()).toBe('2026-11-04T09:00:00.000Z');
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('never prunes the last backup that holds learners while the newer ones hold none', async () => {
    addLearner(dir, 'Ana');
    const db = openDatabase(dir);
    await dailyBackup(db, dir, new Date(Date.UTC(2026, 10, 1, 9)));
    db.prepare('DELETE FROM learners').run();
    for (let d = 2; d <= 12; d++) await dailyBackup(db, dir, new Date(Date.UTC(2026, 10, d, 9)));
    db.close();
    const kept = listBackups(dir);
    expect(kept.slice(0, KEEP_BACKUPS).map((b) => b.takenAt.getUTCDate())).toEqual([12, 11, 10, 9, 8, 7, 6]);
    expect(kept.slice(KEEP_BACKUPS).map((b) => b.takenAt.getUTCDate())).toEqual([1]);
    // Once a newer copy holds learners again, the old one goes like any other.
    addLearner(dir, 'Bruno');
    const again = openDatabase(dir);
    await dailyBackup(again, dir, new Date(Date.UTC(2026, 10, 13, 9)));
    again.close();
    expect(listBackups(dir).map((b) => b.takenAt.getUTCDate())).toEqual([13, 12, 11, 10, 9, 8, 7]);
  });
});

describe('a full or read-only store', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('a full disk gives a clear storage_full error, and what was saved before stays', async () => {
    const backend = createBackend({ dataDir: dir, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    const first = await backend.call('learners:create', { name: 'Ana' });
    expect(first.ok).toBe(true);
    // SQLite's own page limit stands in for a full disk: the write fails with SQLITE_FULL exactly as it would.
    const pages = backend.db.pragma('page_count', { simple: true }) as number;
    backend.db.pragma(`max_page_count = ${pages}`);
    let failure;
    for (let i = 0; i < 2000 && !failure; i++) {
      const result = await backend.call('learners:create', { name: `Learner ${i} ${'x'.repeat(25)}` });
      if (!result.ok) failure = result.error;
    }
    expect(failure).toEqual({ code: 'storage_full', message: expect.stringMatching(/disk is full/), reason: { key: 'diskFull', params: {} } });
    const list = await backend.call('learners:list', {});
    expect(list.ok && (list.value as { name: string }[]).some((l) => l.name === 'Ana')).toBe(true);
    backend.close();
  });

  it('a read-only store gives storage_readonly, not a crash', async () => {
    const backend = createBackend({ dataDir: dir, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    backend.db.pragma('query_only = ON');
    const result = await backend.call('learners:create', { name: 'Ana' });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_readonly' } });
    backend.close();
  });

  it('refuses to open a data folder that is a file, with a message naming it', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => openStore(file)).toThrow();
    expect(existsSync(file)).toBe(true);
  });
});
