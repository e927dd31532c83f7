// The one application window, locked down: sandboxed, isolated, no navigation, no new windows, no permissions.
import { app, BrowserWindow, screen, type Session } from 'electron';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ENTRY, isTrustedSenderUrl, secureWebPreferences } from './security';
import { parseWindowState, restoreBounds, type WindowState } from './window-state';

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function createMainWindow(options: { preload: string; userData: string }): BrowserWindow {
  const stateFile = join(options.userData, 'window-state.json');
  let saved: WindowState | undefined;
  try {
    saved = parseWindowState(readFileSync(stateFile, 'utf8'));
  } catch {
    saved = undefined;
  }
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Liseuse',
    backgroundColor: '#fbfaf7',
    webPreferences: secureWebPreferences(options.preload, { packaged: app.isPackaged }),
  });
  if (saved?.maximized) window.maximize();

  const { webContents } = window;
  webContents.on('will-navigate', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(`${stateFile}.tmp`, JSON.stringify(state));
      renameSync(`${stateFile}.tmp`, stateFile);
    } catch {
      // Losing a window position is not worth an error dialog.
    }
  });
  void window.loadURL(APP_ENTRY);
  return window;
}
