import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'quizzes',
  up(db) {
    db.exec(`
      CREATE TABLE quiz_attempts (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('comprehension', 'vocabulary')),
        -- Per-attempt option order comes from this seed, so a resumed attempt shows the same order.
        seed INTEGER NOT NULL,
        -- The questions of this attempt, in order: ids for the lesson's quiz, whole questions for generated practice.
        questions TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        -- Mean question score, 0..1, set when the last question is answered.
        score REAL
      ) STRICT;
      CREATE INDEX quiz_attempts_learner_lesson ON quiz_attempts (learner_id, lesson_id, started_at);
      CREATE TABLE quiz_answers (
        id TEXT PRIMARY KEY,
        attempt_id TEXT NOT NULL REFERENCES quiz_attempts (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'partial', 'almost', 'wrong')),
        time_ms INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        UNIQUE (attempt_id, question_id)
      ) STRICT;
    `);
  },
};
