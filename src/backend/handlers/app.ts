import type { HandlersOf } from '../../shared/contract/call';
import type { AppInfo, appCalls } from '../../shared/contract/app';

export function appHandlers(info: AppInfo): HandlersOf<typeof appCalls> {
  return {
    'app:info': () => info,
  };
}
