// The bundled French–English dictionary (resources/dictionary/fr-en.tsv.gz, built by scripts/build-dictionary.ts),
// opened lazily once: the first import that needs senses pays for it, a learner who only reads never does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DictionaryDataError, parseDictionary } from '../core/glossing/dictionary-data';
import { createSenses, type Senses } from '../core/glossing/senses';
import { AppError } from '../shared/errors';

export const DICTIONARY_FILE_NAME = 'fr-en.tsv.gz';

/**
 * Where the dictionary sits beside the lessons folder: resources/dictionary in a checkout, and
 * process.resourcesPath/dictionary when packaged (electron-builder.yml copies it there, as it does lessons).
 * LISEUSE_DICTIONARY_FILE names another file (a lessons folder elsewhere does not move the dictionary).
 */
export function dictionaryFile(lessonsDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.LISEUSE_DICTIONARY_FILE ?? join(dirname(lessonsDir), 'dictionary', DICTIONARY_FILE_NAME);
}

/** Reads, decompresses and checks the file; a missing or damaged file is a named error, never a half dictionary. */
export function openDictionary(file: string): Senses {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw AppError.because('not_found', 'dictionaryMissing', { file });
  }
  try {
    return createSenses(parseDictionary(gunzipSync(bytes).toString('utf8')));
  } catch (error) {
    const facts = error instanceof DictionaryDataError ? error.facts : ({ problem: 'notGzip' } as const);
    throw AppError.because('internal', 'dictionaryDamaged', { file, ...facts });
  }
}

/** The dictionary opened on first use and kept; a failed open is retried next time (the file may come back). */
export function lazyDictionary(file: string): () => Senses {
  let senses: Senses | undefined;
  return () => (senses ??= openDictionary(file));
}
