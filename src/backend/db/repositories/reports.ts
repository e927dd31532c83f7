// The rows a class report is built from, for one lesson, read in a handful of set-based queries.
import type { ReportInput } from '../../../core/reports/class-report';
import type { Db } from '../connection';

export class ReportsRepository {
  constructor(private readonly db: Db) {}

  rows(lessonId: string): Omit<ReportInput, 'lesson' | 'quiz'> {
    const learners = this.db.prepare('SELECT id, name FROM learners ORDER BY name_key').all() as ReportInput['learners'];
    const attempts = (
      this.db
        .prepare(
          `SELECT id, learner_id, started_at, finished_at, score FROM quiz_attempts
           WHERE lesson_id = ? AND kind = 'comprehension' ORDER BY started_at, rowid`,
        )
        .all(lessonId) as { id: string; learner_id: string; started_at: string; finished_at: string | null; score: number | null }[]
    ).map((a) => ({ id: a.id, learnerId: a.learner_id, startedAt: a.started_at, finishedAt: a.finished_at, score: a.score }));
    const answers = (
      this.db
        .prepare(
          `SELECT q.attempt_id, q.question_id, q.answer, q.score, q.verdict, q.time_ms, q.answered_at
           FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
           WHERE a.lesson_id = ? AND a.kind = 'comprehension'`,
        )
        .all(lessonId) as { attempt_id: string; question_id: string; answer: string; score: number; verdict: string; time_ms: number; answered_at: string }[]
    ).map((q) => ({ attemptId: q.attempt_id, questionId: q.question_id, answer: q.answer, score: q.score, verdict: q.verdict, timeMs: q.time_ms, answeredAt: q.answered_at }));
    const lookups = (
      this.db.prepare('SELECT learner_id, lemma, paragraph FROM lookups WHERE lesson_id = ?').all(lessonId) as { learner_id: string; lemma: string; paragraph: number }[]
    ).map((l) => ({ learnerId: l.learner_id, lemma: l.lemma, paragraph: l.paragraph }));
    // Time read here plus time read on other computers, brought in by results files.
    const reading = this.db
      .prepare(
        `SELECT learner_id, sum(seconds) AS seconds FROM (
           SELECT learner_id, seconds_read AS seconds FROM reading_progress WHERE lesson_id = ?
           UNION ALL
           SELECT learner_id, seconds_read FROM imported_reading WHERE lesson_id = ?
         ) GROUP BY learner_id`,
      )
      .all(lessonId, lessonId) as { learner_id: string; seconds: number }[];
    const statuses = (
      this.db
        .prepare(`SELECT learner_id, status, count(*) AS count FROM word_status WHERE status IN ('learning', 'known') GROUP BY learner_id, status`)
        .all() as { learner_id: string; status: 'learning' | 'known'; count: number }[]
    ).map((s) => ({ learnerId: s.learner_id, status: s.status, count: s.count }));
    return {
      learners,
      attempts,
      answers,
      lookups,
      readingSeconds: Object.fromEntries(reading.map((r) => [r.learner_id, r.seconds])),
      statuses,
    };
  }
}
