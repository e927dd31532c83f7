import type { HandlersOf } from '../../shared/contract/call';
import type { progressCalls } from '../../shared/contract/progress';
import type { Services } from './services';

export function progressHandlers({ progress }: Services): HandlersOf<typeof progressCalls> {
  return {
    'progress:get': ({ learnerId }) => progress.of(learnerId),
  };
}
