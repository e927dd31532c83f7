// `npm run bench`: every benchmark in one go, one table on stdout, every sample in bench/results.json.
// Never part of `npm test`. Pass --no-build to measure out/ as it is, --only=browser for the reader's rows alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_JS } from '../test/support/server';
import { ROOT } from './lib/app';
import { formatTable, ratio, verdict, type Row } from './lib/table';
import { browserRows } from './rows/browser';
import { lessonLoadRow, tokenizeRow } from './rows/core';
import { dictionaryRows } from './rows/dictionary';
import { glossRow, morphologyOpenRow } from './rows/glossing';
import { memoryRow, startRow } from './rows/server';
import { reportRows } from './rows/reports';
import { importRows } from './rows/import';
import { rendererSizeRow } from './rows/renderer-size';
import { xapiRows } from './rows/xapi';
import { lrsReportRows } from './rows/lrs-report';
import { createRows } from './rows/authoring';

const began = performance.now();
/** Progress on stderr, with the seconds since the start, so stdout holds only the table. */
const log = (message: string): void => void process.stderr.write(`bench [${((performance.now() - began) / 1000).toFixed(0)} s]: ${message}\n`);

function newestIn(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds out/ when it is missing or older than src/: a benchmark of a stale build would measure other code. */
function ensureBuilt(): void {
  const index = join(ROOT, 'out', 'renderer', 'index.html');
  const built = existsSync(SERVER_JS) && existsSync(index);
  if (process.argv.includes('--no-build') && built) return;
  if (built && Math.min(statSync(SERVER_JS).mtimeMs, statSync(index).mtimeMs) >= newestIn(join(ROOT, 'src'))) return;
  log(built ? 'out/ is older than src/: building' : 'out/ is missing: building');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed');
}

function machine(chromium: string): { nproc: number; cpu: string; node: string; chromium: string; platform: string } {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return { nproc: availableParallelism(), cpu, node: process.version, chromium, platform: `${process.platform} ${process.arch}` };
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
  try {
    const browserOnly = process.argv.includes('--only=browser');
    log('core');
    const lessonLoad = browserOnly ? undefined : await lessonLoadRow();
    const tokenizing = browserOnly ? undefined : await tokenizeRow();
    log('dictionary (fresh processes)');
    const dictionary = browserOnly ? [] : dictionaryRows();
    log('glossing (issue 16)');
    const morphologyOpen = browserOnly ? undefined : await morphologyOpenRow();
    const glossing = browserOnly ? undefined : await glossRow();
    log('renderer size, backend start');
    const size = browserOnly ? undefined : rendererSizeRow();
    const start = browserOnly ? undefined : await startRow(work);
    log('browser (Chromium)');
    const browser = await browserRows(work);
    log('memory (seeding 100,000 attempts)');
    const memory = browserOnly ? undefined : await memoryRow(work);
    log('class report and import (issue 6)');
    const reports = browserOnly ? [] : await reportRows(work);
    log('opening a 100,000-word text (issue 16)');
    const imports = browserOnly ? [] : await importRows();
    log('xAPI sync to a local LRS (issue 17)');
    const xapi = browserOnly ? [] : await xapiRows(work);
    log('class report read back from a local LRS (issue 17)');
    const lrsReport = browserOnly ? [] : await lrsReportRows(work);
    log('a new draft of a 100,000-word text (issue 16)');
    const creates = browserOnly ? [] : await createRows();
    const [readerPaint, glossArticle, glossLong, firstReply, pageTurn, editorPaint, quizAnswer, hoverCalls] = browser.rows;
    const rows = [tokenizing, lessonLoad, ...dictionary, morphologyOpen, glossing, readerPaint, firstReply, pageTurn, editorPaint, glossArticle, glossLong, hoverCalls, quizAnswer, start, size, memory, ...reports, ...imports, ...xapi, ...lrsReport, ...creates].filter(
      (row): row is Row => row !== undefined,
    );

    const seconds = (performance.now() - began) / 1000;
    const loadAfter = loadavg()[0] ?? 0;
    const about = machine(browser.chromium);
    console.log(formatTable(rows));
    console.log(
      `\n${about.nproc} × ${about.cpu}, Node ${about.node}, Chromium ${about.chromium}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; ${seconds.toFixed(0)} s`,
    );
    if (Math.max(loadBefore, loadAfter) > about.nproc) log(`the machine was busy (load above ${about.nproc}): timings are inflated`);
    const results = {
      date: new Date().toISOString(),
      machine: about,
      loadAverage: { before: loadBefore, after: loadAfter },
      seconds,
      rows: rows.map((row) => ({ ...row, ratio: ratio(row), result: verdict(row) })),
    };
    if (!browserOnly) writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
