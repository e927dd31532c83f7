import type { HandlersOf } from '../../shared/contract/call';
import type { lessonCalls } from '../../shared/contract/lessons';
import type { Services } from './services';

export function lessonHandlers({ lessons }: Services): HandlersOf<typeof lessonCalls> {
  return {
    'lessons:list': () => lessons.library(),
    'lessons:get': ({ lessonId }) => lessons.wire(lessonId),
    'lessons:part': ({ lessonId, part }) => lessons.wirePart(lessonId, part),
  };
}
