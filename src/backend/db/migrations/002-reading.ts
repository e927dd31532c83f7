import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'reading',
  up(db) {
    db.exec(`
      CREATE TABLE learner_settings (
        learner_id TEXT PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
        settings TEXT NOT NULL
      ) STRICT;
      -- Every look-up is kept, not a counter: reports join them with answers later.
      CREATE TABLE lookups (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        token INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        lemma TEXT NOT NULL,
        looked_up_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lookups_learner_lesson ON lookups (learner_id, lesson_id);
      CREATE TABLE word_status (
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new', 'learning', 'known')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, lemma)
      ) STRICT;
      CREATE TABLE status_changes (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('new', 'learning', 'known')),
        lesson_id TEXT NOT NULL,
        token INTEGER NOT NULL,
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE reading_progress (
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        -- NULL until the learner has a position: time can be counted before any word is touched.
        paragraph INTEGER,
        token INTEGER,
        seconds_read INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, lesson_id)
      ) STRICT;
    `);
  },
};
