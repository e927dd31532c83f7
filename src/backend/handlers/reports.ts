import type { HandlersOf } from '../../shared/contract/call';
import type { reportCalls } from '../../shared/contract/reports';
import type { Services } from './services';

export function reportHandlers({ reports, acceptedAnswers }: Services): HandlersOf<typeof reportCalls> {
  return {
    'reports:class': ({ lessonId }) => reports.classReport(lessonId),
    'reports:learner': ({ lessonId, learnerId }) => reports.learnerReport(lessonId, learnerId),
    'reports:responses': ({ lessonId, questionId }) => acceptedAnswers.responses(lessonId, questionId),
    'reports:decideAnswer': ({ lessonId, questionId, text, accept }) => acceptedAnswers.decide(lessonId, questionId, text, accept),
    'reports:export': ({ teacherToken: _checked, ...request }) => reports.export(request),
  };
}
