// Electron lifecycle: one instance, the secure window, the contract over IPC, the backend in this process.
import { app, dialog, ipcMain, safeStorage, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../backend/backend';
import { registerContract } from './ipc/register';
import { saveWithDialog } from './save-file';
import { installMenu } from './menu';
import { electronBindingPath } from './native-binding';
import { registerSchemePrivileges, serveRenderer } from './protocol';
import { safeStorageCodec } from './lrs-secret';
import { enableSpeech } from './speech';
import { createMainWindow, lockDownSession } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));

if (process.env.LISEUSE_DATA_DIR) app.setPath('userData', process.env.LISEUSE_DATA_DIR);

registerSchemePrivileges();
enableSpeech(process.platform, app.commandLine);

let window: BrowserWindow | undefined;
let backend: Backend | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    const userData = app.getPath('userData');
    try {
      const nativeBinding = electronBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, env: process.env });
      backend = createBackend({
        dataDir: userData,
        // LISEUSE_LESSONS_DIR: another lessons folder, as in browser mode (end-to-end specs with generated lessons).
        lessonsDir:
          process.env.LISEUSE_LESSONS_DIR ?? (app.isPackaged ? join(process.resourcesPath, 'lessons') : join(app.getAppPath(), 'resources', 'lessons')),
        mode: 'electron',
        version: app.getVersion(),
        dailyBackup: true,
        secretCodec: safeStorageCodec(safeStorage),
        saveFile: saveWithDialog((options) => dialog.showSaveDialog(options), app.getPath('documents')),
        ...(nativeBinding ? { nativeBinding } : {}),
      });
    } catch (error) {
      dialog.showErrorBox('Liseuse cannot open its data', (error as Error).message);
      app.exit(1);
      return;
    }
    lockDownSession(session.defaultSession);
    registerContract(ipcMain, backend);
    serveRenderer(join(here, '..', 'renderer'));
    installMenu(process.platform === 'darwin');
    window = createMainWindow({ preload: join(here, '..', 'preload', 'index.cjs'), userData });
    window.on('closed', () => (window = undefined));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
}
