// Which Chromium the end-to-end tests and the benchmarks drive, and how they launch it. In order: CHROMIUM_PATH,
// Debian's /usr/bin/chromium, an installed Chrome, and else the Chromium that the devDependency @sparticuz/chromium
// carries compressed in its npm tarball (Linux x64), so `npm install && npm test` needs no system browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Flags every launch uses: no sandbox inside containers, and no background traffic to time or to fail on. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Set to `bundled` to skip the browsers installed on the machine and use @sparticuz/chromium's. */
export const BROWSER_CHOICE_VARIABLE = 'LISEUSE_TEST_BROWSER';

export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, for the line the tests print. */
  source: 'CHROMIUM_PATH' | 'Debian Chromium' | 'installed Chrome' | '@sparticuz/chromium';
}

export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Unpacks @sparticuz/chromium's browser (into the temporary folder, once) and gives its path. */
  bundled: () => Promise<string>;
}

/** Google Chrome where its installers put it. */
export function chromePaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform === 'win32') {
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return ['/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/opt/google/chrome/chrome'];
}

// Imported only when it is needed: unpacking its browser takes seconds and about 200 MB of the temporary folder.
const SPARTICUZ = '@sparticuz/chromium';
async function sparticuzChromium(): Promise<string> {
  const { default: chromium } = (await import(SPARTICUZ)) as { default: { executablePath(): Promise<string> } };
  return chromium.executablePath();
}

const machine: BrowserSearch = { env: process.env, platform: process.platform, exists: existsSync, bundled: sparticuzChromium };

export async function findBrowser(search: BrowserSearch = machine): Promise<FoundBrowser> {
  const { env, platform, exists } = search;
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!exists(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, and there is no such file.`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH' };
  }
  const choice = env[BROWSER_CHOICE_VARIABLE];
  if (choice !== undefined && choice !== 'bundled') throw new Error(`${BROWSER_CHOICE_VARIABLE} may only be "bundled"; it is "${choice}".`);
  if (choice !== 'bundled') {
    if (platform === 'linux' && exists(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'Debian Chromium' };
    const chrome = chromePaths(platform, env).find(exists);
    if (chrome) return { executablePath: chrome, source: 'installed Chrome' };
  }
  if (platform !== 'linux') {
    throw new Error('No Chromium or Chrome found: install Google Chrome, or set CHROMIUM_PATH to a Chromium-based browser.');
  }
  return { executablePath: await search.bundled(), source: '@sparticuz/chromium' };
}
