// `npm start`: the desktop app when Electron's binary is here; otherwise one clear line and browser mode.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-binary.mjs';
import { ensureElectronBinding } from './electron-native.mjs';
import { build, serve } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electron = findElectron();

if ('missing' in electron) {
  console.log(`Electron is not available here (${electron.missing}); starting Liseuse in browser mode instead.`);
  serve();
} else {
  const binding = ensureElectronBinding({ electronPath: electron.path });
  build();
  const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, LISEUSE_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}
