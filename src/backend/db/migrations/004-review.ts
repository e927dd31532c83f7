import type { Migration } from './types';

// Version 4 holds two things: spaced review (cards and their logs) and the teacher PIN table, which shipped in the
// same release. Its name stays 'review': a released step is never edited, and its tables stay where they are.
export const migration004: Migration = {
  version: 4,
  name: 'review',
  up(db) {
    db.exec(`
      -- One spaced-review card per learner and lemma (the lemma folded as word_status keys it), made when the
      -- word is first looked up or marked learning. The scheduling columns are ts-fsrs's Card; a new card is
      -- all zeros, due at once. lesson_id and token point at the occurrence the word was met in, for its sentence.
      CREATE TABLE review_cards (
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        token INTEGER NOT NULL,
        due TEXT NOT NULL,
        stability REAL NOT NULL DEFAULT 0,
        difficulty REAL NOT NULL DEFAULT 0,
        elapsed_days INTEGER NOT NULL DEFAULT 0,
        scheduled_days INTEGER NOT NULL DEFAULT 0,
        learning_steps INTEGER NOT NULL DEFAULT 0,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        -- 0 new, 1 learning, 2 review, 3 relearning
        state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
        last_review TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, lemma)
      ) STRICT;
      CREATE INDEX review_cards_learner_due ON review_cards (learner_id, due);
      -- Every grading, kept: the card as it was before the review and the rating (1 again .. 4 easy).
      CREATE TABLE review_logs (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lemma TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
        due TEXT NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        elapsed_days INTEGER NOT NULL,
        last_elapsed_days INTEGER NOT NULL,
        scheduled_days INTEGER NOT NULL,
        learning_steps INTEGER NOT NULL,
        reviewed_at TEXT NOT NULL,
        FOREIGN KEY (learner_id, lemma) REFERENCES review_cards (learner_id, lemma) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX review_logs_learner ON review_logs (learner_id, reviewed_at);
      -- The teacher PIN of this computer: one row at most. Only a salted scrypt hash and its parameters are kept,
      -- with the count of wrong PINs in a row and the lock-out they earned, so a restart does not reset them.
      CREATE TABLE teacher_pin (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hash BLOB NOT NULL,
        salt BLOB NOT NULL,
        log2n INTEGER NOT NULL,
        block_size INTEGER NOT NULL,
        parallelism INTEGER NOT NULL,
        set_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      ) STRICT;

      -- Words met before this version get their card too: from the first look-up of each lemma...
      INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at)
      SELECT learner_id, lemma, lesson_id, token, looked_up_at, looked_up_at FROM (
        SELECT *, row_number() OVER (PARTITION BY learner_id, lemma ORDER BY looked_up_at, id) AS nth FROM lookups
      ) WHERE nth = 1;
      -- ...or, for a word marked learning (at some time) without a look-up, from the first time it was marked so.
      INSERT OR IGNORE INTO review_cards (learner_id, lemma, lesson_id, token, due, created_at)
      SELECT learner_id, lemma, lesson_id, token, changed_at, changed_at FROM (
        SELECT *, row_number() OVER (PARTITION BY learner_id, lemma ORDER BY changed_at, id) AS nth
        FROM status_changes WHERE status = 'learning'
      ) WHERE nth = 1;
    `);
  },
};
