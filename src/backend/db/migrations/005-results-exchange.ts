import type { Migration } from './types';

export const migration005: Migration = {
  version: 5,
  name: 'results-exchange',
  up(db) {
    db.exec(`
      -- Reading time brought in results files from other computers, one row per source installation: importing
      -- the same file again replaces the figure instead of adding it twice.
      CREATE TABLE imported_reading (
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        source TEXT NOT NULL,
        seconds_read INTEGER NOT NULL CHECK (seconds_read >= 0),
        PRIMARY KEY (learner_id, lesson_id, source)
      ) STRICT;
      -- The teacher's record of what was imported and when.
      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        added INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
