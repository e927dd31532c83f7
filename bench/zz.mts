import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xapiRows } from './rows/xapi';
const rows = await xapiRows(mkdtempSync(join(tmpdir(), 'xb-')));
console.log(JSON.stringify(rows, null, 1));
