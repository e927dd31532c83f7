import type { HandlersOf } from '../../shared/contract/call';
import type { reportCalls } from '../../shared/contract/reports';
import type { Services } from './services';

export function reportHandlers({ reports, acceptedAnswers, lrsReports }: Services): HandlersOf<typeof reportCalls> {
  return {
    'reports:class': ({ lessonId, lessonVersion }) => reports.classReport(lessonId, lessonVersion),
    'reports:learner': ({ lessonId, learnerId, lessonVersion }) => reports.learnerReport(lessonId, learnerId, lessonVersion),
    'reports:responses': ({ lessonId, questionId }) => acceptedAnswers.responses(lessonId, questionId),
    'reports:decideAnswer': ({ lessonId, questionId, text, accept }) => acceptedAnswers.decide(lessonId, questionId, text, accept),
    'reports:export': ({ teacherToken: _checked, ...request }) => reports.export(request),
    'reports:classFromLrs': ({ lessonId, lessonVersion }) => lrsReports.classReport(lessonId, lessonVersion),
  };
}
