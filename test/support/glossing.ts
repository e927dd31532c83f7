// The morphology index and the held-out measure against the article, shared by unit tests, bench and scripts.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyse } from '../../src/core/glossing/analyse';
import { autoGloss, type GlossSources } from '../../src/core/glossing/auto-gloss';
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

export interface PipelineFigures {
  words: number;
  lemma: number;
  pos: number;
  /** Distinct lemma + part-of-speech pairs of the hand-made content entries (function words left out). */
  contentLemmas: number;
  /** Of those, the share where autoGloss gave at least one of its words a sense from a source (not the lemma echoed). */
  withSense: number;
  unsure: number;
  suggested: number;
}

/**
 * The whole automatic glossing (autoGloss with `sources`, meant without the article's own house seed, which would
 * make the measure circular) against the article's hand-made glosses, word by word.
 */
export function measurePipeline(sources: GlossSources): PipelineFigures {
  const lesson = loadArticle();
  const { lexicon, flags } = autoGloss(lesson.text, sources);
  const byStart = new Map(lexicon.tokens.map((t, i) => [t.at, { entry: lexicon.entries[t.entry], flag: flags[i] }]));
  let words = 0;
  let lemma = 0;
  let pos = 0;
  let unsure = 0;
  let suggested = 0;
  const content = new Map<string, boolean>();
  for (const token of lesson.tokens) {
    if (!token.gloss) continue;
    words++;
    const auto = byStart.get(token.start);
    if (auto?.entry?.lemma.toLowerCase() === token.gloss.lemma.toLowerCase()) lemma++;
    if (auto?.entry?.pos === token.gloss.pos) pos++;
    if (auto?.flag?.unsure) unsure++;
    if (auto?.flag?.suggested) suggested++;
    if (token.gloss.function) continue;
    const key = `${token.gloss.lemma.toLowerCase()}|${token.gloss.pos}`;
    content.set(key, (content.get(key) ?? false) || (auto?.flag !== undefined && !auto.flag.noSense));
  }
  const withSense = [...content.values()].filter(Boolean).length;
  return { words, lemma: lemma / words, pos: pos / words, contentLemmas: content.size, withSense: withSense / content.size, unsure, suggested };
}
