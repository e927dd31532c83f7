// A learner's results as rows for a results file, and the import of such a file: every record keeps its id, so
// INSERT OR IGNORE makes a second import of the same file change nothing.
import { randomUUID } from 'node:crypto';
import type { ResultFile, ResultFileInput } from '../../../core/reports/result-file';
import type { RegradedAttempt } from '../../../core/reports/result-regrade';
import type { LearnerDatabase } from '../learner-database';

const INSTALLATION = 'installation_id';

export interface ImportCounts {
  attempts: number;
  answers: number;
  lookups: number;
  statusChanges: number;
}

export class ResultsRepository {
  constructor(private readonly db: LearnerDatabase) {}

  /** A random id for this copy of Liseuse, made on first need. */
  installationId(): string {
    const found = this.db.sql('SELECT value FROM app_state WHERE key = ?').get(INSTALLATION) as { value: string } | undefined;
    if (found) return found.value;
    const id = randomUUID();
    this.db.sql('INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)').run(INSTALLATION, id);
    return (this.db.sql('SELECT value FROM app_state WHERE key = ?').get(INSTALLATION) as { value: string }).value;
  }

  /** Everything of one learner that a results file carries (reading time: this computer's own only). */
  learnerRecords(learnerId: string): Pick<ResultFileInput, 'attempts' | 'lookups' | 'statusChanges' | 'reading'> {
    const attempts = this.db
      .sql('SELECT id, lesson_id, lesson_version, kind, seed, questions, started_at, finished_at, score FROM quiz_attempts WHERE learner_id = ? ORDER BY started_at, rowid')
      .all(learnerId) as { id: string; lesson_id: string; lesson_version: number; kind: 'comprehension' | 'vocabulary'; seed: number; questions: string; started_at: string; finished_at: string | null; score: number | null }[];
    const answers = this.db.sql('SELECT id, question_id, answer, score, verdict, time_ms, answered_at FROM quiz_answers WHERE attempt_id = ? ORDER BY answered_at, rowid');
    return {
      attempts: attempts.map((a) => ({
        id: a.id,
        lessonId: a.lesson_id,
        lessonVersion: a.lesson_version,
        kind: a.kind,
        seed: a.seed,
        questions: a.questions,
        startedAt: a.started_at,
        finishedAt: a.finished_at,
        score: a.score,
        answers: (answers.all(a.id) as { id: string; question_id: string; answer: string; score: number; verdict: 'correct' | 'partial' | 'almost' | 'wrong'; time_ms: number; answered_at: string }[]).map((q) => ({
          id: q.id,
          questionId: q.question_id,
          answer: q.answer,
          score: q.score,
          verdict: q.verdict,
          timeMs: q.time_ms,
          answeredAt: q.answered_at,
        })),
      })),
      lookups: (this.db.sql('SELECT id, lesson_id, token, paragraph, lemma, looked_up_at FROM lookups WHERE learner_id = ? ORDER BY looked_up_at, rowid').all(learnerId) as { id: string; lesson_id: string; token: number; paragraph: number; lemma: string; looked_up_at: string }[]).map((l) => ({
        id: l.id,
        lessonId: l.lesson_id,
        token: l.token,
        paragraph: l.paragraph,
        lemma: l.lemma,
        at: l.looked_up_at,
      })),
      statusChanges: (this.db.sql('SELECT id, lesson_id, token, lemma, status, changed_at FROM status_changes WHERE learner_id = ? ORDER BY changed_at, rowid').all(learnerId) as { id: string; lesson_id: string; token: number; lemma: string; status: 'new' | 'learning' | 'known'; changed_at: string }[]).map((s) => ({
        id: s.id,
        lessonId: s.lesson_id,
        token: s.token,
        lemma: s.lemma,
        status: s.status,
        at: s.changed_at,
      })),
      reading: (this.db.sql('SELECT lesson_id, seconds_read FROM reading_progress WHERE learner_id = ?').all(learnerId) as { lesson_id: string; seconds_read: number }[]).map((r) => ({
        lessonId: r.lesson_id,
        secondsRead: r.seconds_read,
      })),
    };
  }

  /** Runs `work` in one write transaction: the learner an import creates and its records commit together. */
  writing<T>(work: () => T): T {
    return this.db.write(work);
  }

