import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep, sqliteErrorCode } from '../../../../test/support/db';
import { migration011 } from './011-open-grades';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 011: open grades', () => {
  const step = migrationStep(migration011.version, {
    seed: (db) => {
      insertLearner(db, 'l1', 'Zoé', AT);
      db.prepare(
        "INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score) VALUES ('a1', 'l1', 'kim-russie', 'comprehension', 1, '[]', ?, NULL, NULL)",
      ).run(AT);
      db.prepare(
        "INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES ('q1', 'a1', 'trip-length', '{}', 0.5, 'partial', 1200, ?)",
      ).run(AT);
      db.prepare("INSERT INTO quiz_first_tries (attempt_id, question_id, answer, verdict, time_ms, answered_at) VALUES ('a1', 'trip-length', '{}', 'almost', 900, ?)").run(AT);
    },
    upgraded: true,
  });

  const insert = (id: string, questionId: string, verdict: string): string =>
    sqliteErrorCode(() =>
      step.db.prepare("INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, 'a1', ?, '{}', 0, ?, 0, ?)").run(
        id,
        questionId,
        verdict,
        AT,
      ),
    );

  it('keeps every stored answer as it was', () => {
    expect(step.db.prepare('SELECT id, attempt_id, question_id, score, verdict, time_ms, teacher_comment, graded_at FROM quiz_answers').all()).toEqual([
      { id: 'q1', attempt_id: 'a1', question_id: 'trip-length', score: 0.5, verdict: 'partial', time_ms: 1200, teacher_comment: null, graded_at: null },
    ]);
  });

  it('lets an answer await the teacher, and still refuses an unknown verdict', () => {
    expect(insert('q2', 'summary', 'awaiting')).toBe('no error');
    expect(insert('q3', 'opinion', 'maybe')).toBe('SQLITE_CONSTRAINT_CHECK');
  });

  it('keeps one answer per question of an attempt and the link to its attempt', () => {
    expect(insert('q4', 'trip-length', 'wrong')).toBe('SQLITE_CONSTRAINT_UNIQUE');
    step.db.prepare("DELETE FROM quiz_attempts WHERE id = 'a1'").run();
    expect(step.db.prepare('SELECT count(*) AS n FROM quiz_answers').get()).toEqual({ n: 0 });
  });

  it('leaves the near-miss first tries beside the rebuilt answers, every foreign key holding', () => {
    expect(step.db.prepare('SELECT attempt_id, question_id, verdict FROM quiz_first_tries').all()).toEqual([{ attempt_id: 'a1', question_id: 'trip-length', verdict: 'almost' }]);
    expect(step.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('adds the teacher comment and grading time', () => {
    expect(columnNames(step.db, 'quiz_answers')).toEqual(expect.arrayContaining(['teacher_comment', 'graded_at']));
  });
});
