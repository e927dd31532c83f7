import type { Migration } from './types';

export const migration015: Migration = {
  version: 15,
  name: 'house-lexicon',
  up(db) {
    db.exec(`
      -- The house lexicon: every sense a teacher confirmed or wrote in a draft, with the lemmas of its sentence, so
      -- the glossing ranks it first next time for the same lemma in a similar context. One row per sense and lesson;
      -- confirming it again refreshes it.
      CREATE TABLE house_senses (
        lemma TEXT NOT NULL,
        pos TEXT NOT NULL,
        sense TEXT NOT NULL,
        note TEXT,
        -- JSON array of the other lemmas of the sentence it was confirmed in.
        context TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        PRIMARY KEY (lemma, pos, sense, lesson_id)
      ) STRICT;
      CREATE INDEX house_senses_by_lemma ON house_senses (lemma, confirmed_at);
    `);
  },
};
