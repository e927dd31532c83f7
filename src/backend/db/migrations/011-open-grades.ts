import type { Migration } from './types';

// Open questions: an answer may wait for the teacher ('awaiting', counted in no score), and a graded one keeps
// the teacher's comment for the learner and when it was graded. SQLite cannot alter a CHECK constraint, so
// quiz_answers is rebuilt from its own stored definition with the verdict list widened: whatever columns and
// indexes earlier steps gave it are kept as they are.
export const migration011: Migration = {
  version: 11,
  name: 'open-grades',
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'quiz_answers'").get() as { sql: string } | undefined;
    const verdicts = /verdict IN \(([^)]*)\)/u;
    if (!table || !verdicts.test(table.sql)) throw new Error('quiz_answers has no verdict check to widen');
    const widened = table.sql
      .replace(/^CREATE TABLE quiz_answers\b/u, 'CREATE TABLE quiz_answers_widened')
      .replace(verdicts, (_, list: string) => `verdict IN (${list}, 'awaiting')`);
    const indexes = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'quiz_answers' AND sql IS NOT NULL").all() as { sql: string }[];
    db.exec(widened);
    db.exec('INSERT INTO quiz_answers_widened SELECT * FROM quiz_answers');
    db.exec('DROP TABLE quiz_answers');
    db.exec('ALTER TABLE quiz_answers_widened RENAME TO quiz_answers');
    for (const index of indexes) db.exec(index.sql);
    db.exec(`
      -- Set when the teacher grades an open answer (score and verdict then hold the grade).
      ALTER TABLE quiz_answers ADD COLUMN teacher_comment TEXT;
      ALTER TABLE quiz_answers ADD COLUMN graded_at TEXT;
      CREATE INDEX quiz_answers_awaiting ON quiz_answers (attempt_id) WHERE verdict = 'awaiting';
    `);
  },
};