  /** The learner here that the teacher merged a learner of another computer into. */
  mergedInto(fileLearnerId: string): string | undefined {
    return (this.db.sql('SELECT learner_id FROM merged_learners WHERE file_learner_id = ?').get(fileLearnerId) as { learner_id: string } | undefined)?.learner_id;
  }

  rememberMerge(fileLearnerId: string, learnerId: string): void {
    this.db.sql('INSERT OR REPLACE INTO merged_learners (file_learner_id, learner_id) VALUES (?, ?)').run(fileLearnerId, learnerId);
  }

  /**
   * Writes one file's records for a learner here, all or nothing; returns what it wrote. Attempts come regraded.
   * An attempt id already here is left alone unless it is this learner's, brought earlier from the same source:
   * then only its missing answers go in, and its end and score when the file has it finished.
   */
  importFile(file: ResultFile, attempts: readonly RegradedAttempt[], learnerId: string, fileName: string, now: string): ImportCounts {
    return this.db.write(() => {
      const counts: ImportCounts = { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 };
      const existing = this.db.sql('SELECT learner_id, source, finished_at FROM quiz_attempts WHERE id = ?');
      const attempt = this.db.sql(
        `INSERT INTO quiz_attempts (id, learner_id, lesson_id, lesson_version, kind, seed, questions, started_at, finished_at, score, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const answer = this.db.sql(
        `INSERT OR IGNORE INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const finish = this.db.sql('UPDATE quiz_attempts SET finished_at = ?, score = ? WHERE id = ? AND finished_at IS NULL');
      for (const a of attempts) {
        const found = existing.get(a.id) as { learner_id: string; source: string | null; finished_at: string | null } | undefined;
        if (found && (found.learner_id !== learnerId || found.source !== file.source)) continue;
        if (!found) counts.attempts += attempt.run(a.id, learnerId, a.lessonId, a.lessonVersion, a.kind, a.seed, a.questions, a.startedAt, a.finishedAt, a.score, file.source).changes;
        for (const q of a.answers) counts.answers += answer.run(q.id, a.id, q.questionId, q.answer, q.score, q.verdict, q.timeMs, q.answeredAt).changes;
        // Finished on the other computer after an earlier import of it.
        if (found && a.finishedAt) finish.run(a.finishedAt, a.score, a.id);
      }

      const lookup = this.db.sql('INSERT OR IGNORE INTO lookups (id, learner_id, lesson_id, token, paragraph, lemma, looked_up_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const l of file.lookups) counts.lookups += lookup.run(l.id, learnerId, l.lessonId, l.token, l.paragraph, l.lemma, l.at).changes;

      const change = this.db.sql('INSERT OR IGNORE INTO status_changes (id, learner_id, lemma, status, lesson_id, token, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const s of file.statusChanges) counts.statusChanges += change.run(s.id, learnerId, s.lemma, s.status, s.lessonId, s.token, s.at).changes;
      // The current status of each word is its latest change, wherever it was made.
      this.db.sql(
          `INSERT INTO word_status (learner_id, lemma, status, updated_at)
           SELECT learner_id, lemma, status, changed_at FROM (
             SELECT *, row_number() OVER (PARTITION BY lemma ORDER BY changed_at DESC, id DESC) AS nth FROM status_changes WHERE learner_id = ?
           ) WHERE nth = 1
           ON CONFLICT (learner_id, lemma) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
           WHERE excluded.updated_at >= word_status.updated_at`,
        )
        .run(learnerId);

      // A file made on this computer brings back reading time that reading_progress already holds.
      if (file.source !== this.installationId()) {
        const reading = this.db.sql(
          `INSERT INTO imported_reading (learner_id, lesson_id, source, seconds_read) VALUES (?, ?, ?, ?)
           ON CONFLICT (learner_id, lesson_id, source) DO UPDATE SET seconds_read = max(seconds_read, excluded.seconds_read)`,
        );
        for (const r of file.reading) reading.run(learnerId, r.lessonId, file.source, r.secondsRead);
      }

      const added = counts.attempts + counts.answers + counts.lookups + counts.statusChanges;
      this.db.sql('INSERT INTO imports (id, file_name, learner_id, source, exported_at, imported_at, added) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), fileName, learnerId, file.source, file.exportedAt, now, added);
      return counts;
    });
  }
}
