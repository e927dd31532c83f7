// The data folder is private to the OS account that runs Liseuse (on a shared computer another account must not
// copy the database and its PIN hash), and a folder that cannot be made or a backup that cannot be written gets
// the same clear message as every other storage error.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../shared/contract/app';
import { createDatabaseAtVersion, makeTempDir, removeTempDir } from '../../../test/support/db';
import { createBackend } from '../backend';
import { dailyBackup } from './backups';
import { DB_FILE } from './connection';
import { openDatabase, openStore } from './store';

const LESSONS = resolve('resources/lessons');
const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Every folder and file under dataDir (two levels: the database, backups/, damaged/), with its permission bits. */
function modes(dataDir: string): Record<string, number> {
  const found: Record<string, number> = { '.': modeOf(dataDir) };
  for (const name of readdirSync(dataDir)) {
    found[name] = modeOf(join(dataDir, name));
    if (statSync(join(dataDir, name)).isDirectory()) {
      for (const inner of readdirSync(join(dataDir, name))) found[`${name}/${inner}`] = modeOf(join(dataDir, name, inner));
    }
  }
  return found;
}

/** What modes() must say: folders 700, files 600. */
function privateModes(dataDir: string): Record<string, number> {
  return Object.fromEntries(Object.keys(modes(dataDir)).map((name) => [name, statSync(join(dataDir, name)).isDirectory() ? 0o700 : 0o600]));
}

describe('the data folder is private to its user', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('a new data folder is 700, and the database with its WAL and shared-memory files 600', async () => {
    const dataDir = join(dir, 'Liseuse');
    const backend = createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    expect((await backend.call('learners:create', { name: 'Ana' })).ok).toBe(true);
    expect(Object.keys(modes(dataDir)).sort()).toEqual(['.', DB_FILE, `${DB_FILE}-shm`, `${DB_FILE}-wal`]);
    expect(modes(dataDir)).toEqual(privateModes(dataDir));
    backend.close();
  });

  it('backups, the damaged folder and every file in them are private too', async () => {
    createDatabaseAtVersion(join(dir, DB_FILE), 1).close();
    const store = openStore(dir, { now: () => new Date('2026-11-19T08:00:00Z') }); // backs up v1 before migrating
    await store.backUpDaily(new Date('2026-11-20T08:00:00Z'));
    store.close();
    const bytes = readFileSync(join(dir, DB_FILE));
    bytes.write('this is not sqlite', 0);
    writeFileSync(join(dir, DB_FILE), bytes);
    const restored = openStore(dir);
    restored.close();
    expect(restored.notice()?.kind).toBe('restored');
    const names = Object.keys(modes(dir));
    expect(names.filter((name) => name.startsWith('backups/'))).toHaveLength(2);
    expect(names.filter((name) => name.startsWith('damaged/')).length).toBeGreaterThan(0);
    expect(modes(dir)).toEqual(privateModes(dir));
  });

  it('a folder an older version left readable by everyone (755, files 644) is tightened at start-up', async () => {
    const db = openDatabase(dir);
    await dailyBackup(db, dir, new Date('2026-11-20T08:00:00Z'));
    db.close();
    mkdirSync(join(dir, 'damaged'));
    writeFileSync(join(dir, 'damaged', 'liseuse-2026-11-01T08-00-00-000Z.db'), 'kept');
    const loosen = (path: string): void => chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    for (const name of Object.keys(modes(dir))) loosen(join(dir, name));
    expect(modeOf(join(dir, DB_FILE))).toBe(0o644);

    const store = openStore(dir);
    expect(modes(dir)).toEqual(privateModes(dir));
    store.close();
  });
});

describe('storage errors outside a call', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o755);
    removeTempDir(dir);
  });

  it('a data folder whose parent is read-only gives storage_readonly naming the folder, not a raw mkdir error', () => {
    // Permission bits do not stop root: as root, the opening runs in a child process as an unprivileged user.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(dir, 0o755);
    const script = join(dir, 'open.ts');
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(resolve('src/backend/db/store.ts'))};
       try { openStore(process.argv[2] ?? '').close(); console.log(JSON.stringify({ opened: true })); }
       catch (error) { console.log(JSON.stringify({ code: (error as { code?: string }).code, message: (error as Error).message })); }`,
    );
    const parent = join(dir, 'read-only');
    mkdirSync(parent, { mode: 0o555 });
    chmodSync(parent, 0o555);
    const dataDir = join(parent, 'Liseuse');
    const run = spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), script, dataDir], {
      ...asUser,
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.stderr).toBe('');
    const outcome = JSON.parse(run.stdout) as { code?: string; message?: string };
    expect(outcome.code).toBe('storage_readonly');
    expect(outcome.message).toContain(dataDir);
    expect(outcome.message).toMatch(/Check that it is writable/);
    expect(outcome.message).not.toMatch(/ENOENT|EACCES|mkdir/);
  }, 30_000);

  it('a daily backup that fails on a full disk reaches the user as the app:info notice, and leaves no partial copy', async () => {
    const now = new Date('2026-11-20T08:00:00Z');
    mkdirSync(join(dir, 'backups'));
    // The copy in progress is written to /dev/full: every write fails with ENOSPC, as on a full disk.
    symlinkSync('/dev/full', join(dir, 'backups', 'liseuse-daily-2026-11-20T08-00-00-000Z.db.partial'));
    const backend = createBackend({ dataDir: dir, lessonsDir: LESSONS, mode: 'browser', version: 'test', now: () => now, dailyBackup: true });
    await vi.waitFor(
      async () => {
        const info = await backend.call('app:info', {});
        expect(info.ok && (info.value as AppInfo).notice?.message).toMatch(/backup.*The disk is full/s);
      },
      { timeout: 4_000 },
    );
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    expect((await backend.call('learners:create', { name: 'Ana' })).ok).toBe(true);
    backend.close();
  });
});
