import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryRow, startRow } from '../rows/server';
import { rendererSizeRow, issue6Rows } from '../rows/static';
import { formatTable } from '../lib/table';
const work = mkdtempSync(join(tmpdir(), 'liseuse-bench-'));
const t = performance.now();
try {
  const rows = [await startRow(work), rendererSizeRow(), await memoryRow(work), ...issue6Rows()];
  console.log(formatTable(rows));
  for (const r of rows) console.log(r.what, JSON.stringify(r.details));
} finally { rmSync(work, { recursive: true, force: true }); }
console.log('took', ((performance.now() - t) / 1000).toFixed(1), 's');
