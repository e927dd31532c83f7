import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserRows } from '../rows/browser';
import { formatTable } from '../lib/table';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const t = performance.now();
try {
  const rows = await browserRows(work);
  console.log(formatTable(rows));
  for (const r of rows) console.log(r.what, JSON.stringify({ ...r.details, timesMs: r.details?.timesMs, phases: undefined }).slice(0, 1500));
} finally { rmSync(work, { recursive: true, force: true }); }
console.log('took', ((performance.now() - t) / 1000).toFixed(1), 's');
