// The glossing's offline sources for the backend: the morphology index and the French–English dictionary, each
// opened on the first draft that needs them and kept (their open cost is a bench row, bench/rows/dictionary.ts).
import { join } from 'node:path';
import type { GlossSources } from '../../core/glossing/auto-gloss';
import { MorphologyFileError } from '../../core/glossing/morphology';
import { AppError } from '../../shared/errors';
import { DICTIONARY_FILE_NAME, lazyDictionary } from '../dictionary';
import { morphologyIn } from './morphology-file';

export type DictionarySources = () => Omit<GlossSources, 'house'>;

/** Both sources from one folder (resources/dictionary); a missing or damaged file is a named error each time. */
export function lazyGlossSources(dictionaryDir: string, dictionaryFile = join(dictionaryDir, DICTIONARY_FILE_NAME)): DictionarySources {
  const senses = lazyDictionary(dictionaryFile);
  return () => {
    try {
      return { morphology: morphologyIn(dictionaryDir), senses: senses() };
    } catch (error) {
      if (error instanceof MorphologyFileError) throw new AppError('internal', `The French morphology cannot be opened (${error.message}); reinstall Liseuse to get it back.`);
      throw error;
    }
  };
}
