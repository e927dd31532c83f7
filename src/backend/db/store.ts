// Opens the learner database the way the app must: a damaged or missing file is never replaced silently by an
// empty one. The damaged file is moved aside (nothing deleted), the newest healthy backup is put back, and the
// notice says what happened and what was lost.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { StartupNotice } from '../../shared/contract/app';
import { listBackups, moveAside, restoreNewestHealthy } from './backups';
import { DB_FILE, openDatabase, type Db, type OpenOptions } from './connection';

function healthy(db: Db): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

const day = (date: Date): string => date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export function openStore(dataDir: string, options: OpenOptions = {}): { db: Db; notice?: StartupNotice } {
  const file = join(dataDir, DB_FILE);
  const now = options.now?.() ?? new Date();

  if (!existsSync(file) && listBackups(dataDir).length > 0) {
    const restored = restoreNewestHealthy(dataDir, file, options.nativeBinding);
    if (restored) {
      return {
        db: openDatabase(dataDir, options),
        notice: {
          kind: 'restored',
          message: `The learner database was missing. Liseuse put back its copy of ${day(restored.takenAt)}; anything saved after that is not in it.`,
        },
      };
    }
  }

  try {
    const db = openDatabase(dataDir, options);
    if (healthy(db)) return { db };
    db.close();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'database_corrupt')) throw error;
  }
  const aside = moveAside(dataDir, file, now);
  const restored = restoreNewestHealthy(dataDir, file, options.nativeBinding);
  const db = openDatabase(dataDir, options);
  return {
    db,
    notice: restored
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
  };
}
