// Writes a whole file or nothing: to a temporary file beside the target, flushed to disk, then renamed over it.
// A crash mid-write leaves at most a stray temporary file, never half a report.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { storageError } from '../db/storage-error';

/** `mode` 0o600 for a file only this user may read (it is set at creation, never widened after). */
export function writeFileAtomic(target: string, bytes: Uint8Array, mode = 0o644): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw storageError(error, target);
  }
}
