// What any page of the app may ask about the app itself.
import { returns, type Table } from './call';
import { Nothing, type InterfaceLanguage } from './fields';

/** Something the user must be told at start-up, such as a damaged database that was restored from a backup. */
export interface StartupNotice {
  kind: 'restored' | 'reset' | 'backup_failed';
  message: string;
}

/** No paths here: the data folder's path names the OS user, and only the teacher area is told it (`teacher:info`). */
export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  notice: StartupNotice | null;
  /**
   * The language of this computer's teacher area and exports, and of every learner who has not chosen one; null
   * until the teacher chooses, when the system's language is used.
   */
  language: InterfaceLanguage | null;
}

export const appCalls = {
  'app:info': returns<AppInfo>()(Nothing),
} satisfies Table;
