import type { HandlersOf } from '../../shared/contract/call';
import type { learnerCalls } from '../../shared/contract/learners';
import type { Services } from './services';

export function learnerHandlers({ learners }: Services): HandlersOf<typeof learnerCalls> {
  return {
    'learners:list': () => learners.list(),
    'learners:create': ({ name }) => learners.create(name),
    'learners:choose': ({ learnerId }) => learners.choose(learnerId),
    'learners:current': () => learners.current(),
    'learners:rename': ({ learnerId, name }) => learners.rename(learnerId, name),
    'learners:delete': ({ learnerId }) => learners.remove(learnerId),
  };
}
