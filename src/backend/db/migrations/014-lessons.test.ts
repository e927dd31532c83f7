import { describe, expect, it } from 'vitest';
import { columnNames, insertLearner, migrationStep, sqliteErrorCode, tableNames } from '../../../../test/support/db';
import { migration014 } from './014-lessons';
import { MIGRATIONS } from './index';

const AT = '2024-05-01T10:00:00.000Z';

describe('migration 014: lessons in the database, versioned', () => {
  const step = migrationStep(14, {
    seed: (db) => {
      insertLearner(db, 'a', 'Ana', AT);
      db.prepare(`INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at) VALUES ('t', 'a', 'kim-russie', 'comprehension', 1, '[]', ?)`).run(AT);
      db.prepare(`INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, source) VALUES ('i', 'a', 'kim-russie', 'comprehension', 2, '[]', ?, 'elsewhere')`).run(AT);
      db.prepare(`INSERT INTO accepted_answer_overrides (lesson_id, question_id, answer, accepted, changed_at) VALUES ('kim-russie', 'trip-length', 'sept', 1, ?)`).run(AT);
      db.prepare(`INSERT INTO regradings (id, lesson_id, question_id, at, by, change, answer, answers_changed, attempts) VALUES ('r', 'kim-russie', 'trip-length', ?, 'teacher', 'accepted', 'sept', 1, '[]')`).run(AT);
    },
    upgraded: true,
  });

  const insert = (version: number, status: string) =>
    step.db
      .prepare(
        `INSERT INTO lesson_versions (lesson_id, version, status, manifest, text, lexicon, translations, quiz, review, lineage, created_at, updated_at)
         VALUES ('le-chat', ?, ?, '{}', 'Le chat.', '{}', '[]', NULL, NULL, 'l1', ?, ?)`,
      )
      .run(version, status, AT, AT);

  it('is the fourteenth step of the list', () => {
    expect(MIGRATIONS[13]).toBe(migration014);
    expect(migration014.version).toBe(14);
  });

  it('says version 1 for every attempt, accepted answer and regrading already here, and keeps them', () => {
    expect(tableNames(step.db)).toContain('lesson_versions');
    expect(step.db.prepare('SELECT id, lesson_version, source FROM quiz_attempts ORDER BY id').all()).toEqual([
      { id: 'i', lesson_version: 1, source: 'elsewhere' },
      { id: 't', lesson_version: 1, source: null },
    ]);
    expect(step.db.prepare('SELECT lesson_id, lesson_version, question_id, answer, accepted FROM accepted_answer_overrides').all()).toEqual([
      { lesson_id: 'kim-russie', lesson_version: 1, question_id: 'trip-length', answer: 'sept', accepted: 1 },
    ]);
    expect(step.db.prepare('SELECT id, lesson_version FROM regradings').all()).toEqual([{ id: 'r', lesson_version: 1 }]);
    expect(columnNames(step.db, 'quiz_attempts')).toContain('lesson_version');
  });

  it('keeps one draft per lesson, and a published version unchangeable but for its status', () => {
    insert(1, 'draft');
    expect(sqliteErrorCode(() => insert(2, 'draft'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    step.db.prepare("UPDATE lesson_versions SET text = 'Le chien.', status = 'published' WHERE version = 1").run();
    expect(sqliteErrorCode(() => step.db.prepare("UPDATE lesson_versions SET text = 'Le loup.' WHERE version = 1").run())).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(sqliteErrorCode(() => step.db.prepare("UPDATE lesson_versions SET status = 'draft' WHERE version = 1").run())).toBe('SQLITE_CONSTRAINT_TRIGGER');
    step.db.prepare("UPDATE lesson_versions SET status = 'archived' WHERE version = 1").run();
    expect(step.db.prepare('SELECT status, text FROM lesson_versions').all()).toEqual([{ status: 'archived', text: 'Le chien.' }]);
    expect(sqliteErrorCode(() => insert(2, 'removed'))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => insert(0, 'draft'))).toBe('SQLITE_CONSTRAINT_CHECK');
  });
});
