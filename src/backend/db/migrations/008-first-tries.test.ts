import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 008: first tries', () => {
  const step = migrationStep(8, {
    seed: (db) => {
      insertLearner(db, 'l1', 'Amélie', AT);
      db.prepare(
        `INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES ('a1', 'l1', 'kim-russie', 'comprehension', 1, '[]', ?)`,
      ).run(AT);
      db.prepare(
        `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES ('x', 'a1', 'q', '{}', 1, 'correct', 5, ?)`,
      ).run(AT);
    },
    upgraded: true,
  });

  const addTry = (attempt: string, question: string, verdict = 'almost'): void => {
    step.db.prepare('INSERT INTO quiz_first_tries (attempt_id, question_id, answer, verdict, time_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      attempt, question, '{"type":"short-answer","text":"sept jour"}', verdict, 1200, AT,
    );
  };

  it('adds the table and keeps the answers already stored', () => {
    expect(tableNames(step.db)).toContain('quiz_first_tries');
    expect(columnNames(step.db, 'quiz_first_tries')).toEqual(['attempt_id', 'question_id', 'answer', 'verdict', 'time_ms', 'answered_at']);
    expect(step.db.prepare('SELECT count(*) AS n FROM quiz_answers').get()).toEqual({ n: 1 });
  });

  it('holds one first try per question of an attempt, only a near miss, only for an attempt that exists', () => {
    addTry('a1', 'q');
    expect(sqliteErrorCode(() => addTry('a1', 'q'))).toMatch(/CONSTRAINT/);
    expect(sqliteErrorCode(() => addTry('a1', 'r', 'wrong'))).toMatch(/CONSTRAINT/);
    expect(sqliteErrorCode(() => addTry('nope', 's'))).toMatch(/CONSTRAINT/);
  });

  it('goes with its attempt', () => {
    addTry('a1', 'q');
    step.db.prepare("DELETE FROM quiz_attempts WHERE id = 'a1'").run();
    expect(step.db.prepare('SELECT count(*) AS n FROM quiz_first_tries').get()).toEqual({ n: 0 });
  });
});
