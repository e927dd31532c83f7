// The packaged app's Electron fuses, read from the electron-builder config that `npm run dist` uses: the binary
// cannot be built here, so the config is what can be checked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml ships no type declarations: required, with the one signature this test uses.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const config = load(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };

describe('electron-builder config: Electron fuses', () => {
  it('the app cannot be run as plain Node, nor given Node options or a debugger from outside', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('only code from the app.asar, checked against its embedded hash, is loaded', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('file:// pages get no privileges beyond a browser’s (the app is served from app://)', () => {
    expect(config.electronFuses).toMatchObject({ grantFileProtocolExtraPrivileges: false });
  });
});
