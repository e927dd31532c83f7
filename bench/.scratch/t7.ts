import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryRow } from '../rows/server';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
try { const r = await memoryRow(work); console.log(r.value, JSON.stringify(r.details)); } finally { rmSync(work, { recursive: true, force: true }); }
