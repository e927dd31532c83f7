import type { HandlersOf } from '../../shared/contract/call';
import type { lrsCalls } from '../../shared/contract/lrs';
import type { Services } from './services';

export function lrsHandlers({ lrs }: Services): HandlersOf<typeof lrsCalls> {
  return {
    'lrs:settings': () => lrs.settings(),
    'lrs:save': ({ endpoint, username, secret, namesShown }) => lrs.save({ endpoint, username, secret, namesShown }),
    'lrs:forget': () => lrs.forget(),
    'lrs:test': () => lrs.test(),
    'lrs:queue': () => lrs.queue(),
    'lrs:syncNow': () => lrs.syncNow(),
  };
}
