import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './test/support/browser';

// Playwright loads this file in its runner and again in every worker: the first finder unpacks the bundled
// Chromium when it is the one used, the others find it unpacked.
const browser = await findBrowser();
if (!process.env.TEST_WORKER_INDEX) console.log(`End-to-end browser: ${browser.executablePath} (${browser.source})`);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // axe-core over a page of a few hundred word buttons takes seconds, and CI machines are shared: a generous
  // ceiling, never a timing assertion.
  timeout: 180_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: browser.executablePath,
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1200, height: 900 },
    trace: 'retain-on-failure',
  },
});
