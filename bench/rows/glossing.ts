// Glossing rows (issue 16): the morphology index opened, and a 5,000-word text tokenized and glossed by
// autoGloss, in this process, with the real sources a new draft gets: the bundled dictionary and the house
// lexicon as the backend has it, its built-in seed and teachers' confirmations in SQLite (opened outside the
// timing; their open cost is bench/rows/dictionary.ts and above; the reads of the confirmations are timed).
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { autoGloss } from '../../src/core/glossing/auto-gloss';
import { openMorphology } from '../../src/core/glossing/morphology';
import { openStore } from '../../src/backend/db/store';
import { HouseLexiconRepository } from '../../src/backend/db/repositories/house-lexicon';
import { dictionaryFile, openDictionary } from '../../src/backend/dictionary';
import { builtInHouseSeed } from '../../src/backend/house-seed';
import { tokenize } from '../../src/core/tokenizer';
import { ARTICLE_DIR, readLessonFiles } from '../../test/support/article';
import { MORPHOLOGY_FILE, readMorphology } from '../../test/support/glossing';
import { repeatText } from '../../test/support/lessons';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { sample, summarise, timeSync } from '../lib/stats';
import type { Row } from '../lib/table';

const TARGET_WORDS = 5_000;
const isWord = (kind: string): boolean => kind === 'word' || kind === 'number';

export async function morphologyOpenRow(): Promise<Row> {
  if (!existsSync(MORPHOLOGY_FILE)) readMorphology(); // throws, naming the script that builds the file
  globalThis.gc?.();
  const before = process.memoryUsage();
  let index: ReturnType<typeof openMorphology> | undefined;
  // The first open reads the file from disk as the backend would at start; later ones show the page cache.
  const coldMs = timeSync(() => (index = openMorphology(readFileSync(MORPHOLOGY_FILE))));
  const words = tokenize(repeatText(readLessonFiles(ARTICLE_DIR), 1)).filter((t) => t.kind === 'word');
  for (const w of words) index?.readings(w.text);
  const after = process.memoryUsage();
  const addedMb = (after.rss - before.rss) / 1e6;
  const sampling = { warmup: 2, runs: 10 };
  const times = await sample(sampling, () => timeSync(() => openMorphology(readFileSync(MORPHOLOGY_FILE))));
  const floorTimes = await sample(sampling, () => timeSync(() => readFileSync(MORPHOLOGY_FILE)));
  return {
    what: `morphology index open (${index?.size.toLocaleString('en')} forms, ${(readFileSync(MORPHOLOGY_FILE).length / 1e6).toFixed(1)} MB; memory added ${addedMb.toFixed(0)} MB, budget 80)`,
    unit: 'ms',
    stat: 'median',
    value: summarise(times).median,
    budget: { max: 200 },
    floor: summarise(floorTimes).median,
    floorWhat: 'reading the file',
    details: { coldMs, addedRssMb: addedMb, addedArrayBuffersMb: (after.arrayBuffers - before.arrayBuffers) / 1e6, ...sampling, timesMs: times, floorTimesMs: floorTimes },
  };
}

export async function glossRow(): Promise<Row> {
  const files = readLessonFiles(ARTICLE_DIR);
  const perCopy = tokenize(repeatText(files, 1)).filter((t) => isWord(t.kind)).length;
  const text = repeatText(files, Math.ceil(TARGET_WORDS / perCopy));
  const words = tokenize(text).filter((t) => isWord(t.kind)).length;
  const lessonsDir = dirname(ARTICLE_DIR);
  const senses = openDictionary(dictionaryFile(lessonsDir));
  const seed = builtInHouseSeed(lessonsDir);
  const dataDir = makeTempDir('liseuse-bench-house-');
  const store = openStore(dataDir);
  const house = new HouseLexiconRepository(store.db, () => seed);
  // A teacher's confirmations: every hand-made sense once more, as rows of the database (words and expressions).
  store.db.write(() => {
    for (const sense of seed) house.remember({ lemma: sense.lemma, pos: sense.pos, sense: sense.sense, context: [...sense.contextLemmas], lessonId: 'teacher-lesson', confirmedAt: sense.confirmedAt });
  });
  const sampling = { warmup: 1, runs: 8 };
  let times: number[];
  try {
    // A fresh index each run (opened outside the timing), so no form's readings are cached from the run before.
    times = await sample(sampling, () => {
      const morphology = readMorphology();
      return timeSync(() => autoGloss(text, { morphology, senses, house }));
    });
  } finally {
    store.close();
    removeTempDir(dataDir);
  }
  const floorTimes = await sample(sampling, () => timeSync(() => tokenize(text)));
  return {
    what: `tokenize + analyse + draft glosses of a ${words.toLocaleString('en')}-word text (autoGloss, bundled dictionary + house lexicon in SQLite)`,
    unit: 'ms',
    stat: 'median',
    value: summarise(times).median,
    budget: { max: 1000 },
    floor: summarise(floorTimes).median,
    floorWhat: 'tokenize alone',
    details: { words, ...sampling, timesMs: times, floorTimesMs: floorTimes },
  };
}
