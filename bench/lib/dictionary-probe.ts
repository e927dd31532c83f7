// Run in a fresh Node process by bench/rows/dictionary.ts: opens the bundled dictionary once, as the backend's first
// import does, and prints the time and the memory it added. `--floor`: only read and gunzip the file and split its lines.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dictionaryFile, openDictionary } from '../../src/backend/dictionary';

const file = dictionaryFile(resolve(import.meta.dirname, '..', '..', 'resources', 'lessons'));
const floor = process.argv.includes('--floor');
const rss = (): number => process.memoryUsage().rss / 1e6;

const rssBefore = rss();
const started = performance.now();
const opened: unknown = floor ? gunzipSync(readFileSync(file)).toString('utf8').split('\n') : openDictionary(file);
const openMs = performance.now() - started;
const rssAfter = rss();
// Kept alive to here so the memory figure includes it.
const headwords = floor ? (opened as string[]).length : (opened as { headwords: number }).headwords;
console.log(JSON.stringify({ openMs, rssBeforeMB: rssBefore, rssAfterMB: rssAfter, addedMB: rssAfter - rssBefore, headwords }));
