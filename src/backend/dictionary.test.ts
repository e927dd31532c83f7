import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleLexicon } from '../../test/support/article';
import { measureSenses } from '../../test/support/sense-measure';
import { wordReason } from '../shared/error-messages';
import { AppError } from '../shared/errors';
import { dictionaryFile, lazyDictionary, openDictionary } from './dictionary';

const LESSONS_DIR = resolve(import.meta.dirname, '..', '..', 'resources', 'lessons');
const FILE = dictionaryFile(LESSONS_DIR, {});
const senses = openDictionary(FILE);

describe('the bundled French–English dictionary (resources/dictionary/fr-en.tsv.gz)', () => {
  it('sits beside the lessons folder, unless LISEUSE_DICTIONARY_FILE names another', () => {
    expect(FILE).toBe(resolve(LESSONS_DIR, '..', 'dictionary', 'fr-en.tsv.gz'));
    expect(dictionaryFile(LESSONS_DIR, { LISEUSE_DICTIONARY_FILE: '/elsewhere/d.tsv.gz' })).toBe('/elsewhere/d.tsv.gz');
  });

  it('opens with FreeDict’s 8,500 headwords and Apertium’s beyond them, multi-word ones included', () => {
    expect(senses.headwords).toBeGreaterThan(13_000);
    expect(senses.has('maison')).toBe(true);
    expect(senses.has('afin de')).toBe(true);
  });

  it.each([
    ['maison', 'noun', 'house', 'freedict'],
    ['nucléaire', 'adjective', 'nuclear', 'freedict'],
    ['Russie', 'proper noun', 'Russia', 'freedict'],
    ['technologie', 'noun', 'technology', 'apertium'],
    ['renforcer', 'verb', 'reinforce', 'apertium'],
    ['violation', 'noun', 'violation', 'apertium'],
    ['dirigeant', 'noun', 'leader', 'apertium'],
  ] as const)('%s (%s) → "%s" first, from %s', (lemma, pos, sense, source) => {
    expect(senses.lookup(lemma, pos)[0]).toMatchObject({ sense, source });
  });

  it('never offers Apertium’s chained "rape" for violation', () => {
    expect(senses.lookup('violation', 'noun').map((c) => c.sense)).not.toContain('rape');
  });

  it('finds the expressions of its multi-word headwords in a sentence', () => {
    const words = ['Il', 'travaille', 'afin', 'de', 'réussir'].map((form) => ({ form, lemma: form.toLowerCase(), pos: 'noun' as const }));
    expect(senses.expressions(words)[0]).toMatchObject({ first: 2, last: 3, lemma: 'afin de', source: 'freedict' });
  });

  // Floors measured on the article's 179 content entries (scripts/measure-senses.ts): FreeDict 130, Apertium 111,
  // either 153, any suggestion (names) 165, top candidate agreeing 138. A held-out measure: nothing is tuned to these words.
  it('covers the article’s content lemmas at least as well as measured', () => {
    const figures = measureSenses(senses, Object.values(loadArticleLexicon().entries));
    expect(figures.lemmas).toBe(179);
    expect(figures.freedict).toBeGreaterThanOrEqual(130);
    expect(figures.apertium).toBeGreaterThanOrEqual(111);
    expect(figures.combined).toBeGreaterThanOrEqual(153);
    expect(figures.suggested).toBeGreaterThanOrEqual(165);
    expect(figures.topAgrees).toBeGreaterThanOrEqual(138);
  });
});

describe('opening the dictionary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liseuse-dictionary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (file: string): AppError => {
    try {
      openDictionary(file);
    } catch (error) {
      return error as AppError;
    }
    throw new Error('the file was accepted');
  };

  it('names a missing file', () => {
    const error = refusal(join(dir, 'absent.tsv.gz'));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/dictionary is missing/);
  });

  it('names a file that is not gzip, and one that is not a dictionary (code internal)', () => {
    writeFileSync(join(dir, 'plain.tsv.gz'), 'maison\tnoun\t0\t\thouse\n');
    const plain = refusal(join(dir, 'plain.tsv.gz'));
    expect(plain.message).toMatch(/damaged: it is not a gzip file/);
    expect(wordReason(plain.reason!, 'fr')).toMatch(/endommagé\u00a0: ce n’est pas un fichier gzip\.$/);
    writeFileSync(join(dir, 'other.tsv.gz'), gzipSync(JSON.stringify({ format: 'other' })));
    const other = refusal(join(dir, 'other.tsv.gz'));
    expect(other.reason).toEqual({ key: 'dictionaryDamaged', params: { file: join(dir, 'other.tsv.gz'), problem: 'notLiseuse', field: 'format' } });
    expect(other.message).toMatch(/damaged: it is not a Liseuse dictionary \(its format\)/);
    expect(wordReason(other.reason!, 'fr')).toMatch(/ce n’est pas un dictionnaire de Liseuse \(son champ format\)\.$/);
  });

  it('opens once, lazily, and retries after a failure', () => {
    const file = join(dir, 'later.tsv.gz');
    const get = lazyDictionary(file);
    expect(() => get()).toThrow(/missing/);
    writeFileSync(file, readFileSync(FILE));
    const first = get();
    expect(get()).toBe(first);
    expect(first.headwords).toBe(senses.headwords);
  });
});
