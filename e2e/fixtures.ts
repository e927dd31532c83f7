// Each test gets its own data folder and its own Liseuse. Browser target (default): the real browser-mode
// server, driven in Chromium. Electron target (E2E_TARGET=electron, where Electron's binary exists): the
// desktop app through Playwright's _electron. Specs only see `liseuse` and never care which.
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { watchCalls } from '../test/support/calls';
import { startServerProcess } from '../test/support/server';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET = process.env.E2E_TARGET === 'electron' ? 'electron' : 'browser';

export interface Liseuse {
  page: Page;
  dataDir: string;
  /** Stops the app (as a user quitting it, or with SIGKILL) and starts it again on the same data folder. */
  restart(options?: { kill?: boolean }): Promise<void>;
  stop(options?: { kill?: boolean }): Promise<void>;
  start(): Promise<void>;
}

interface Running {
  stop(kill: boolean): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv, page: Page): Promise<Running> {
  const server = await startServerProcess(env);
  await page.goto(`${server.origin}#token=${server.token}`);
  return { stop: (kill) => server.stop(kill ? 'SIGKILL' : 'SIGTERM') };
}

export const test = base.extend<{ liseuse: Liseuse; lessonsDir: string | undefined }>({
  /** A lessons folder other than the app's own resources/lessons, for specs that need other lessons. */
  lessonsDir: [undefined, { option: true }],
  liseuse: async ({ page, browser, lessonsDir }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-e2e-'));
    const env: NodeJS.ProcessEnv = { ...process.env, LISEUSE_DATA_DIR: dataDir, ...(lessonsDir ? { LISEUSE_LESSONS_DIR: lessonsDir } : {}) };
    let running: Running | undefined;
    const liseuse: Liseuse = {
      page,
      dataDir,
      async start() {
        if (TARGET === 'electron') {
          const app = await _electron.launch({ args: [join(ROOT, 'out', 'main', 'index.js')], env: env as Record<string, string> });
          liseuse.page = await app.firstWindow();
          running = { stop: async () => app.close() };
        } else {
          running = await startServer(env, liseuse.page);
        }
      },
      async stop(options) {
        await running?.stop(options?.kill ?? false);
        running = undefined;
      },
      async restart(options) {
        await liseuse.stop(options);
        await liseuse.start();
      },
    };
    void browser;
    watchCalls(page);
    await liseuse.start();
    await use(liseuse);
    await liseuse.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** WCAG 2.2 A/AA with axe-core; every screen's spec calls it. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export { expect };
