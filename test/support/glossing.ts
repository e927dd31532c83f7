// The morphology index and the held-out measure against the article, shared by unit tests, bench and scripts.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse } from '../../src/core/glossing/analyse';
import { openMorphology } from '../../src/core/glossing/morphology';
import type { Morphology } from '../../src/core/glossing/types';
import { tokenize } from '../../src/core/tokenizer';
import { loadArticle } from './article';

export const MORPHOLOGY_FILE = resolve(import.meta.dirname, '..', '..', 'resources', 'dictionary', 'morphology.lefff.bin');

export function readMorphology(): Morphology {
  if (!existsSync(MORPHOLOGY_FILE)) throw new Error(`${MORPHOLOGY_FILE} is missing: run node scripts/build-morphology.mjs`);
  return openMorphology(readFileSync(MORPHOLOGY_FILE));
}

export interface Agreement {
  words: number;
  lemma: number;
  /** Share of words where one of the candidates has the hand-made lemma: the lexicon's reach. */
  anyLemma: number;
  pos: number;
  unsure: number;
  disagreements: string[];
}

/** Compares analyse() on the article's text with its hand-made glosses, word by word (lemmas case-blind). */
export function measureAgreement(morphology: Morphology = readMorphology()): Agreement {
  const lesson = loadArticle();
  const analyses = analyse(tokenize(lesson.text), morphology);
  const byStart = new Map(analyses.map((a) => [a.start, a]));
  let words = 0;
  let lemma = 0;
  let anyLemma = 0;
  let pos = 0;
  let unsure = 0;
  const disagreements: string[] = [];
  for (const token of lesson.tokens) {
    if (!token.gloss) continue;
    words++;
    const a = byStart.get(token.start);
    if (!a) continue;
    if (a.unsure) unsure++;
    const lemmaOk = a.reading.lemma.toLowerCase() === token.gloss.lemma.toLowerCase();
    const posOk = a.reading.pos === token.gloss.pos;
    if (lemmaOk) lemma++;
    if (a.candidates.some((c) => c.lemma.toLowerCase() === token.gloss?.lemma.toLowerCase())) anyLemma++;
    if (posOk) pos++;
    if (!lemmaOk || !posOk) disagreements.push(`${token.text}: ${a.reading.lemma}/${a.reading.pos} vs hand ${token.gloss.lemma}/${token.gloss.pos}${a.unsure ? ' (unsure)' : ''}`);
  }
  return { words, lemma: lemma / words, anyLemma: anyLemma / words, pos: pos / words, unsure, disagreements };
}
