// The data folder is private to the OS account that runs Liseuse: on a shared computer another account must not
// copy the database, and the teacher PIN's hash with it. Folders are 700 and files 600 on POSIX. On Windows Node
// ignores these modes (mkdir's mode is not supported and chmod can only set the read-only flag); there the folder
// is in the user's profile (%APPDATA%), whose access list already keeps it to that user, SYSTEM and administrators.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { notWritable, storageError } from './storage-error';

const POSIX = process.platform !== 'win32';
const FOLDER = 0o700;
const FILE = 0o600;

function restrict(path: string, mode: number): void {
  if (!POSIX) return;
  try {
    chmodSync(path, mode);
  } catch {
    // A file system without POSIX modes (a FAT memory stick) refuses chmod; the data is still usable, and the
    // folder is as private as that file system allows.
  }
}

/** Creates `dir` and any missing parent private, or makes an existing one private. */
export function privateFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: FOLDER });
  } catch (error) {
    const problem = storageError(error, dir);
    // mkdir's ENOENT, ENOTDIR or EEXIST all mean that the folder cannot be made where it was asked for.
    throw problem.code === 'internal' ? notWritable(dir) : problem;
  }
  restrict(dir, FOLDER);
}

/** Makes each of `files` that exists private. */
export function privateFiles(...files: string[]): void {
  for (const file of files) if (existsSync(file)) restrict(file, FILE);
}

/** Makes an existing folder and the files in it private: what an older Liseuse left readable by everyone. */
export function privateTree(dir: string): void {
  if (!existsSync(dir)) return;
  restrict(dir, FOLDER);
  privateFiles(...readdirSync(dir).map((name) => join(dir, name)));
}
