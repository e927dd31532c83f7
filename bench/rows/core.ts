// Core rows, in this process: tokenising and glossing a long text, and loading the article's lesson.
import { loadLesson, type Gloss, type LessonFiles } from '../../src/core/lesson';
import { tokenize } from '../../src/core/tokenizer';
import { ARTICLE_DIR, readLessonFiles } from '../../test/support/article';
import { repeatText } from '../../test/support/lessons';
import { sample, summarise, timeSync } from '../lib/stats';
import type { Row } from '../lib/table';

const TARGET_WORDS = 100_000;

// The gloss key: typewriter apostrophes made typographic, then lower case. Few words have an apostrophe, so the
// replace runs only for those; the key is the same as replacing always.
const normalise = (form: string): string => (form.includes("'") ? form.replace(/'/g, '’') : form).toLowerCase();
const isWord = (kind: string): boolean => kind === 'word' || kind === 'number';

/** Normalised form -> the gloss the article gives that form most often. Built once, outside the timing. */
function glossByForm(files: LessonFiles): Map<string, Gloss> {
  const counts = new Map<string, Map<string, { gloss: Gloss; n: number }>>();
  for (const token of loadLesson(files).tokens) {
    if (!token.gloss) continue;
    const form = normalise(token.text);
    const senses = counts.get(form) ?? new Map<string, { gloss: Gloss; n: number }>();
    const key = `${token.gloss.entryId}|${token.gloss.sense}`;
    const seen = senses.get(key) ?? { gloss: token.gloss, n: 0 };
    seen.n++;
    senses.set(key, seen);
    counts.set(form, senses);
  }
  const best = new Map<string, Gloss>();
  for (const [form, senses] of counts) {
    const top = [...senses.values()].sort((a, b) => b.n - a.n)[0];
    if (top) best.set(form, top.gloss);
  }
  return best;
}

/** The measured work: the core tokenizer, then each word's gloss through the map. Returns the words glossed. */
function tokenizeAndGloss(text: string, glosses: Map<string, Gloss>): number {
  let glossed = 0;
  for (const token of tokenize(text)) {
    if (isWord(token.kind) && glosses.get(normalise(token.text)) !== undefined) glossed++;
  }
  return glossed;
}

/** The floor: one pass of a bare Unicode word regex over the same text. */
function regexScan(text: string): number {
  const word = /[\p{L}\p{M}\p{N}]+/gu;
  let n = 0;
  while (word.exec(text) !== null) n++;
  return n;
}

export async function tokenizeRow(): Promise<Row> {
  const files = readLessonFiles(ARTICLE_DIR);
  const perCopy = tokenize(repeatText(files, 1)).filter((t) => isWord(t.kind)).length;
  const text = repeatText(files, Math.ceil(TARGET_WORDS / perCopy));
  const words = tokenize(text).filter((t) => isWord(t.kind)).length;
  const glosses = glossByForm(files);
  const glossed = tokenizeAndGloss(text, glosses);
  if (glossed !== words) throw new Error(`tokenize + gloss: ${glossed} of ${words} words found a gloss`);

  const sampling = { warmup: 3, runs: 15 };
  const times = await sample(sampling, () => timeSync(() => tokenizeAndGloss(text, glosses)));
  const floorTimes = await sample(sampling, () => timeSync(() => regexScan(text)));
  const rate = (ms: number): number => words / (ms / 1000);
  const t = summarise(times);
  const f = summarise(floorTimes);
  return {
    what: `tokenize + gloss a ${words.toLocaleString('en')}-word French text (core)`,
    unit: 'words/s',
    stat: 'median',
    value: rate(t.median),
    budget: { min: 2_000_000 },
    floor: rate(f.median),
    floorWhat: 'bare regex word scan',
    details: { words, characters: text.length, ...sampling, timesMs: times, floorTimesMs: floorTimes, medianMs: t.median, floorMedianMs: f.median },
  };
}

export async function lessonLoadRow(): Promise<Row> {
  const files = readLessonFiles(ARTICLE_DIR);
  const jsonFiles = [files['lesson.json'], files['lexicon.json'], files['translations.json']];
  // The first call in a fresh process is what the app pays once at start; kept apart from the warm figures.
  const coldMs = timeSync(() => loadLesson(files));
  const sampling = { warmup: 5, runs: 30 };
  const times = await sample(sampling, () => timeSync(() => loadLesson(files)));
  const floorTimes = await sample(sampling, () => timeSync(() => jsonFiles.forEach((raw) => JSON.parse(raw))));
  const bytes = Object.values(files).reduce((sum, raw) => sum + Buffer.byteLength(raw), 0);
  return {
    what: 'lesson load + validate (core loadLesson, the article)',
    unit: 'ms',
    stat: 'median',
    value: summarise(times).median,
    budget: { max: 20 },
    floor: summarise(floorTimes).median,
    floorWhat: 'JSON.parse of its 3 JSON files',
    details: { bytes, coldMs, ...sampling, timesMs: times, floorTimesMs: floorTimes },
  };
}
