import type { Migration } from './types';

export const migration013: Migration = {
  version: 13,
  name: 'phrases',
  up(db) {
    db.exec(`
      -- A phrase a learner saved from the reader: several words of one sentence, kept by token range so its text
      -- and sentence always come from the lesson. Its review card is the review_cards row with the same lemma
      -- (the phrase's key, "phrase:" and its text in lower case).
      CREATE TABLE phrases (
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        first_token INTEGER NOT NULL,
        last_token INTEGER NOT NULL,
        PRIMARY KEY (learner_id, lemma)
      ) STRICT;
    `);
  },
};
