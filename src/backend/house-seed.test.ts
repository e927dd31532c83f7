import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHouseLexicon } from '../core/glossing/house';
import { BUILT_IN_CONFIRMED_AT, builtInHouseSeed } from './house-seed';

const LESSONS_DIR = resolve(import.meta.dirname, '..', '..', 'resources', 'lessons');

describe('the house lexicon seed from the built-in lessons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liseuse-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the article’s hand-made senses, older than any teacher’s confirmation', () => {
    const seed = builtInHouseSeed(LESSONS_DIR);
    expect(new Set(seed.map((s) => `${s.lemma}|${s.pos}|${s.sense}`)).size).toBeGreaterThanOrEqual(211);
    expect(seed.every((s) => s.confirmedAt === BUILT_IN_CONFIRMED_AT)).toBe(true);
    expect(createHouseLexicon(seed).lookup('accord', 'noun', { lemmas: ['accord'], sentence: '' })[0]?.sense).toBe('agreement, deal');
  });

  it('leaves out a folder that does not load, and reads the others whole', () => {
    cpSync(join(LESSONS_DIR, 'kim-russie'), join(dir, 'kim-russie'), { recursive: true });
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'lexicon.json'), '{"entries": {');
    expect(builtInHouseSeed(dir)).toEqual(builtInHouseSeed(LESSONS_DIR));
    expect(builtInHouseSeed(join(dir, 'absent'))).toEqual([]);
  });
});
