// The files inside a .docx or .epub (both are zip archives), read with every limit checked before anything is
// unpacked: the number of entries, the total size they declare (a zip bomb declares gigabytes, or lies: fflate
// then unpacks no more than was declared), and names that climb out of the archive ("../", "/etc", "C:").
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { MAX_ARCHIVE_ENTRIES, MAX_UNPACKED_BYTES, megabytes } from '../../core/import/limits';
import { refusals } from './refusals';

class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function unsafeName(name: string): boolean {
  const path = name.replace(/\\/g, '/');
  return path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..') || path.includes('\0');
}

/** What the archive holds, each file's bytes by its path; a bad archive is refused naming the file and why. */
export function readZip(bytes: Uint8Array, fileName: string, kind: string): Unzipped {
  let entries = 0;
  let declared = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        entries++;
        declared += file.originalSize;
        if (entries > MAX_ARCHIVE_ENTRIES) throw new Refused(`the archive holds more than ${MAX_ARCHIVE_ENTRIES.toLocaleString('en-GB')} files.`);
        if (declared > MAX_UNPACKED_BYTES)
          throw new Refused(`it would unpack to more than ${megabytes(MAX_UNPACKED_BYTES)} (a “zip bomb”), which no ${kind} of text needs.`);
        if (unsafeName(file.name)) throw new Refused(`the archive holds a file named “${file.name.slice(0, 80)}”, which points outside it.`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Refused) throw refusals.damaged(fileName, error.reason);
    throw refusals.damaged(fileName, `it is not a valid ${kind} (the zip archive inside is damaged or incomplete).`);
  }
}

/** The checked entries packed again (stored, not compressed): what a library that unzips by itself is given. */
export function repack(files: Unzipped): Uint8Array {
  return zipSync(files, { level: 0 });
}
