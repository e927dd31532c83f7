// New-draft rows (issue 16: a 100,000-word text imported in ≤ 10 s): authoring:create through the backend as the
// teacher area calls it (glossing with the bundled dictionary and house lexicon, the SQLite write, the draft read
// back), on the article repeated to 100,000 words; once as written, once with no full stop at all, as a pasted
// text can be: one sentence of 100,000 words, where each word's context once cost the sentence's length again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../../src/backend/backend';
import { tokenize } from '../../src/core/tokenizer';
import { ARTICLE_DIR, readLessonFiles } from '../../test/support/article';
import { repeatText } from '../../test/support/lessons';
import { sample, summarise, timeSync } from '../lib/stats';
import type { Row } from '../lib/table';

const TARGET_WORDS = 100_000;

export async function createRows(): Promise<Row[]> {
  const article = readLessonFiles(ARTICLE_DIR);
  const perCopy = article['text.fr.txt'].match(/[\p{L}\p{N}]+/gu)?.length ?? 1;
  const text = repeatText(article, Math.ceil(TARGET_WORDS / perCopy));
  const shapes: [string, string[]][] = [
    ['with its sentences', text.split(/\n+/).filter((p) => p.trim())],
    ['without a full stop (one sentence)', [text.replace(/[.!?;]/g, ',').replace(/\s+/g, ' ').trim()]],
  ];
  const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-bench-create-'));
  const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'bench' });
  try {
    const session = await backend.call('teacher:setPin', { pin: '246813' });
    if (!session.ok) throw new Error(session.error.message);
    const { teacherToken } = session.value as { teacherToken: string };
    const rows: Row[] = [];
    for (const [shape, paragraphs] of shapes) {
      // Counted as authoring:create counts against its limit; the draft's glossed tokens are fewer ("d’une" is one).
      const words = paragraphs.join('\n\n').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      let tokens = 0;
      let draft = 0;
      const create = async (): Promise<number> => {
        const started = performance.now();
        const result = await backend.call('authoring:create', { teacherToken, title: `Long ${++draft}`, level: 'B2', paragraphs });
        if (!result.ok) throw new Error(`${shape}: ${result.error.message}`);
        tokens = (result.value as { lexicon: { tokens: unknown[] } }).lexicon.tokens.length;
        return performance.now() - started;
      };
      const sampling = { warmup: 1, runs: 3 };
      const times = await sample(sampling, create);
      const floorTimes = await sample(sampling, () => timeSync(() => tokenize(paragraphs.join('\n\n'))));
      rows.push({
        what: `authoring:create of a ${words.toLocaleString('en')}-word text ${shape}: glossed, saved, read back`,
        unit: 'ms',
        stat: 'median',
        value: summarise(times).median,
        budget: { max: 10_000 },
        floor: summarise(floorTimes).median,
        floorWhat: 'tokenize alone',
        details: { words, tokens, ...sampling, timesMs: times, floorTimesMs: floorTimes },
      });
    }
    return rows;
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
