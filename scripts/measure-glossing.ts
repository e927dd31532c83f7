// The held-out measure of automatic glossing: lemma and part-of-speech agreement of analyse() with the article's
// hand-made lexicon. Run: npx tsx scripts/measure-glossing.ts [--list]
import { measureAgreement } from '../test/support/glossing';

const result = measureAgreement();
console.log(`words: ${result.words}`);
console.log(`lemma agreement: ${(100 * result.lemma).toFixed(1)} %`);
console.log(`POS agreement: ${(100 * result.pos).toFixed(1)} %`);
console.log(`unsure: ${result.unsure} words`);
if (process.argv.includes('--list')) for (const d of result.disagreements) console.log(d);
