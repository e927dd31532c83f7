// The morphology index on disk (resources/dictionary, extraResources "dictionary" when packaged), opened once on
// first use and kept: opening reads 13 MB and parses nothing (see core/glossing/morphology.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MorphologyFileError, openMorphology } from '../../core/glossing/morphology';
import type { Morphology } from '../../core/glossing/types';

export const MORPHOLOGY_FILE_NAME = 'morphology.lefff.bin';

const opened = new Map<string, Morphology>();

/** The index in `dictionaryDir`; throws MorphologyFileError naming the file when it is missing or damaged. */
export function morphologyIn(dictionaryDir: string): Morphology {
  const known = opened.get(dictionaryDir);
  if (known) return known;
  const file = join(dictionaryDir, MORPHOLOGY_FILE_NAME);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new MorphologyFileError(`${file} cannot be read (built by scripts/build-morphology.mjs at install)`);
  }
  const morphology = openMorphology(bytes);
  opened.set(dictionaryDir, morphology);
  return morphology;
}
