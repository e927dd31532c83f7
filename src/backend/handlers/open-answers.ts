import type { HandlersOf } from '../../shared/contract/call';
import type { openAnswerCalls } from '../../shared/contract/open-answers';
import type { Services } from './services';

export function openAnswerHandlers({ openAnswers }: Services): HandlersOf<typeof openAnswerCalls> {
  return {
    'openAnswers:list': ({ lessonId }) => openAnswers.list(lessonId),
    'openAnswers:grade': ({ answerId, score, comment }) => openAnswers.grade(answerId, score, comment),
  };
}
