import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../rows/server';
import { memoryOf, startApp } from '../lib/app';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const dataDir = join(work, 'd');
try {
  seed(dataDir);
  const app = await startApp({ dataDir });
  console.log('idle', memoryOf(app.pid));
  await app.call('app:info'); console.log('after app:info', memoryOf(app.pid));
  await app.call('lessons:list'); console.log('after lessons:list', memoryOf(app.pid));
  const ls = await app.call<{ id: string }[]>('learners:list'); console.log('after learners:list', memoryOf(app.pid));
  let n = 0;
  for (const target of [1, 10, 100, 1000, 2000, 3000]) {
    for (; n < target; n++) await app.call('quiz:overview', { learnerId: ls[n % ls.length]!.id, lessonId: 'kim-russie' });
    console.log('after overview x', n, memoryOf(app.pid));
  }
  await app.stop();
} finally { rmSync(work, { recursive: true, force: true }); }
