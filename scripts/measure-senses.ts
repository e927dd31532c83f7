// Prints how the bundled French–English dictionary covers the article's hand-made lexicon (a held-out measure:
// nothing in the dictionary or the ranking is tuned to these words).
// Usage: npx tsx scripts/measure-senses.ts [--list]   (--list: the lemmas missed and the top candidates that disagree)
import { resolve } from 'node:path';
import { dictionaryFile, openDictionary } from '../src/backend/dictionary';
import { loadArticleLexicon } from '../test/support/article';
import { measureSenses, type SenseFigures } from '../test/support/sense-measure';

const senses = openDictionary(dictionaryFile(resolve(import.meta.dirname, '..', 'resources', 'lessons')));
const entries = Object.values(loadArticleLexicon().entries);
const pct = (n: number, of: number): string => `${n}/${of} (${((100 * n) / of).toFixed(1)} %)`;

function print(title: string, f: SenseFigures): void {
  console.log(`${title}: ${f.lemmas} lemma + part-of-speech pairs`);
  console.log(`  with a FreeDict candidate:  ${pct(f.freedict, f.lemmas)}`);
  console.log(`  with an Apertium candidate: ${pct(f.apertium, f.lemmas)}`);
  console.log(`  with either (combined):     ${pct(f.combined, f.lemmas)}`);
  console.log(`  with any suggestion (a name glossed by itself included): ${pct(f.suggested, f.lemmas)}`);
  console.log(`  top candidate agrees with the hand-made sense (a shared content word): ${pct(f.topAgrees, f.lemmas)}`);
  if (process.argv.includes('--list')) {
    console.log(`  missing: ${f.missing.join(', ')}`);
    for (const d of f.disagreeing) console.log(`  ≠ ${d.lemma} (${d.pos}): ${d.top}  /  hand-made: ${d.handMade}`);
  }
}

console.log(`Dictionary: ${senses.headwords} headwords`);
print('Content entries (function words left out)', measureSenses(senses, entries));
print('Without names and numbers', measureSenses(senses, entries, (e) => e.pos !== 'proper noun' && e.pos !== 'number'));
