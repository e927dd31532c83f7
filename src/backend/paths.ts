// Where learner data lives when no one says otherwise: the same folder Electron's app.getPath('userData')
// gives for "Liseuse", so the desktop app and browser mode share one database.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Liseuse';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.LISEUSE_DATA_DIR) return env.LISEUSE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
