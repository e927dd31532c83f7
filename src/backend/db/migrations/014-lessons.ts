import type { Migration } from './types';

export const migration014: Migration = {
  version: 14,
  name: 'lessons',
  up(db) {
    db.exec(`
      -- The teacher's own lessons, one row per version, each holding a lesson's five documents as text (the same
      -- documents a built-in lesson folder has) and, for a draft, review.json (what the glossing left unsure).
      -- Built-in lessons are not here: they are version 1 of their folder; a draft edited from one is version 2.
      CREATE TABLE lesson_versions (
        lesson_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        manifest TEXT NOT NULL,
        text TEXT NOT NULL,
        lexicon TEXT NOT NULL,
        translations TEXT NOT NULL,
        quiz TEXT,
        review TEXT,
        -- A draft's save counter, so a stale save is refused; last_save is a digest of the save that made it, so
        -- the same save retried (an autosave whose reply was lost) is answered instead of refused.
        revision INTEGER NOT NULL DEFAULT 0,
        last_save TEXT,
        author_notes TEXT,
        -- Which lesson this is, across computers: made when it is created, carried by its packs, so that another
        -- teacher's lesson with the same id is kept as a copy instead of taken for a newer version.
        lineage TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_at TEXT,
        PRIMARY KEY (lesson_id, version)
      ) STRICT;
      CREATE UNIQUE INDEX lesson_versions_one_draft ON lesson_versions (lesson_id) WHERE status = 'draft';
      -- A published version is what attempts were answered on: its documents never change (a new draft version
      -- carries the edits); only its status may (archived).
      CREATE TRIGGER lesson_versions_published_immutable
        BEFORE UPDATE OF lesson_id, version, lineage, manifest, text, lexicon, translations, quiz ON lesson_versions
        WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'a published lesson version cannot change'); END;
      CREATE TRIGGER lesson_versions_no_unpublish
        BEFORE UPDATE OF status ON lesson_versions
        WHEN OLD.status <> 'draft' AND NEW.status = 'draft'
        BEGIN SELECT RAISE(ABORT, 'a published lesson version cannot become a draft again'); END;

      -- Everything answered against a lesson says which version: attempts (taken here or imported; their answers,
      -- first tries and open grades hang from them), and the teacher's accepted answers and regradings, which are
      -- per question of one version's quiz. Everything before versions was answered on version 1.
      ALTER TABLE quiz_attempts ADD COLUMN lesson_version INTEGER NOT NULL DEFAULT 1 CHECK (lesson_version >= 1);
      ALTER TABLE regradings ADD COLUMN lesson_version INTEGER NOT NULL DEFAULT 1 CHECK (lesson_version >= 1);
      CREATE TABLE accepted_answer_overrides_versioned (
        lesson_id TEXT NOT NULL,
        lesson_version INTEGER NOT NULL DEFAULT 1 CHECK (lesson_version >= 1),
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        changed_at TEXT NOT NULL,
        PRIMARY KEY (lesson_id, lesson_version, question_id, answer)
      ) STRICT;
      INSERT INTO accepted_answer_overrides_versioned (lesson_id, lesson_version, question_id, answer, accepted, changed_at)
        SELECT lesson_id, 1, question_id, answer, accepted, changed_at FROM accepted_answer_overrides;
      DROP TABLE accepted_answer_overrides;
      ALTER TABLE accepted_answer_overrides_versioned RENAME TO accepted_answer_overrides;
    `);
  },
};
