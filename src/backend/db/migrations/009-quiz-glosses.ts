import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: 'quiz-glosses',
  up(db) {
    db.exec(`
      -- The teacher's choice, per lesson and quiz kind, of glosses in the text beside the quiz. No row: the default
      -- (shown for comprehension, hidden for vocabulary practice, where a gloss is the answer).
      CREATE TABLE quiz_gloss_settings (
        lesson_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('comprehension', 'vocabulary')),
        shown INTEGER NOT NULL CHECK (shown IN (0, 1)),
        changed_at TEXT NOT NULL,
        PRIMARY KEY (lesson_id, kind)
      ) STRICT;
    `);
  },
};
