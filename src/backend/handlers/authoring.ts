import type { authoringCalls } from '../../shared/contract/authoring';
import type { HandlersOf } from '../../shared/contract/call';
import { readTextFile } from '../import/read-file';
import type { Services } from './services';

export function authoringHandlers({ authoring, draftPages, packs }: Services): HandlersOf<typeof authoringCalls> {
  return {
    'authoring:list': () => authoring.list(),
    'authoring:create': ({ teacherToken: _, ...lesson }) => draftPages.outline(authoring.create(lesson)),
    'authoring:get': ({ lessonId }) => draftPages.outline(lessonId),
    'authoring:glosses': ({ lessonId, first, end }) => draftPages.glosses(lessonId, first, end),
    'authoring:draftQuestions': ({ lessonId, generation, takenIds }) => ({ questions: draftPages.draftQuestions(lessonId, generation, takenIds) }),
    'authoring:saveDetails': ({ teacherToken: _, lessonId, revision, ...details }) => authoring.saveDetails(lessonId, revision, details),
    'authoring:saveGlosses': ({ teacherToken: _, lessonId, revision, ...patch }) => authoring.saveGlosses(lessonId, revision, patch),
    'authoring:saveTranslations': ({ lessonId, revision, translations }) => authoring.saveTranslations(lessonId, revision, translations),
    'authoring:saveQuiz': ({ lessonId, revision, quiz }) => authoring.saveQuiz(lessonId, revision, quiz),
    'authoring:validate': ({ lessonId }) => authoring.validate(lessonId),
    'authoring:publish': ({ lessonId, revision }) => authoring.publish(lessonId, revision),
    'authoring:editPublished': ({ lessonId }) => {
      authoring.editPublished(lessonId);
      return draftPages.outline(lessonId);
    },
    'authoring:archive': ({ lessonId }) => authoring.archive(lessonId),
    'authoring:exportPack': ({ lessonId, version }) => packs.exportPack(lessonId, version),
    'authoring:importPack': ({ fileName, base64 }) => packs.importPack(fileName, base64),
    'authoring:readFile': ({ fileName, bytes, chapters }, { signal }) => readTextFile(fileName, Buffer.from(bytes, 'base64'), chapters, signal),
  };
}
