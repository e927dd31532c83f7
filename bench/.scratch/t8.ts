import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../rows/server';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const t = performance.now();
try { console.log(seed(join(work, 'd')), performance.now() - t); } finally { rmSync(work, { recursive: true, force: true }); }
