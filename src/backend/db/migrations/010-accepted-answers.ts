import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: 'accepted-answers',
  up(db) {
    db.exec(`
      -- The teacher's corrections to a typed question's accepted answers on this computer: an answer added to the
      -- quiz's list (accepted = 1) or taken out of it (accepted = 0). Keyed by lesson and question, as quizzes are.
      CREATE TABLE accepted_answer_overrides (
        lesson_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        changed_at TEXT NOT NULL,
        PRIMARY KEY (lesson_id, question_id, answer)
      ) STRICT;
      -- Every regrading those corrections caused: who, when, what, and each changed attempt's score before and
      -- after (JSON [{ attemptId, learnerId, before, after }]), so that reports and exports can say so.
      CREATE TABLE regradings (
        id TEXT PRIMARY KEY,
        lesson_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ('accepted', 'rejected')),
        answer TEXT NOT NULL,
        answers_changed INTEGER NOT NULL CHECK (answers_changed >= 0),
        attempts TEXT NOT NULL
      ) STRICT;
      CREATE INDEX regradings_by_lesson ON regradings (lesson_id, at);
    `);
  },
};
