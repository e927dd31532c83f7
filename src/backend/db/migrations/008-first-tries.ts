import type { Migration } from './types';

// A near miss on a typed answer ("almost: check the spelling") lets the learner try once more. The first try is
// kept here, apart from quiz_answers, which holds the one counted answer per question that every score and
// report sums; the first try stays after the second is given, so a report can show both.
export const migration008: Migration = {
  version: 8,
  name: 'first-tries',
  up(db) {
    db.exec(`
      CREATE TABLE quiz_first_tries (
        attempt_id TEXT NOT NULL REFERENCES quiz_attempts (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict = 'almost'),
        time_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      ) STRICT;
    `);
  },
};
