import type { Verdict } from '../../../core/grading';
// The rows the teacher's reports are built from, for one lesson, read in a handful of set-based queries: the
// whole class's, or one learner's (with the same queries narrowed by learner, so both come in the same order).
import type { ClassReportInput, CountedAnswer, ReportInput } from '../../../core/reports/class-report';
import type { LearnerDatabase } from '../learner-database';
import { readRegradings } from './accepted-answers';

/** Everything a report reads except the answers, which are by far the most rows. */
export type ReportRows = Omit<ReportInput, 'lesson' | 'quiz' | 'answers'>;

// Answers in one fixed order, attempt by attempt as stored, then by question: the class report sums scores in
// this order, so the answers read every way must come in it for the sums to agree to the last bit.
const ANSWER_ORDER = 'ORDER BY a.rowid, q.question_id';

/** The condition and parameter that narrow a query to one learner, or nothing when it reads the whole class. */
function learnerFilter(learnerId: string | undefined): { and: (column: string) => string; params: string[] } {
  return learnerId === undefined ? { and: () => '', params: [] } : { and: (column) => `AND ${column} = ?`, params: [learnerId] };
}

export class ReportsRepository {
  constructor(private readonly db: LearnerDatabase) {}

  /**
   * Everything a report reads, every comprehension answer of one lesson version included: the class's, or one
   * learner's. A report is of one version: its attempts were answered on that version's quiz (migration 014).
   */
  rows(lessonId: string, version: number, learnerId?: string): Omit<ReportInput, 'lesson' | 'quiz'> {
    return { ...this.withoutAnswers(lessonId, version, learnerId), answers: this.answers(lessonId, version, learnerId) };
  }

  /** The versions of the lesson that have comprehension attempts, lowest first. */
  answeredVersions(lessonId: string): number[] {
    return (this.db.sql("SELECT DISTINCT lesson_version AS v FROM quiz_attempts WHERE lesson_id = ? AND kind = 'comprehension' ORDER BY v").all(lessonId) as { v: number }[]).map((r) => r.v);
  }

  withoutAnswers(lessonId: string, version: number, learnerId?: string): ReportRows {
    const learner = learnerFilter(learnerId);
    const learners = this.db.sql(`SELECT id, name FROM learners WHERE 1 ${learner.and('id')} ORDER BY name_key`).all(...learner.params) as ReportInput['learners'];
    const attempts = (
      this.db
        .sql(
          `SELECT id, learner_id, started_at, finished_at, score FROM quiz_attempts
           WHERE lesson_id = ? AND lesson_version = ? AND kind = 'comprehension' ${learner.and('learner_id')} ORDER BY started_at, rowid`,
        )
        .all(lessonId, version, ...learner.params) as { id: string; learner_id: string; started_at: string; finished_at: string | null; score: number | null }[]
    ).map((a) => ({ id: a.id, learnerId: a.learner_id, startedAt: a.started_at, finishedAt: a.finished_at, score: a.score }));
    // In the order they were saved, so one learner's come in the order they have among the class's.
    const lookups = (
      this.db
        .sql(`SELECT learner_id, lemma, paragraph FROM lookups WHERE lesson_id = ? ${learner.and('learner_id')} ORDER BY rowid`)
        .all(lessonId, ...learner.params) as { learner_id: string; lemma: string; paragraph: number }[]
    ).map((l) => ({ learnerId: l.learner_id, lemma: l.lemma, paragraph: l.paragraph }));
    // Time read here plus time read on other computers, brought in by results files.
    const reading = this.db
      .sql(
        `SELECT learner_id, sum(seconds) AS seconds FROM (
           SELECT learner_id, seconds_read AS seconds FROM reading_progress WHERE lesson_id = ? ${learner.and('learner_id')}
           UNION ALL
           SELECT learner_id, seconds_read FROM imported_reading WHERE lesson_id = ? ${learner.and('learner_id')}
         ) GROUP BY learner_id`,
      )
      .all(lessonId, ...learner.params, lessonId, ...learner.params) as { learner_id: string; seconds: number }[];
    const statuses = (
      this.db
        .sql(`SELECT learner_id, status, count(*) AS count FROM word_status WHERE status IN ('learning', 'known') ${learner.and('learner_id')} GROUP BY learner_id, status`)
        .all(...learner.params) as { learner_id: string; status: 'learning' | 'known'; count: number }[]
    ).map((s) => ({ learnerId: s.learner_id, status: s.status, count: s.count }));
    return {
      learners,
      attempts,
      lookups,
      readingSeconds: Object.fromEntries(reading.map((r) => [r.learner_id, r.seconds])),
      statuses,
      regradings: readRegradings(this.db, lessonId)
        .filter((r) => (r.lessonVersion ?? 1) === version)
        .map(({ id: _id, lessonId: _lesson, lessonVersion: _version, ...regrading }) => regrading),
    };
  }

  /** Every comprehension answer of the lesson version: the class's, or one learner's. */
  answers(lessonId: string, version: number, learnerId?: string): ReportInput['answers'] {
    const learner = learnerFilter(learnerId);
    return (
      this.db
        .sql(
          `SELECT q.attempt_id, q.question_id, q.answer, q.score, q.verdict, q.time_ms, q.answered_at, f.answer AS first_try, q.teacher_comment
           FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
           LEFT JOIN quiz_first_tries f ON f.attempt_id = q.attempt_id AND f.question_id = q.question_id
           WHERE a.lesson_id = ? AND a.lesson_version = ? AND a.kind = 'comprehension' ${learner.and('a.learner_id')} ${ANSWER_ORDER}`,
        )
        .all(lessonId, version, ...learner.params) as {
        attempt_id: string;
        question_id: string;
        answer: string;
        score: number;
        verdict: Verdict;
        time_ms: number;
        answered_at: string;
        first_try: string | null;
        teacher_comment: string | null;
      }[]
    ).map((q) => ({
      attemptId: q.attempt_id,
      questionId: q.question_id,
      answer: q.answer,
      score: q.score,
      verdict: q.verdict,
      timeMs: q.time_ms,
      answeredAt: q.answered_at,
      ...(q.first_try === null ? {} : { firstTry: q.first_try }),
      teacherComment: q.teacher_comment,
    }));
  }

  /** The answers of the given attempts, in the same order as answers() lists them: five columns, not eight. */
  answersOf(attemptIds: readonly string[]): CountedAnswer[] {
    // The ids go in as one JSON array parameter, however many there are, and each row names its attempt by its
    // index in that array: 20,000 answers then share 1,000 id strings instead of each bringing its own copy.
    const rows = this.db
      .sql(
        `SELECT j.key, q.question_id, q.answer, q.score, q.verdict
         FROM json_each(?) j JOIN quiz_attempts a ON a.id = j.value JOIN quiz_answers q ON q.attempt_id = a.id
         ${ANSWER_ORDER}`,
      )
      .raw()
      .all(JSON.stringify(attemptIds)) as [number, string, string, number, Verdict][];
    return rows.map(([index, questionId, answer, score, verdict]) => ({ attemptId: attemptIds[index] as string, questionId, answer, score, verdict }));
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
