import type { HandlersOf } from '../../shared/contract/call';
import type { lessonImportCalls } from '../../shared/contract/lesson-import';
import { readTextFile } from '../import/read-file';

export function lessonImportHandlers(): HandlersOf<typeof lessonImportCalls> {
  return {
    'authoring:readFile': ({ fileName, bytes, chapters }) => readTextFile(fileName, Buffer.from(bytes, 'base64'), chapters),
  };
}
