// "My words" as an Anki deck (.apkg): a zip of `collection.anki2`, a SQLite collection in Anki's schema 11 (the
// layout every Anki since 2.1 imports; see ankitects/anki rslib/src/storage/schema11.sql), and `media`, the JSON
// map of media files (none here). One note per word, one new card per note; the same word exported again keeps
// its note's guid, so Anki updates the note instead of adding a second one.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { MyWord } from '../../shared/contract/review';
import { connect } from '../db/connection';
import { wordRow } from './word-rows';

/** The note type's fields, in order: Anki stores a note's values joined by \x1f in this order. */
export const ANKI_FIELDS = ['Word', 'Sentence', 'Meaning', 'Lemma', 'Grammar', 'Note', 'Lesson'] as const;

// Fixed ids: importing a later export finds the same note type and deck instead of making new ones.
export const ANKI_MODEL_ID = 1_733_000_000_001;
export const ANKI_DECK_ID = 1_733_000_000_002;
const DECK_CONFIG_ID = 1;
export const ANKI_DECK_NAME = 'Liseuse: my words';

const SCHEMA = `
  CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
    dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
    dconf text not null, tags text not null);
  CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
    tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
  CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
    usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
    factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null);
  CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
    lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
  CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
  CREATE INDEX ix_notes_usn ON notes (usn);
  CREATE INDEX ix_cards_usn ON cards (usn);
  CREATE INDEX ix_revlog_usn ON revlog (usn);
  CREATE INDEX ix_cards_nid ON cards (nid);
  CREATE INDEX ix_cards_sched ON cards (did, queue, due);
  CREATE INDEX ix_revlog_cid ON revlog (cid);
  CREATE INDEX ix_notes_csum ON notes (csum);
`;

const CSS = `.card { font-family: Georgia, serif; font-size: 22px; text-align: center; color: black; background: white; }
.sentence b { background: #fff3b0; }
.meaning { font-weight: bold; }
.grammar, .lesson { font-size: 16px; color: #555; }`;

const FRONT = '<div class="word" lang="fr">{{Word}}</div><div class="sentence" lang="fr">{{Sentence}}</div>';
const BACK =
  '{{FrontSide}}<hr id="answer"><div class="meaning">{{Meaning}}</div>' +
  '<div class="grammar"><span lang="fr">{{Lemma}}</span> · {{Grammar}}</div>{{#Note}}<div class="note">{{Note}}</div>{{/Note}}' +
  '<div class="lesson" lang="fr">{{Lesson}}</div>';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

// The field separator (\x1f) and the other control characters cannot be part of a field's text.
const clean = (text: string): string => text.replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ' '));

/** What Anki uses to find duplicates: the first 8 hex digits of the SHA-1 of the sort field's text, as a number. */
function checksum(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

function noteFields(word: MyWord): string[] {
  const r = wordRow(word);
  const sentence = r.sentence
    ? `${escapeHtml(clean(r.sentence.before))}<b>${escapeHtml(clean(r.sentence.word))}</b>${escapeHtml(clean(r.sentence.after))}`
    : '';
  return [escapeHtml(clean(r.word)), sentence, ...[r.meaning, r.lemma, r.grammar, r.note, r.lesson].map((t) => escapeHtml(clean(t)))];
}

function model(modSeconds: number): object {
  return {
    id: ANKI_MODEL_ID,
    name: 'Liseuse word',
    type: 0,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: ANKI_DECK_ID,
    tmpls: [{ name: 'Meaning in context', ord: 0, qfmt: FRONT, afmt: BACK, bqfmt: '', bafmt: '', did: null }],
    flds: ANKI_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Georgia', size: 20, media: [] })),
    css: CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The front shows something as long as the word or the sentence is there.
    req: [[0, 'any', [0, 1]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, modSeconds: number): object {
  return {
    id,
    name,
    desc: id === ANKI_DECK_ID ? 'Words looked up or marked learning in Liseuse, each in the sentence it was met in.' : '',
    mod: modSeconds,
    usn: -1,
    collapsed: false,
    dyn: 0,
    conf: DECK_CONFIG_ID,
    extendNew: 10,
    extendRev: 50,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

const DECK_CONFIG = {
  id: DECK_CONFIG_ID,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
};

/** The collection's bytes: built in memory with better-sqlite3 and serialised, so nothing is left on disk. */
function collection(words: MyWord[], learnerId: string, now: Date, nativeBinding?: string): Buffer {
  const ms = now.getTime();
  const seconds = Math.floor(ms / 1000);
  const db = connect(':memory:', nativeBinding);
  try {
    db.exec(SCHEMA);
    db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
      seconds,
      ms,
      ms,
      JSON.stringify({ nextPos: words.length + 1, curDeck: ANKI_DECK_ID, curModel: String(ANKI_MODEL_ID), activeDecks: [ANKI_DECK_ID], sortType: 'noteFld', sortBackwards: false, addToCur: true, newSpread: 0, dueCounts: true, estTimes: true, collapseTime: 1200, timeLim: 0 }),
      JSON.stringify({ [ANKI_MODEL_ID]: model(seconds) }),
      JSON.stringify({ 1: deck(1, 'Default', seconds), [ANKI_DECK_ID]: deck(ANKI_DECK_ID, ANKI_DECK_NAME, seconds) }),
      JSON.stringify({ [DECK_CONFIG_ID]: DECK_CONFIG }),
      '{}',
    );
    const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    // A new card: type and queue 0, due is its position among new cards.
    const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    db.transaction(() => {
      words.forEach((word, i) => {
        const fields = noteFields(word);
        const sortField = wordRow(word).word;
        const guid = createHash('sha1').update(`liseuse\u0000${learnerId}\u0000${word.lemma}`).digest('base64url').slice(0, 10);
        note.run(ms + i, guid, ANKI_MODEL_ID, seconds, word.status === 'known' ? ' liseuse known ' : ' liseuse ', fields.join('\x1f'), sortField, checksum(sortField), '');
        card.run(ms + i, ms + i, ANKI_DECK_ID, seconds, i + 1, '');
      });
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

export function wordsApkg(words: MyWord[], learnerId: string, now: Date, nativeBinding?: string): Buffer {
  const mtime = now;
  const zipped = zipSync({
    'collection.anki2': [new Uint8Array(collection(words, learnerId, now, nativeBinding)), { mtime }],
    media: [new TextEncoder().encode('{}'), { mtime }],
  });
  return Buffer.from(zipped);
}
