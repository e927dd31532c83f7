// The files a teacher hands the results import at once (several .json files, a folder, a .zip of them) turned
// into the list of results files to import one by one, and the ones refused before any is read, each with its
// reason. A zip is opened here, with caps that hold whatever the archive claims: a zip bomb is refused, never
// unpacked.
import { unzipSync } from 'fflate';
import { MAX_RESULT_BYTES } from './result-file';

/** At most this many results files in one import (a school's classes, not a disk's worth). */
export const MAX_BUNDLE_FILES = 500;
/** At most this much text in one import, once unpacked (each file is at most MAX_RESULT_BYTES too). */
export const MAX_BUNDLE_BYTES = 100_000_000;

export interface GivenFile {
  /** The name shown to the teacher: the file's, or its path in the folder chosen. */
  name: string;
  bytes: Uint8Array;
}

export interface BundledFile {
  /** The file's name, and for a zip's entry « archive.zip › entry.json ». */
  name: string;
  text: string;
}

/** Why a file was not read; the renderer words it in the teacher's language. */
export type BundleRefusal =
  | { reason: 'not-results-file' }
  | { reason: 'too-large'; maxBytes: number }
  | { reason: 'not-text' }
  | { reason: 'bad-zip' }
  | { reason: 'zip-in-zip' }
  | { reason: 'too-many-files'; maxFiles: number }
  | { reason: 'bundle-too-large'; maxBytes: number };

export interface RefusedFile {
  name: string;
  refusal: BundleRefusal;
}

export interface Bundle {
  files: BundledFile[];
  refused: RefusedFile[];
}

const ZIP_MAGIC = [0x50, 0x4b];
const isZip = (file: GivenFile): boolean => /\.zip$/i.test(file.name) || (file.bytes[0] === ZIP_MAGIC[0] && file.bytes[1] === ZIP_MAGIC[1]);
const isJson = (name: string): boolean => /\.json$/i.test(name);
/** What archivers and file managers put beside the files (__MACOSX/, .DS_Store, Thumbs.db): passed over, not refused. */
const isClutter = (path: string): boolean => path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX') || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(path);

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The results files in what the teacher chose, in the order given; a zip's entries in the archive's order. */
export function bundleResultFiles(given: readonly GivenFile[], limits = { maxFiles: MAX_BUNDLE_FILES, maxBytes: MAX_BUNDLE_BYTES }): Bundle {
  const files: BundledFile[] = [];
  const refused: RefusedFile[] = [];
  let total = 0;
  let stopped: BundleRefusal | null = null;

  /** Counts a file in, or says why the whole rest is refused. */
  const admit = (size: number): BundleRefusal | null => {
    if (files.length >= limits.maxFiles) return { reason: 'too-many-files', maxFiles: limits.maxFiles };
    if (total + size > limits.maxBytes) return { reason: 'bundle-too-large', maxBytes: limits.maxBytes };
    total += size;
    return null;
  };
  const addText = (name: string, bytes: Uint8Array): void => {
    try {
      files.push({ name, text: decoder.decode(bytes) });
    } catch {
      total -= bytes.length;
      refused.push({ name, refusal: { reason: 'not-text' } });
    }
  };

  for (const file of given) {
    if (stopped) {
      refused.push({ name: file.name, refusal: stopped });
      continue;
    }
    if (isClutter(file.name)) continue;
    if (isZip(file)) {
      const inZip = openZip(file, admit, addText, refused);
      if (inZip) {
        // The caps stop the whole import there; a damaged zip stops only itself.
        if (inZip.reason !== 'bad-zip') stopped = inZip;
        refused.push({ name: file.name, refusal: inZip });
      }
      continue;
    }
    if (!isJson(file.name)) {
      refused.push({ name: file.name, refusal: { reason: 'not-results-file' } });
      continue;
    }
    if (file.bytes.length > MAX_RESULT_BYTES) {
      refused.push({ name: file.name, refusal: { reason: 'too-large', maxBytes: MAX_RESULT_BYTES } });
      continue;
    }
    const over = admit(file.bytes.length);
    if (over) {
      stopped = over;
      refused.push({ name: file.name, refusal: over });
      continue;
    }
    addText(file.name, file.bytes);
  }
  return { files, refused };
}

/**
 * Unpacks a zip's .json entries, deciding on each from the sizes the archive declares before it is inflated (the
 * inflater writes into a buffer of the declared size and no further, so a lie only truncates the entry, which
 * then fails as JSON). Returns the refusal that stops the whole import when the caps are reached.
 */
function openZip(
  file: GivenFile,
  admit: (size: number) => BundleRefusal | null,
  addText: (name: string, bytes: Uint8Array) => void,
  refused: RefusedFile[],
): BundleRefusal | null {
  const order: string[] = [];
  let over: BundleRefusal | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        if (over || entry.name.endsWith('/') || isClutter(entry.name)) return false;
        const name = `${file.name} › ${entry.name}`;
        if (/\.zip$/i.test(entry.name)) {
          refused.push({ name, refusal: { reason: 'zip-in-zip' } });
          return false;
        }
        if (!isJson(entry.name)) {
          refused.push({ name, refusal: { reason: 'not-results-file' } });
          return false;
        }
        if (entry.originalSize > MAX_RESULT_BYTES) {
          refused.push({ name, refusal: { reason: 'too-large', maxBytes: MAX_RESULT_BYTES } });
          return false;
        }
        over = admit(entry.originalSize);
        if (over) return false;
        order.push(entry.name);
        return true;
      },
    });
  } catch {
    // Not a zip, or a damaged one: nothing of it is imported, the rest of the import goes on.
    return { reason: 'bad-zip' };
  }
  for (const name of order) {
    const bytes = entries[name];
    if (bytes) addText(`${file.name} › ${name}`, bytes);
  }
  return over;
}
