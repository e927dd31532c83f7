// Finds Electron's binary, downloading it once if the npm package came without it; or says in a few words why
// there is none (offline or locked-down machines cannot fetch it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function installedPath(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** @returns {{ path: string } | { missing: string }} */
export function findElectron() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed; run npm install' };
  }
  const found = installedPath(packageDir);
  if (found) return { path: found };
  // Electron's own installer, quietly and with a time limit: it fails at once when the network is closed.
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
  const downloaded = result.status === 0 ? installedPath(packageDir) : undefined;
  return downloaded ? { path: downloaded } : { missing: 'its binary could not be downloaded' };
}
