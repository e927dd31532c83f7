// Which compiled better-sqlite3 Electron loads. node_modules keeps the build for Node's ABI (tests, browser
// mode); Electron needs its own, built by scripts/electron-native.mjs next to it. See README, "Native module".
import { join } from 'node:path';

export const BINDING_FILE = 'better_sqlite3.node';

export function electronBindingPath(options: { isPackaged: boolean; resourcesPath: string; env: NodeJS.ProcessEnv }): string | undefined {
  if (options.isPackaged) return join(options.resourcesPath, 'native', BINDING_FILE);
  return options.env.LISEUSE_SQLITE_BINDING || undefined;
}
