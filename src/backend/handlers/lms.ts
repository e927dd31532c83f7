import type { HandlersOf } from '../../shared/contract/call';
import type { lmsCalls } from '../../shared/contract/lms';
import type { Services } from './services';

export function lmsHandlers({ lms }: Services): HandlersOf<typeof lmsCalls> {
  return {
    'lms:exportQuiz': ({ lessonId, format }) => lms.exportQuiz(lessonId, format),
    'lms:exportSettings': () => lms.settings(),
    'lms:setExportSettings': ({ csvLocale }) => lms.setCsvLocale(csvLocale),
  };
}
