// The teacher's lesson versions (migration 014): drafts, published and archived versions, each its documents as text.
import type { LessonStatus } from '../../../shared/contract/authoring';
import type { LearnerDatabase } from '../learner-database';

/** A lesson's documents as stored: lesson.json, text.fr.txt, lexicon.json, translations.json, quiz.json, review.json. */
export interface LessonDocuments {
  manifest: string;
  text: string;
  lexicon: string;
  translations: string;
  quiz: string | null;
  review: string | null;
}

export interface LessonVersionRow extends LessonDocuments {
  lessonId: string;
  version: number;
  status: LessonStatus;
  revision: number;
  lastSave: string | null;
  authorNotes: string | null;
  /** Which lesson this is across computers (migration 014). */
  lineage: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

interface Row {
  lesson_id: string;
  version: number;
  status: LessonStatus;
  manifest: string;
  text: string;
  lexicon: string;
  translations: string;
  quiz: string | null;
  review: string | null;
  revision: number;
  last_save: string | null;
  author_notes: string | null;
  lineage: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

const fromRow = (r: Row): LessonVersionRow => ({
  lessonId: r.lesson_id,
  version: r.version,
  status: r.status,
  manifest: r.manifest,
  text: r.text,
  lexicon: r.lexicon,
  translations: r.translations,
  quiz: r.quiz,
  review: r.review,
  revision: r.revision,
  lastSave: r.last_save,
  authorNotes: r.author_notes,
  lineage: r.lineage,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

/** A version's place in the list, without its (large) documents. */
export type LessonVersionHead = Omit<LessonVersionRow, keyof LessonDocuments> & { manifest: string };

export class LessonsRepository {
  constructor(readonly db: LearnerDatabase) {}

  /** Every version of every lesson, without text or lexicon: for the lists. */
  heads(): LessonVersionHead[] {
    const rows = this.db
      .sql(
        `SELECT lesson_id, version, status, manifest, revision, last_save, author_notes, lineage, created_at, updated_at, published_at
         FROM lesson_versions ORDER BY lesson_id, version`,
      )
      .all() as Row[];
    return rows.map((r) => {
      const { text: _t, lexicon: _l, translations: _tr, quiz: _q, review: _r, ...head } = fromRow({ ...r, text: '', lexicon: '', translations: '', quiz: null, review: null });
      return head;
    });
  }

  version(lessonId: string, version: number): LessonVersionRow | undefined {
    const row = this.db.sql('SELECT * FROM lesson_versions WHERE lesson_id = ? AND version = ?').get(lessonId, version) as Row | undefined;
    return row && fromRow(row);
  }

  draft(lessonId: string): LessonVersionRow | undefined {
    const row = this.db.sql("SELECT * FROM lesson_versions WHERE lesson_id = ? AND status = 'draft'").get(lessonId) as Row | undefined;
    return row && fromRow(row);
  }

  /** The draft's head alone, without its documents (a long draft's are megabytes): to tell whether it changed. */
  draftHead(lessonId: string): Pick<LessonVersionRow, 'version' | 'revision' | 'createdAt'> | undefined {
    return this.db.sql("SELECT version, revision, created_at AS createdAt FROM lesson_versions WHERE lesson_id = ? AND status = 'draft'").get(lessonId) as
      | Pick<LessonVersionRow, 'version' | 'revision' | 'createdAt'>
      | undefined;
  }

  /** The highest version number the lesson has here, whatever its status; 0 when it has none. */
  lastVersion(lessonId: string): number {
    const row = this.db.sql('SELECT MAX(version) AS v FROM lesson_versions WHERE lesson_id = ?').get(lessonId) as { v: number | null };
    return row.v ?? 0;
  }

  insert(row: Omit<LessonVersionRow, 'revision' | 'lastSave'> & { revision?: number }): void {
    this.db
      .sql(
        `INSERT INTO lesson_versions (lesson_id, version, status, manifest, text, lexicon, translations, quiz, review, revision, author_notes,
           lineage, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.lessonId,
        row.version,
        row.status,
        row.manifest,
        row.text,
        row.lexicon,
        row.translations,
        row.quiz,
        row.review,
        row.revision ?? 0,
        row.authorNotes,
        row.lineage,
        row.createdAt,
        row.updatedAt,
        row.publishedAt,
      );
  }

  /** Writes a draft's changed documents and moves its revision on; false when the draft is not at `revision`. */
  saveDraft(lessonId: string, revision: number, changes: Partial<LessonDocuments> & { authorNotes?: string | null }, lastSave: string, at: string): boolean {
    const columns: Record<keyof typeof changes, string> = {
      manifest: 'manifest',
      text: 'text',
      lexicon: 'lexicon',
      translations: 'translations',
      quiz: 'quiz',
      review: 'review',
      authorNotes: 'author_notes',
    };
    const keys = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => changes[key] !== undefined);
    const sets = keys.map((key) => `${columns[key]} = ?`).join(', ');
    const result = this.db
      .sql(
        `UPDATE lesson_versions SET ${sets}${sets ? ', ' : ''}revision = revision + 1, last_save = ?, updated_at = ?
         WHERE lesson_id = ? AND status = 'draft' AND revision = ?`,
      )
      .run(...keys.map((key) => changes[key]), lastSave, at, lessonId, revision);
    return result.changes === 1;
  }

  publish(lessonId: string, version: number, at: string): void {
    this.db.sql("UPDATE lesson_versions SET status = 'published', published_at = ?, review = NULL, updated_at = ? WHERE lesson_id = ? AND version = ? AND status = 'draft'").run(at, at, lessonId, version);
  }

  archive(lessonId: string, at: string): void {
    this.db.sql("DELETE FROM lesson_versions WHERE lesson_id = ? AND status = 'draft'").run(lessonId);
    this.db.sql("UPDATE lesson_versions SET status = 'archived', updated_at = ? WHERE lesson_id = ? AND status = 'published'").run(at, lessonId);
  }

  /** Gives the draft a higher version number: a newer version arrived in a pack while it was being written. */
  renumberDraft(lessonId: string, version: number): void {
    this.db.sql("UPDATE lesson_versions SET version = ? WHERE lesson_id = ? AND status = 'draft'").run(version, lessonId);
  }

  /** The lesson's lineage (any version has it), or undefined when the lesson has no version here. */
  lineage(lessonId: string): string | undefined {
    return (this.db.sql('SELECT lineage FROM lesson_versions WHERE lesson_id = ? LIMIT 1').get(lessonId) as { lineage: string } | undefined)?.lineage;
  }

  eraseDraft(lessonId: string): void {
    this.db.sql("DELETE FROM lesson_versions WHERE lesson_id = ? AND status = 'draft'").run(lessonId);
  }

  erase(lessonId: string): void {
    this.db.sql('DELETE FROM lesson_versions WHERE lesson_id = ?').run(lessonId);
  }

  /** Comprehension and vocabulary attempts on any version of the lesson, taken here or imported. */
  attemptCount(lessonId: string): number {
    return (this.db.sql('SELECT COUNT(*) AS n FROM quiz_attempts WHERE lesson_id = ?').get(lessonId) as { n: number }).n;
  }

  attemptCounts(): Map<string, number> {
    const rows = this.db.sql('SELECT lesson_id, COUNT(*) AS n FROM quiz_attempts GROUP BY lesson_id').all() as { lesson_id: string; n: number }[];
    return new Map(rows.map((r) => [r.lesson_id, r.n]));
  }
}
