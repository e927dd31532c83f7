import { describe, expect, it } from 'vitest';
import { loadArticle, loadArticleLexicon } from '../../../test/support/article';
import { createHouseLexicon, HOUSE_SOURCE, houseRanker, rankHouseSenses, rankWithHouse, seedFromLesson, type ConfirmedSense } from './house';
import type { SenseCandidate } from './types';

const at = (day: number): string => `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const confirmed = (sense: string, contextLemmas: string[], day = 1, lemma = 'pièce'): ConfirmedSense => ({
  lemma,
  pos: 'noun',
  sense,
  contextLemmas,
  confirmedAt: at(day),
});
const context = (sentence: string) => ({ lemmas: sentence.split(' '), sentence });

describe('house lexicon: confirmed senses first, by context', () => {
  const house = createHouseLexicon([
    confirmed('room', ['le', 'de', 'maison', 'avoir', 'trois', 'chambre']),
    confirmed('coin', ['euro', 'payer', 'monnaie']),
    confirmed('play', ['le', 'de', 'théâtre', 'acteur', 'jouer']),
    confirmed('sense of another part of speech', ['le', 'de', 'maison'], 1, 'autre'),
  ]);

  it('ranks first the sense whose sentence shares the most lemmas with this one', () => {
    expect(house.lookup('pièce', 'noun', context('le acteur jouer un pièce au théâtre')).map((c) => c.sense)).toEqual(['play', 'room', 'coin']);
    expect(house.lookup('pièce', 'noun', context('payer avec un pièce de monnaie'))[0]?.sense).toBe('coin');
  });

  it('finds a lemma whatever its case, but only under its own part of speech', () => {
    expect(house.lookup('Pièce', 'noun', context('le maison'))[0]?.sense).toBe('room');
    expect(house.lookup('pièce', 'verb', context('le maison'))).toEqual([]);
  });

  it('counts two common lemmas ("le", "de") for less than one rare lemma', () => {
    expect(house.lookup('pièce', 'noun', context('le pièce de un euro'))[0]?.sense).toBe('coin');
  });

  it('scores every house sense above any dictionary sense (dictionaries stay ≤ 0.9), best first', () => {
    const ranked = house.lookup('pièce', 'noun', context('un pièce'));
    for (const c of ranked) {
      expect(c.source).toBe(HOUSE_SOURCE);
      expect(c.score).toBeGreaterThan(0.9);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(ranked.map((c) => c.score)).toEqual([...ranked.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('with no context to tell, prefers the sense confirmed more often, then the latest', () => {
    const often = createHouseLexicon([confirmed('room', []), confirmed('coin', [], 2), confirmed('room', [], 3)]);
    expect(often.lookup('pièce', 'noun', context('x')).map((c) => c.sense)).toEqual(['room', 'coin']);
    const latest = createHouseLexicon([confirmed('room', [], 1), confirmed('coin', [], 5)]);
    expect(latest.lookup('pièce', 'noun', context('x')).map((c) => c.sense)).toEqual(['coin', 'room']);
  });

  it('ranks a per-lemma read the same way, keeping only the asked part of speech', () => {
    const read = [
      confirmed('room', ['le', 'de', 'maison']),
      confirmed('coin', ['le', 'de', 'euro']),
      { ...confirmed('piece together', ['le', 'de', 'euro']), pos: 'verb' as const },
    ];
    expect(rankHouseSenses(read, 'pièce', 'noun', context('le pièce de un euro')).map((c) => c.sense)).toEqual(['coin', 'room']);
  });

  it('merges with dictionary candidates: house first, the same sense not offered twice', () => {
    const dictionary: SenseCandidate[] = [
      { sense: 'Room', source: 'freedict', score: 0.9 },
      { sense: 'part', source: 'freedict', score: 0.86 },
    ];
    const house = [{ sense: 'room', source: HOUSE_SOURCE, score: 1 }];
    expect(rankWithHouse(house, dictionary).map((c) => [c.sense, c.source])).toEqual([
      ['room', 'house'],
      ['part', 'freedict'],
    ]);
  });

  it('finds confirmed expressions again in a sentence, by lemma', () => {
    const expressions = createHouseLexicon([{ lemma: 'ouvrir une page', pos: '', sense: 'open a chapter', contextLemmas: [], confirmedAt: at(1) }]);
    const words = ['ils', 'ouvrent', 'une', 'page'].map((form) => ({ form, lemma: form === 'ouvrent' ? 'ouvrir' : form, pos: 'noun' as const }));
    expect(expressions.expressions?.(words)).toEqual([
      { first: 1, last: 3, lemma: 'ouvrir une page', sense: 'open a chapter', source: HOUSE_SOURCE, score: expect.any(Number) },
    ]);
  });
});

describe('house lexicon seed: the article made by hand', () => {
  const lesson = loadArticle();
  const lexicon = loadArticleLexicon();
  const seed = seedFromLesson(lesson, lexicon, at(1));

  it('holds every one of the 211 hand-made entries, with its own sense', () => {
    const entries = Object.values(lexicon.entries);
    expect(entries).toHaveLength(211);
    for (const entry of entries) {
      expect(seed.some((s) => s.lemma === entry.lemma && s.pos === entry.pos && s.sense === entry.sense)).toBe(true);
    }
  });

  it('gives each confirmation the lemmas of the sentence it was used in', () => {
    const kim = seed.find((s) => s.lemma === 'Kim')!;
    expect(kim.contextLemmas).toEqual(expect.arrayContaining(['kim', 'russie']));
    for (const s of seed) expect(s.confirmedAt).toBe(at(1));
  });

  it('holds the 82 expressions and names, by their dictionary form or else as written', () => {
    expect(lesson.expressions).toHaveLength(82);
    for (const e of lesson.expressions) expect(seed).toContainEqual(expect.objectContaining({ lemma: e.lemma ?? e.text, sense: e.sense }));
    expect(seed).toContainEqual(expect.objectContaining({ lemma: 'ouvrir une nouvelle page', pos: '' }));
  });

  it('finds the article’s expressions again in another sentence', () => {
    const house = createHouseLexicon(seed);
    const words = ['Paris', 'et', 'Rome', 'ouvrent', 'une', 'nouvelle', 'page'].map((form) => ({ form, lemma: form === 'ouvrent' ? 'ouvrir' : form.toLowerCase(), pos: 'noun' as const }));
    expect(house.expressions?.(words)[0]).toMatchObject({ first: 3, last: 6, lemma: 'ouvrir une nouvelle page', source: HOUSE_SOURCE });
  });

  it('suggests the article’s sense first for the same word in a new sentence', () => {
    const house = createHouseLexicon(seed);
    const entry = Object.values(lexicon.entries).find((e) => e.lemma === 'sommet')!;
    expect(house.lookup('sommet', 'noun', context('le sommet de le montagne'))[0]?.sense).toBe(entry.sense);
  });
});

describe('houseRanker: one text’s confirmations prepared once', () => {
  it('ranks every word of the article as rankHouseSenses does word by word', () => {
    const lesson = loadArticle();
    const seed = seedFromLesson(lesson, loadArticleLexicon(), at(1));
    const byLemma = new Map<string, ConfirmedSense[]>();
    for (const s of seed) byLemma.set(s.lemma.toLowerCase(), [...(byLemma.get(s.lemma.toLowerCase()) ?? []), s]);
    const of = (lemma: string): ConfirmedSense[] => byLemma.get(lemma.toLowerCase()) ?? [];
    const ranker = houseRanker(of);
    let compared = 0;
    for (const s of seed.slice(0, 400)) {
      if (s.pos === '') continue;
      const sentence = { lemmas: s.contextLemmas, sentence: '' };
      // Twice: the second call reads what the first prepared.
      expect(ranker(s.lemma, s.pos, sentence)).toEqual(rankHouseSenses(of(s.lemma), s.lemma, s.pos, sentence));
      expect(ranker(s.lemma, s.pos, sentence)).toEqual(rankHouseSenses(of(s.lemma), s.lemma, s.pos, sentence));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
