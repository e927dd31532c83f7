import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, findBrowser, type BrowserSearch } from './browser';

const BUNDLED = '/tmp/chromium';
const CHROME = '/usr/bin/google-chrome-stable';

function search(files: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): BrowserSearch & { unpacked: () => number } {
  let unpacked = 0;
  return {
    env,
    platform,
    exists: (path) => files.includes(path),
    bundled: async () => {
      unpacked++;
      return BUNDLED;
    },
    unpacked: () => unpacked,
  };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, over every installed browser', async () => {
    const found = await findBrowser(search(['/opt/my/chromium', DEBIAN_CHROMIUM, CHROME], { CHROMIUM_PATH: '/opt/my/chromium' }));
    expect(found).toEqual({ executablePath: '/opt/my/chromium', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that is not there rather than quietly driving another browser', async () => {
    await expect(findBrowser(search([DEBIAN_CHROMIUM], { CHROMIUM_PATH: '/nowhere/chromium' }))).rejects.toThrow('CHROMIUM_PATH is /nowhere/chromium, and there is no such file.');
  });

  it("then Debian's Chromium, then an installed Chrome", async () => {
    expect(await findBrowser(search([DEBIAN_CHROMIUM, CHROME]))).toEqual({ executablePath: DEBIAN_CHROMIUM, source: 'Debian Chromium' });
    expect(await findBrowser(search(['/opt/google/chrome/chrome']))).toEqual({ executablePath: '/opt/google/chrome/chrome', source: 'installed Chrome' });
  });

  it('unpacks the bundled Chromium only when nothing is installed', async () => {
    const installed = search([DEBIAN_CHROMIUM]);
    await findBrowser(installed);
    expect(installed.unpacked()).toBe(0);
    const bare = search([]);
    expect(await findBrowser(bare)).toEqual({ executablePath: BUNDLED, source: '@sparticuz/chromium' });
    expect(bare.unpacked()).toBe(1);
  });

  it('uses the bundled Chromium when asked to, even with a browser installed', async () => {
    expect(await findBrowser(search([DEBIAN_CHROMIUM, CHROME], { LISEUSE_TEST_BROWSER: 'bundled' }))).toEqual({ executablePath: BUNDLED, source: '@sparticuz/chromium' });
    await expect(findBrowser(search([DEBIAN_CHROMIUM], { LISEUSE_TEST_BROWSER: 'chrome' }))).rejects.toThrow('LISEUSE_TEST_BROWSER may only be "bundled"');
  });

  it('finds Chrome where its installers put it on Windows and macOS, and says what to do where none is', async () => {
    const windowsChrome = join('C:/Users/ana/AppData/Local', 'Google', 'Chrome', 'Application', 'chrome.exe');
    const windows = { PROGRAMFILES: 'C:/Program Files', LOCALAPPDATA: 'C:/Users/ana/AppData/Local' };
    expect(await findBrowser(search([windowsChrome], windows, 'win32'))).toEqual({ executablePath: windowsChrome, source: 'installed Chrome' });
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(await findBrowser(search([mac], {}, 'darwin'))).toEqual({ executablePath: mac, source: 'installed Chrome' });
    await expect(findBrowser(search([DEBIAN_CHROMIUM], {}, 'darwin'))).rejects.toThrow('set CHROMIUM_PATH');
  });
});
