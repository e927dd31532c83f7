// The Anki package opened as Anki's importer opens it: unzip, then read collection.anki2 with SQLite.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MyWord } from '../../shared/contract/review';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { ANKI_DECK_ID, ANKI_DECK_NAME, ANKI_FIELDS, ANKI_MODEL_ID, wordsApkg } from './anki';

const NOW = new Date('2024-05-01T10:00:00.000Z');

const word = (over: Partial<MyWord>): MyWord => ({
  kind: 'word',
  lemma: 'agence',
  status: 'learning',
  lessonId: 'kim-russie',
  token: 12,
  lessonTitle: 'Kim Jong-un en Russie',
  sentence: { before: 'Selon l’', word: 'agence', after: ' de presse <KCNA>, il est arrivé.' },
  gloss: { form: 'agence', lemma: 'agence', pos: 'noun', sense: 'agency', entryId: 'agence-n', gender: 'f', number: 'sg' },
  expression: null,
  due: NOW.toISOString(),
  inQueue: true,
  reviews: 0,
  note: 'like « news agency »',
  ignored: false,
  ...over,
});

describe('Anki export', () => {
  let dir: string;
  let db: Database.Database;

  const open = (bytes: Buffer): Database.Database => {
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(files.media)).toBe('{}');
    const file = join(dir, 'collection.anki2');
    writeFileSync(file, files['collection.anki2'] as Uint8Array);
    db = new Database(file, { readonly: true });
    return db;
  };

  beforeEach(() => {
    dir = makeTempDir('liseuse-anki-');
  });
  afterEach(() => {
    if (db?.open) db.close();
    removeTempDir(dir);
  });

  it('holds one note and one new card per word in the deck, with the word marked in its sentence', () => {
    const words = [word({}), word({ lemma: 'train', sentence: null, gloss: null, note: null, status: 'new' })];
    const col = open(wordsApkg(words, 'learner-1', NOW));
    expect(col.prepare('SELECT ver FROM col').get()).toEqual({ ver: 11 });
    const notes = col.prepare('SELECT id, guid, mid, flds, sfld, tags FROM notes ORDER BY id').all() as { id: number; guid: string; mid: number; flds: string; sfld: string; tags: string }[];
    expect(notes).toHaveLength(2);
    const fields = notes.map((n) => n.flds.split('\x1f'));
    expect(fields[0]).toEqual([
      'agence',
      'Selon l’<b>agence</b> de presse &lt;KCNA&gt;, il est arrivé.',
      'agency',
      'agence',
      'noun, feminine singular',
      'like « news agency »',
      'Kim Jong-un en Russie',
    ]);
    expect(fields[1]).toEqual(['train', '', '', 'train', '', '', 'Kim Jong-un en Russie']);
    expect(notes.map((n) => [n.mid, n.sfld])).toEqual([[ANKI_MODEL_ID, 'agence'], [ANKI_MODEL_ID, 'train']]);
    const cards = col.prepare('SELECT nid, did, ord, type, queue, due FROM cards ORDER BY id').all();
    expect(cards).toEqual(notes.map((n, i) => ({ nid: n.id, did: ANKI_DECK_ID, ord: 0, type: 0, queue: 0, due: i + 1 })));
    expect(col.prepare('SELECT count(*) AS n FROM revlog').get()).toEqual({ n: 0 });
    expect(col.prepare('SELECT count(*) AS n FROM graves').get()).toEqual({ n: 0 });
  });

  it('names the deck and a note type whose fields and templates are the notes’ fields', () => {
    const col = open(wordsApkg([word({})], 'learner-1', NOW));
    const { models, decks, dconf } = col.prepare('SELECT models, decks, dconf FROM col').get() as { models: string; decks: string; dconf: string };
    const model = JSON.parse(models)[ANKI_MODEL_ID];
    expect(model.flds.map((f: { name: string; ord: number }) => [f.ord, f.name])).toEqual(ANKI_FIELDS.map((name, i) => [i, name]));
    const template = model.tmpls[0];
    for (const name of ['Word', 'Sentence']) expect(template.qfmt).toContain(`{{${name}}}`);
    for (const name of ['Meaning', 'Lemma', 'Grammar', 'Note']) expect(template.afmt).toContain(`{{${name}}}`);
    expect(model.did).toBe(ANKI_DECK_ID);
    const deck = JSON.parse(decks)[ANKI_DECK_ID];
    expect(deck).toMatchObject({ id: ANKI_DECK_ID, name: ANKI_DECK_NAME });
    expect(JSON.parse(dconf)[deck.conf]).toBeDefined();
  });

  it('gives a word the same note guid in every export, so importing again updates it', () => {
    const guid = (bytes: Buffer): unknown => {
      const value = open(bytes).prepare('SELECT guid FROM notes').get();
      db.close();
      return value;
    };
    const first = guid(wordsApkg([word({})], 'learner-1', NOW));
    expect(guid(wordsApkg([word({ note: 'changed' })], 'learner-1', new Date(NOW.getTime() + 86_400_000)))).toEqual(first);
    expect(guid(wordsApkg([word({})], 'learner-2', NOW))).not.toEqual(first);
  });

  it('is the same bytes for the same words at the same time', () => {
    expect(wordsApkg([word({})], 'learner-1', NOW).equals(wordsApkg([word({})], 'learner-1', NOW))).toBe(true);
  });
});
