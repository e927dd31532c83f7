// Authoring aid: lists every word token of a lesson text with its offset, and which ones still lack a gloss.
// Usage: npx tsx scripts/lesson-tokens.ts resources/lessons/<id> [--missing]
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitParagraphs, tokenize } from '../src/core/tokenizer';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npx tsx scripts/lesson-tokens.ts resources/lessons/<id> [--missing]');
  process.exit(2);
}
const text = readFileSync(join(dir, 'text.fr.txt'), 'utf8');
const lexiconPath = join(dir, 'lexicon.json');
const glossed = new Set<number>(
  existsSync(lexiconPath) ? (JSON.parse(readFileSync(lexiconPath, 'utf8')).tokens as { at: number }[]).map((t) => t.at) : [],
);
const onlyMissing = process.argv.includes('--missing');
splitParagraphs(text).forEach((paragraph, p) => {
  for (const token of tokenize(text.slice(paragraph.start, paragraph.end), paragraph.start)) {
    if (token.kind === 'punct') continue;
    if (onlyMissing && glossed.has(token.start)) continue;
    console.log(`${p + 1}\t${token.start}\t${token.text}`);
  }
});
