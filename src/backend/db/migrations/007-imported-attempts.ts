import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'imported-attempts',
  up(db) {
    db.exec(`
      -- The installation a results file brought the attempt from; NULL for an attempt taken on this computer.
      -- An imported attempt is never resumed here, and no import ever changes an attempt whose source is NULL.
      ALTER TABLE quiz_attempts ADD COLUMN source TEXT;
      -- A learner from another computer that the teacher chose to merge into a learner here: later files of theirs
      -- go to the same learner without asking again.
      CREATE TABLE merged_learners (
        file_learner_id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
