import type { HandlersOf } from '../../shared/contract/call';
import type { AppInfo, appCalls } from '../../shared/contract/app';

/** The notice can change while the app runs (a daily backup that failed), so the info is read at each call. */
export function appHandlers(info: () => AppInfo): HandlersOf<typeof appCalls> {
  return {
    'app:info': () => info(),
  };
}
