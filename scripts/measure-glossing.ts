// The held-out measure of automatic glossing: lemma and part-of-speech agreement of analyse() with the article's
// hand-made lexicon, then of the whole autoGloss with the bundled dictionary (no house seed: the article's own
// senses would make it circular). Run: npx tsx scripts/measure-glossing.ts [--list] [--hunspell]
// --hunspell also measures Debian's `hunspell -d fr_FR -m` (hunspell-fr, MPL-2.0) on the same words: its first
// stem, and whether any of its stems is the hand-made lemma (what a perfect tagger over it could reach).
import { spawnSync } from 'node:child_process';
import { loadArticle } from '../test/support/article';
import { resolve } from 'node:path';
import { dictionaryFile, openDictionary } from '../src/backend/dictionary';
import { measureAgreement, measurePipeline, readMorphology } from '../test/support/glossing';

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
const result = measureAgreement();
console.log(`words: ${result.words}`);
console.log(`lemma agreement: ${percent(result.lemma)} (any candidate: ${percent(result.anyLemma)})`);
console.log(`POS agreement: ${percent(result.pos)}`);
console.log(`unsure: ${result.unsure} words`);
if (process.argv.includes('--list')) for (const d of result.disagreements) console.log(d);

const senses = openDictionary(dictionaryFile(resolve(import.meta.dirname, '..', 'resources', 'lessons')));
const pipeline = measurePipeline({ morphology: readMorphology(), senses });
console.log('autoGloss with the bundled dictionary, without the house seed:');
console.log(`  lemma agreement: ${percent(pipeline.lemma)}, POS agreement: ${percent(pipeline.pos)} over ${pipeline.words} words`);
console.log(`  content lemmas with a suggested sense: ${percent(pipeline.withSense)} of ${pipeline.contentLemmas}`);
console.log(`  flagged: ${pipeline.unsure} unsure, ${pipeline.suggested} suggested words`);

if (process.argv.includes('--hunspell')) {
  const words = loadArticle().tokens.filter((t) => t.gloss);
  const run = spawnSync('hunspell', ['-d', 'fr_FR', '-m'], { input: `${words.map((t) => t.text.replace(/’/g, "'")).join('\n')}\n`, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`hunspell failed: ${run.stderr}`);
  const blocks = run.stdout.replace(/\n+$/, '').split('\n\n');
  let first = 0;
  let any = 0;
  words.forEach((t, i) => {
    const stems = [...(blocks[i] ?? '').matchAll(/st:(\S+)/g)].map((m) => (m[1] ?? '').replace(/'/g, '’').toLowerCase());
    const lemma = t.gloss?.lemma.toLowerCase() ?? '';
    if ((stems[0] ?? t.text.toLowerCase()) === lemma) first++;
    if (stems.includes(lemma) || (stems.length === 0 && t.text.toLowerCase() === lemma)) any++;
  });
  console.log(`hunspell fr_FR lemma agreement: first stem ${percent(first / words.length)}, any stem ${percent(any / words.length)}`);
}
