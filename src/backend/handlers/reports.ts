import type { HandlersOf } from '../../shared/contract/call';
import type { reportCalls } from '../../shared/contract/reports';
import type { Services } from './services';

export function reportHandlers({ reports }: Services): HandlersOf<typeof reportCalls> {
  return {
    'reports:class': ({ lessonId }) => reports.classReport(lessonId),
    'reports:learner': ({ lessonId, learnerId }) => reports.learnerReport(lessonId, learnerId),
    'reports:export': ({ teacherToken: _checked, ...request }) => reports.export(request),
  };
}
