// Chromium driven with playwright-core, the one the end-to-end tests drive, with the in-page clock (probe.js).
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../test/support/browser';
import { watchCalls } from '../../test/support/calls';

const PROBE = join(import.meta.dirname, 'probe.js');

export async function launchChromium(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  watchCalls(page);
  return page;
}

// The probe is called through strings: functions handed to page.evaluate would be serialised after tsx's
// transform, which may wrap them in helpers that do not exist in the page.
function probe<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.__liseuseBench.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<T>;
}

export interface ClickTiming {
  start: number;
  painted: number;
}

/** Times from the next click on `clickSelector` to the first paint with `selector` visible; `click` makes the click. */
export async function timeClick(page: Page, clickSelector: string, selector: string, click: () => Promise<void>): Promise<ClickTiming> {
  await probe(page, 'arm', clickSelector, selector);
  await click();
  return probe<ClickTiming>(page, 'result');
}

/** Painted time, from navigation start, of the selector named in the page's ?bench-first-visible= parameter. */
export function firstVisible(page: Page): Promise<number> {
  return probe<number>(page, 'firstVisible');
}

export function lastRequest(page: Page, urlPart: string): Promise<{ start: number; end: number; bytes: number } | null> {
  return probe(page, 'lastRequest', urlPart);
}

/** Round trips of the call `name` from the page over the app's WebSocket, one input after the other. */
export function callFromPage(page: Page, token: string, name: string, inputs: unknown[]): Promise<number[]> {
  return probe<number[]>(page, 'call', token, name, inputs);
}

export function postFromPage(page: Page, path: string, token: string, bodies: unknown[]): Promise<number[]> {
  return probe<number[]>(page, 'post', path, token, bodies);
}
