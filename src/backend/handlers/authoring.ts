import type { authoringCalls } from '../../shared/contract/authoring';
import type { HandlersOf } from '../../shared/contract/call';
import { readTextFile } from '../import/read-file';
import type { Services } from './services';

export function authoringHandlers({ authoring, packs }: Services): HandlersOf<typeof authoringCalls> {
  return {
    'authoring:list': () => authoring.list(),
    'authoring:create': ({ teacherToken: _, ...lesson }) => authoring.create(lesson),
    'authoring:get': ({ lessonId }) => authoring.get(lessonId),
    'authoring:saveDetails': ({ teacherToken: _, lessonId, revision, ...details }) => authoring.saveDetails(lessonId, revision, details),
    'authoring:saveGlosses': ({ teacherToken: _, lessonId, revision, ...patch }) => authoring.saveGlosses(lessonId, revision, patch),
    'authoring:saveTranslations': ({ lessonId, revision, translations }) => authoring.saveTranslations(lessonId, revision, translations),
    'authoring:saveQuiz': ({ lessonId, revision, quiz }) => authoring.saveQuiz(lessonId, revision, quiz),
    'authoring:validate': ({ lessonId }) => authoring.validate(lessonId),
    'authoring:publish': ({ lessonId, revision }) => authoring.publish(lessonId, revision),
    'authoring:editPublished': ({ lessonId }) => authoring.editPublished(lessonId),
    'authoring:archive': ({ lessonId }) => authoring.archive(lessonId),
    'authoring:exportPack': ({ lessonId, version }) => packs.exportPack(lessonId, version),
    'authoring:importPack': ({ fileName, base64 }) => packs.importPack(fileName, base64),
    'authoring:readFile': ({ fileName, bytes, chapters }, { signal }) => readTextFile(fileName, Buffer.from(bytes, 'base64'), chapters, signal),
  };
}
