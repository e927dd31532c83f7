// The rows a class report is built from, for one lesson, read in a handful of set-based queries.
import type { ClassReportInput, CountedAnswer, ReportInput } from '../../../core/reports/class-report';
import type { LearnerDatabase } from '../learner-database';

/** Everything a report reads except the answers, which are by far the most rows. */
export type ReportRows = Omit<ReportInput, 'lesson' | 'quiz' | 'answers'>;

// Answers in one fixed order, attempt by attempt as stored, then by question: the class report sums scores in
// this order, so the answers read every way must come in it for the sums to agree to the last bit.
const ANSWER_ORDER = 'ORDER BY a.rowid, q.question_id';

export class ReportsRepository {
  constructor(private readonly db: LearnerDatabase) {}

  /** Everything a report reads: every comprehension answer of the lesson included. */
  rows(lessonId: string): Omit<ReportInput, 'lesson' | 'quiz'> {
    return { ...this.withoutAnswers(lessonId), answers: this.answers(lessonId) };
  }

  withoutAnswers(lessonId: string): ReportRows {
    const learners = this.db.sql('SELECT id, name FROM learners ORDER BY name_key').all() as ReportInput['learners'];
    const attempts = (
      this.db
        .sql(
          `SELECT id, learner_id, started_at, finished_at, score FROM quiz_attempts
           WHERE lesson_id = ? AND kind = 'comprehension' ORDER BY started_at, rowid`,
        )
        .all(lessonId) as { id: string; learner_id: string; started_at: string; finished_at: string | null; score: number | null }[]
    ).map((a) => ({ id: a.id, learnerId: a.learner_id, startedAt: a.started_at, finishedAt: a.finished_at, score: a.score }));
    const lookups = (
      this.db.sql('SELECT learner_id, lemma, paragraph FROM lookups WHERE lesson_id = ?').all(lessonId) as { learner_id: string; lemma: string; paragraph: number }[]
    ).map((l) => ({ learnerId: l.learner_id, lemma: l.lemma, paragraph: l.paragraph }));
    // Time read here plus time read on other computers, brought in by results files.
    const reading = this.db
      .sql(
        `SELECT learner_id, sum(seconds) AS seconds FROM (
           SELECT learner_id, seconds_read AS seconds FROM reading_progress WHERE lesson_id = ?
           UNION ALL
           SELECT learner_id, seconds_read FROM imported_reading WHERE lesson_id = ?
         ) GROUP BY learner_id`,
      )
      .all(lessonId, lessonId) as { learner_id: string; seconds: number }[];
    const statuses = (
      this.db
        .sql(`SELECT learner_id, status, count(*) AS count FROM word_status WHERE status IN ('learning', 'known') GROUP BY learner_id, status`)
        .all() as { learner_id: string; status: 'learning' | 'known'; count: number }[]
    ).map((s) => ({ learnerId: s.learner_id, status: s.status, count: s.count }));
    return {
      learners,
      attempts,
      lookups,
      readingSeconds: Object.fromEntries(reading.map((r) => [r.learner_id, r.seconds])),
      statuses,
    };
  }

  /** Every comprehension answer of the lesson. */
  answers(lessonId: string): ReportInput['answers'] {
    return (
      this.db
        .sql(
          `SELECT q.attempt_id, q.question_id, q.answer, q.score, q.verdict, q.time_ms, q.answered_at
           FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
           WHERE a.lesson_id = ? AND a.kind = 'comprehension' ${ANSWER_ORDER}`,
        )
        .all(lessonId) as { attempt_id: string; question_id: string; answer: string; score: number; verdict: string; time_ms: number; answered_at: string }[]
    ).map((q) => ({ attemptId: q.attempt_id, questionId: q.question_id, answer: q.answer, score: q.score, verdict: q.verdict, timeMs: q.time_ms, answeredAt: q.answered_at }));
  }

  /** The answers of the given attempts, in the same order as answers() lists them: four columns, not seven. */
  answersOf(attemptIds: readonly string[]): CountedAnswer[] {
    // The ids go in as one JSON array parameter, however many there are, and each row names its attempt by its
    // index in that array: 20,000 answers then share 1,000 id strings instead of each bringing its own copy.
    const rows = this.db
      .sql(
        `SELECT j.key, q.question_id, q.answer, q.score
         FROM json_each(?) j JOIN quiz_attempts a ON a.id = j.value JOIN quiz_answers q ON q.attempt_id = a.id
         ${ANSWER_ORDER}`,
      )
      .raw()
      .all(JSON.stringify(attemptIds)) as [number, string, string, number][];
    return rows.map(([index, questionId, answer, score]) => ({ attemptId: attemptIds[index] as string, questionId, answer, score }));
  }

  /** How many distinct questions each of the given attempts answered; attempts with no answer are left out. */
  answeredQuestions(attemptIds: readonly string[]): ClassReportInput['answeredQuestions'] {
    const rows = this.db
      .sql(
        `SELECT attempt_id, count(DISTINCT question_id) FROM quiz_answers
         WHERE attempt_id IN (SELECT value FROM json_each(?)) GROUP BY attempt_id`,
      )
      .raw()
      .all(JSON.stringify(attemptIds)) as [string, number][];
    return new Map(rows);
  }
}
