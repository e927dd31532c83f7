import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readMorphology } from '../../../test/support/glossing';
import { LexiconSchema, loadLesson } from '../lesson';
import { autoGloss } from './auto-gloss';
import type { ExpressionWord, HouseLexicon, SenseSource } from './types';

const morphology = readMorphology();

// A tiny dictionary standing in for the dict helper's (senses.ts), with one multi-word headword.
const WORDS: Record<string, { sense: string; score: number }[]> = {
  'train|noun': [{ sense: 'train', score: 0.9 }],
  'traverser|verb': [{ sense: 'to cross', score: 0.8 }, { sense: 'to go through', score: 0.6 }],
  'frontière|noun': [{ sense: 'border', score: 0.9 }],
  'ouvrir|verb': [{ sense: 'to open', score: 0.9 }],
  'page|noun': [{ sense: 'page', score: 0.9 }],
};
const dictionary: SenseSource = {
  lookup: (lemma, pos) => (WORDS[`${lemma}|${pos}`] ?? []).map((c) => ({ ...c, source: 'test-dict' })),
  expressions: (words: readonly ExpressionWord[]) => {
    const at = words.findIndex((w, i) => w.lemma === 'ouvrir' && words[i + 2]?.lemma === 'nouveau' && words[i + 3]?.lemma === 'page');
    return at < 0 ? [] : [{ first: at, last: at + 3, lemma: 'ouvrir une nouvelle page', sense: 'to open a new chapter', source: 'test-dict', score: 0.7 }];
  },
};
// The teacher once confirmed "to go across" for traverser.
const house: HouseLexicon = {
  lookup: (lemma, pos) => (lemma === 'traverser' && pos === 'verb' ? [{ sense: 'to go across', source: 'house', score: 1 }] : []),
};

const TEXT = 'Le train de Kim Jong-un a traversé la frontière.\nCe voyage a ouvert une nouvelle page, selon Vladimir Poutine.';

describe('autoGloss', () => {
  const draft = autoGloss(TEXT, { morphology, senses: dictionary, house });

  it('makes a lexicon the lesson schema accepts, and a lesson loadLesson loads with every word glossed', () => {
    expect(v.safeParse(LexiconSchema, draft.lexicon).issues).toBeUndefined();
    const lesson = loadLesson({
      'lesson.json': JSON.stringify({ id: 'draft', title: 'Brouillon', titleEn: 'Draft', level: 'B1', summary: 'A test.' }),
      'text.fr.txt': TEXT,
      'lexicon.json': JSON.stringify(draft.lexicon),
      'translations.json': JSON.stringify(['One.', 'Two.']),
    });
    expect(lesson.tokens.filter((t) => t.kind === 'word').every((t) => t.gloss)).toBe(true);
    expect(lesson.tokens.find((t) => t.text === 'traversé')?.gloss).toMatchObject({ lemma: 'traverser', pos: 'verb', verb: { tense: 'passé composé', group: 'a traversé' } });
  });

  it('ranks the house sense first and keeps every candidate with its source', () => {
    const at = draft.lexicon.tokens.findIndex((t) => t.form === 'traversé');
    expect(draft.lexicon.entries[draft.lexicon.tokens[at]?.entry ?? '']?.sense).toBe('to go across');
    expect(draft.flags[at]).toMatchObject({
      suggested: false,
      candidates: [
        { sense: 'to go across', source: 'house' },
        { sense: 'to cross', source: 'test-dict' },
        { sense: 'to go through', source: 'test-dict' },
      ],
    });
    const train = draft.lexicon.tokens.findIndex((t) => t.form === 'train');
    expect(draft.flags[train]).toMatchObject({ suggested: true, candidates: [{ sense: 'train', source: 'test-dict' }] });
  });

  it('flags a word no source has a sense for, with its lemma as a placeholder sense', () => {
    const at = draft.lexicon.tokens.findIndex((t) => t.form === 'voyage');
    expect(draft.flags[at]).toMatchObject({ noSense: true, candidates: [] });
    expect(draft.lexicon.entries[draft.lexicon.tokens[at]?.entry ?? '']).toMatchObject({ lemma: 'voyage', pos: 'noun', sense: 'voyage', gender: 'm' });
  });

  it('finds the dictionary expression and runs of names', () => {
    expect(draft.lexicon.expressions.map((e) => [e.kind, e.text])).toEqual([
      ['name', 'Kim Jong-un'],
      ['expression', 'ouvert une nouvelle page'],
      ['name', 'Vladimir Poutine'],
    ]);
    expect(draft.lexicon.expressions[1]).toMatchObject({ lemma: 'ouvrir une nouvelle page', sense: 'to open a new chapter' });
  });

  it('keeps one entry per lemma, part of speech and sense, with ids the schema allows', () => {
    const ids = draft.lexicon.tokens.filter((t) => t.form.toLowerCase() === 'la' || t.form === 'Le').map((t) => t.entry);
    expect(ids).toEqual(['le.art', 'la.art']);
    expect(draft.lexicon.entries['de.prep']).toMatchObject({ lemma: 'de', pos: 'preposition', function: true });
  });
});
