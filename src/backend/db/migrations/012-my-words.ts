import type { Migration } from './types';

export const migration012: Migration = {
  version: 12,
  name: 'my-words',
  up(db) {
    db.exec(`
      -- The learner's own note or meaning on a word, shown in "My words" and exported with it; NULL when none.
      ALTER TABLE review_cards ADD COLUMN note TEXT;
      -- When the learner chose to ignore the word: it is never offered for review again until they take it back.
      ALTER TABLE review_cards ADD COLUMN ignored_at TEXT;
    `);
  },
};
