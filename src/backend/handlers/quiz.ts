import type { HandlersOf } from '../../shared/contract/call';
import type { quizCalls } from '../../shared/contract/quiz';
import type { Services } from './services';

export function quizHandlers({ quiz }: Services): HandlersOf<typeof quizCalls> {
  return {
    'quiz:overview': ({ learnerId, lessonId }) => quiz.overview(learnerId, lessonId),
    'quiz:start': ({ learnerId, lessonId, kind }) => quiz.start(learnerId, lessonId, kind),
    'quiz:attempt': ({ learnerId, attemptId }) => quiz.attempt(learnerId, attemptId),
    'quiz:answer': ({ learnerId, attemptId, questionId, answer, timeMs, secondTryOnNearMiss }) =>
      quiz.answer(learnerId, attemptId, questionId, answer, timeMs, secondTryOnNearMiss ?? false),
    'quiz:glossSettings': () => quiz.glossSettings(),
    'quiz:setGlosses': ({ lessonId, kind, shown }) => quiz.setGlosses(lessonId, kind, shown),
    'quiz:practise': ({ learnerId, attemptId, questionId, answer }) => quiz.practise(learnerId, attemptId, questionId, answer),
  };
}
