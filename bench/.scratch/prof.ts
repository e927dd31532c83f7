import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLesson } from '../../src/core/lesson';
import { launchChromium, newPage, timeClick } from '../lib/browser';
import { ARTICLE_DIR, readLessonFiles, repeatLesson, writeLessonFolder } from '../lib/lessons';
import { cpSync } from 'node:fs';
const work = mkdtempSync(join(tmpdir(), 'lp-'));
const lessonsDir = join(work, 'lessons');
cpSync(ARTICLE_DIR, join(lessonsDir, 'kim-russie'), { recursive: true });
const art = readLessonFiles(ARTICLE_DIR);
const copies = Math.ceil(20000 / loadLesson(art).wordCount);
writeLessonFolder(lessonsDir, 'bench-long', repeatLesson(art, copies, 'bench-long', 'LONG'));
const child = spawn(process.execPath, [join(import.meta.dirname, 'prof/out/main/server.js')], { env: { ...process.env, LISEUSE_DATA_DIR: join(work, 'd'), LISEUSE_LESSONS_DIR: lessonsDir, LISEUSE_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((r) => { let s = ''; child.stdout!.on('data', (c: Buffer) => { s += c; const m = /ready: (\S+)/.exec(s); if (m) r(m[1]!); }); });
const [origin, token] = url.split('#token=') as [string, string];
const call = async (n: string, i: unknown) => ((await (await fetch(`${origin}api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Liseuse-Token': token }, body: JSON.stringify(i) })).json()) as { value: { id: string } }).value;
const l = await call('learners:create', { name: 'P' }); await call('learners:choose', { learnerId: l.id });
const browser = await launchChromium();
const page = await newPage(browser);
await page.goto(url);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const which = process.argv[2] ?? 'LONG';
for (let run = 0; run < 3; run++) {
  await page.reload(); await page.waitForLoadState('networkidle');
  const read = page.getByRole('article', { name: which, exact: true }).getByRole('button', { name: 'Read', exact: true });
  await read.waitFor();
  const before = (await cdp.send('Performance.getMetrics')).metrics;
  if (run === 2) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  const t = await timeClick(page, 'button', 'button.word', () => read.click());
  const after = (await cdp.send('Performance.getMetrics')).metrics;
  const m = (arr: typeof before, n: string) => arr.find((x) => x.name === n)?.value ?? 0;
  console.log('run', run, 'ms', (t.painted - t.start).toFixed(0), ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration', 'Nodes'].map((n) => `${n}=${n === 'Nodes' ? m(after, n) : ((m(after, n) - m(before, n)) * 1000).toFixed(0)}`).join(' '));
  if (run === 2) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/reader.cpuprofile', JSON.stringify(profile)); }
}
// gloss open profile
const cdp2 = cdp;
for (let run = 0; run < 6; run++) {
  const word = page.locator('button.word').nth(run * 7);
  const before = (await cdp2.send('Performance.getMetrics')).metrics;
  if (run === 5) { await cdp.send('Profiler.start'); }
  const lookup = page.waitForResponse((r) => r.url().includes('reading:lookup'));
  const t = await timeClick(page, 'button.word', '[data-testid="gloss-card"]', () => word.click());
  const after = (await cdp2.send('Performance.getMetrics')).metrics;
  if (run === 5) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/gloss.cpuprofile', JSON.stringify(profile)); }
  const m = (arr: typeof before, n: string) => arr.find((x) => x.name === n)?.value ?? 0;
  console.log('gloss', run, (t.painted - t.start).toFixed(1), ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'].map((n) => `${n}=${((m(after, n) - m(before, n)) * 1000).toFixed(0)}`).join(' '));
  await lookup; await page.keyboard.press('Escape'); await page.locator('[data-testid="gloss-card"]').waitFor({ state: 'detached' });
}
await browser.close(); child.kill();
