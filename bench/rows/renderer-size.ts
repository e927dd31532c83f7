// The renderer's JavaScript size, read from the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { ROOT } from '../lib/app';
import type { Row } from '../lib/table';

export function rendererSizeRow(): Row {
  const assets = join(ROOT, 'out', 'renderer', 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const sizes = files.map((name) => {
    const bytes = readFileSync(join(assets, name));
    return { name, bytes: bytes.length, brotliBytes: brotliCompressSync(bytes).length };
  });
  return {
    what: 'renderer JavaScript (out/renderer/assets/*.js, brotli)',
    unit: 'kB',
    value: sizes.reduce((sum, f) => sum + f.brotliBytes, 0) / 1000,
    budget: { max: 150 },
    details: { files: sizes, rawKB: sizes.reduce((sum, f) => sum + f.bytes, 0) / 1000 },
  };
}
