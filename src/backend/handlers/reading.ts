import type { HandlersOf } from '../../shared/contract/call';
import type { readingCalls } from '../../shared/contract/reading';
import type { Services } from './services';

export function readingHandlers({ reading }: Services): HandlersOf<typeof readingCalls> {
  return {
    'reading:state': ({ learnerId, lessonId }) => reading.state(learnerId, lessonId),
    'reading:lookup': ({ learnerId, lessonId, token, paragraph }) => reading.lookup(learnerId, lessonId, token, paragraph),
    'reading:setStatus': ({ learnerId, lessonId, token, status }) => reading.setStatus(learnerId, lessonId, token, status),
    'reading:setStatuses': ({ learnerId, lessonId, tokens, status }) => reading.setStatuses(learnerId, lessonId, tokens, status),
    'reading:savePosition': ({ learnerId, lessonId, paragraph, token }) => reading.savePosition(learnerId, lessonId, paragraph, token),
    'reading:addTime': ({ learnerId, lessonId, seconds }) => reading.addTime(learnerId, lessonId, seconds),
    'settings:get': ({ learnerId }) => reading.getSettings(learnerId),
    'settings:set': ({ learnerId, settings }) => reading.setSettings(learnerId, settings),
  };
}
