// Builds (once per Electron version) a copy of better-sqlite3's native module for Electron's ABI, next to the
// Node build that stays in node_modules for `npm test`. `npm start` passes its path to the main process;
// `npm run dist` ships it in resources/native. See README, "Native module".
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export function electronVersion() {
  return require('electron/package.json').version;
}

export function electronBindingTarget(version = electronVersion()) {
  return join(root, '.cache', 'native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** Returns the path of an Electron-ABI better_sqlite3.node, building it if needed. Throws with a clear message. */
export function ensureElectronBinding({ electronPath, log = console.log } = {}) {
  const version = electronVersion();
  const target = electronBindingTarget(version);
  if (existsSync(target)) return target;

  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, '.cache', 'native', `work-${version}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });

  // node-gyp must fetch Electron's headers: drop any nodedir from the environment (this machine's npm sets one
  // for Node's headers, which would silently build for the wrong ABI — the mistake electron-builder's npmRebuild makes).
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  log(`Building better-sqlite3 for Electron ${version} (once)…`);
  try {
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`], { cwd: work, env, stdio: 'inherit' });
  } catch {
    execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit' });
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error('better-sqlite3 could not be built for Electron: no binary was produced.');

  if (electronPath) {
    // Prove the ABI before trusting it: load it inside Electron's own Node.
    execFileSync(electronPath, ['-e', `new (require(${JSON.stringify(source)}))(':memory:', { nativeBinding: ${JSON.stringify(built)} }).close()`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: 'inherit',
    });
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
