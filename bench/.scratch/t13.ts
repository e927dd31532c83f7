import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportRows } from '../rows/reports';
import { formatTable } from '../lib/table';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const t = performance.now();
try {
  const rows = await reportRows(work);
  console.log(formatTable(rows));
  for (const r of rows) console.log(r.what, JSON.stringify({ ...r.details, timesMs: undefined }));
} finally { rmSync(work, { recursive: true, force: true }); }
console.log('took', ((performance.now() - t) / 1000).toFixed(1), 's');
