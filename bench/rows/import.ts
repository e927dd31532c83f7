// Import rows (issue 16): a 100,000-word French text opened as a new lesson's text, through the backend's
// authoring:readFile as the teacher area calls it (base64 in, schema check, read, checks, language), as .txt,
// .docx and .pdf made here. The budget is the issue's: a 100,000-word text imported in at most 10 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../../src/backend/backend';
import { FRENCH_PARAGRAPHS, makeDocx, makePdf } from '../../test/support/import-files';
import { sample, summarise } from '../lib/stats';
import type { Row } from '../lib/table';

const WORDS_PER_COPY = 67;
const COPIES = Math.ceil(100_000 / WORDS_PER_COPY);

export async function importRows(): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-bench-import-'));
  const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'bench' });
  try {
    const session = await backend.call('teacher:setPin', { pin: '246813' });
    if (!session.ok) throw new Error(session.error.message);
    const { teacherToken } = session.value as { teacherToken: string };
    const paragraphs = Array.from({ length: COPIES }, () => FRENCH_PARAGRAPHS).flat();
    const files: [string, Uint8Array][] = [
      ['novel.txt', new TextEncoder().encode(paragraphs.join('\n\n'))],
      ['novel.docx', makeDocx(paragraphs)],
      ['novel.pdf', await makePdf(paragraphs)],
    ];
    const rows: Row[] = [];
    for (const [fileName, bytes] of files) {
      const base64 = Buffer.from(bytes).toString('base64');
      let words = 0;
      const read = async (): Promise<number> => {
        const started = performance.now();
        const result = await backend.call('authoring:readFile', { teacherToken, fileName, bytes: base64 });
        if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`);
        words = (result.value as { wordCount: number }).wordCount;
        return performance.now() - started;
      };
      const sampling = { warmup: 1, runs: 5 };
      const times = await sample(sampling, read);
      rows.push({
        what: `open a ${words.toLocaleString('en')}-word text as a lesson's text, ${fileName.slice(6)} (${Math.round(bytes.length / 1000)} kB)`,
        unit: 'ms',
        stat: 'median',
        value: summarise(times).median,
        budget: { max: 10_000 },
        details: { fileName, bytes: bytes.length, words, ...sampling, timesMs: times },
      });
    }
    return rows;
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
