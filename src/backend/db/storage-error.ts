// What a failure of the disk or of SQLite means to the user: one clear message per kind, with a typed code.
import { AppError } from '../../shared/errors';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC']);
const NOT_WRITABLE = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EACCES', 'EPERM', 'EROFS']);
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** The message for a folder or file Liseuse must write and cannot. */
export function notWritable(path: string): AppError {
  return AppError.because('storage_readonly', 'dataFolderReadonly', { path });
}

export function damagedDatabase(file: string): AppError {
  return AppError.because('database_corrupt', 'databaseDamaged', { file });
}

export function storageError(error: unknown, file: string): AppError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (FULL.has(code)) return AppError.because('storage_full', 'diskFull');
  if (NOT_WRITABLE.has(code)) return notWritable(file);
  if (DAMAGED.has(code)) return damagedDatabase(file);
  return AppError.because('internal', 'databaseUnusable', { detail: message });
}
