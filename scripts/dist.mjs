// `npm run dist [-- electron-builder args]`: installers for the platform this runs on (`npm run dist -- --linux`,
// `-- --win`, `-- --mac`, or nothing for this platform's default targets). Needs Electron's binary and network.
// Ships better-sqlite3 built for Electron's ABI as resources/native/better_sqlite3.node (electron-builder.yml
// sets npmRebuild: false); see README, "Native module".
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-binary.mjs';
import { ensureElectronBinding } from './electron-native.mjs';
import { makeIcon } from './make-icon.mjs';
import { build } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function fail(message) {
  console.error(`npm run dist: ${message}`);
  process.exit(1);
}

// The native module is built for this machine only: refuse to package it for another platform or architecture.
const PLATFORMS = {
  darwin: { name: 'macOS', flags: ['--mac', '--macos', 'm', 'o'] },
  linux: { name: 'Linux', flags: ['--linux', 'l'] },
  win32: { name: 'Windows', flags: ['--win', '--windows', 'w'] },
};
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal'];
const here = `${process.platform}-${process.arch}`;
for (const arg of args) {
  const flags = /^-[a-z]+$/i.test(arg) ? [...arg.slice(1)] : [arg]; // short flags may be combined: -lw
  for (const [platform, { name, flags: names }] of Object.entries(PLATFORMS)) {
    if (platform !== process.platform && flags.some((flag) => names.includes(flag))) {
      fail(`${arg} asks for ${name}, but better-sqlite3 can only be built for this machine (${here}): run npm run dist on ${name}.`);
    }
  }
  const electronArch = process.arch === 'arm' ? 'armv7l' : process.arch;
  if (ARCH_FLAGS.includes(arg) && arg !== `--${electronArch}`) {
    fail(`${arg} asks for another architecture, but better-sqlite3 can only be built for this machine (${here}).`);
  }
}

const electron = findElectron();
if ('missing' in electron) fail(`packaging needs Electron's binary and network access, and Electron is not available here (${electron.missing}).`);

let binding;
try {
  binding = ensureElectronBinding({ electronPath: electron.path });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

build();

const nativeDir = join(root, 'build', 'native');
rmSync(nativeDir, { recursive: true, force: true });
mkdirSync(nativeDir, { recursive: true });
copyFileSync(binding, join(nativeDir, 'better_sqlite3.node')); // BINDING_FILE in src/main/native-binding.ts
makeIcon(join(root, 'build', 'icon.png'));

const builder = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', ...args], {
  cwd: root,
  stdio: 'inherit',
});
if (builder.error) fail(`electron-builder could not start: ${builder.error.message}`);
process.exit(builder.status ?? 1);
