import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../rows/server';
import { memoryOf, startApp } from '../lib/app';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const dataDir = join(work, 'd');
try {
  console.log(seed(dataDir));
  process.env.NODE_OPTIONS = '--heapsnapshot-signal=SIGUSR2';
  process.chdir(work);
  const app = await startApp({ dataDir });
  console.log('idle', memoryOf(app.pid));
  await app.call('lessons:list');
  const ls = await app.call<{ id: string }[]>('learners:list');
  for (const l of ls) await app.call('quiz:overview', { learnerId: l.id, lessonId: 'kim-russie' });
  console.log('after', memoryOf(app.pid));
  process.kill(app.pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 8000));
  console.log('after heap snapshot (full GC)', memoryOf(app.pid), readdirSync(work));
  await app.stop();
} finally { rmSync(work, { recursive: true, force: true }); }
