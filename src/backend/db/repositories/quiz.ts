import { attemptScore } from '../../../core/attempt-score';
import type { LearnerDatabase } from '../learner-database';
import type { AttemptSummary } from '../../../shared/contract/quiz';
import type { QuizKind } from '../../../shared/types';

export interface AttemptRow {
  id: string;
  learnerId: string;
  lessonId: string;
  kind: QuizKind;
  seed: number;
  /** JSON: question ids (comprehension) or whole questions (generated practice). */
  questions: string;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
}

export interface AnswerRow {
  id: string;
  attemptId: string;
  questionId: string;
  answer: string;
  score: number;
  verdict: string;
  timeMs: number;
  answeredAt: string;
}

interface AttemptSql {
  id: string;
  learner_id: string;
  lesson_id: string;
  kind: QuizKind;
  seed: number;
  questions: string;
  started_at: string;
  finished_at: string | null;
  score: number | null;
}

const toAttempt = (row: AttemptSql): AttemptRow => ({
  id: row.id,
  learnerId: row.learner_id,
  lessonId: row.lesson_id,
  kind: row.kind,
  seed: row.seed,
  questions: row.questions,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  score: row.score,
});

export class QuizRepository {
  constructor(private readonly db: LearnerDatabase) {}

  insertAttempt(attempt: AttemptRow): void {
    this.db.sql(
      `INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(attempt.id, attempt.learnerId, attempt.lessonId, attempt.kind, attempt.seed, attempt.questions, attempt.startedAt, attempt.finishedAt, attempt.score);
  }

  attempt(id: string): AttemptRow | undefined {
    const row = this.db.sql('SELECT * FROM quiz_attempts WHERE id = ?').get(id) as AttemptSql | undefined;
    return row && toAttempt(row);
  }

  /** Every attempt of a learner on a lesson with its answer count, newest first. */
  summaries(learnerId: string, lessonId: string): (AttemptRow & { answered: number })[] {
    const rows = this.db
      .sql(
        `SELECT a.*, (SELECT count(*) FROM quiz_answers q WHERE q.attempt_id = a.id) AS answered
         FROM quiz_attempts a WHERE a.learner_id = ? AND a.lesson_id = ? ORDER BY a.started_at DESC, a.rowid DESC`,
      )
      .all(learnerId, lessonId) as (AttemptSql & { answered: number })[];
    return rows.map((row) => ({ ...toAttempt(row), answered: row.answered }));
  }

  answers(attemptId: string): AnswerRow[] {
    const rows = this.db.sql('SELECT * FROM quiz_answers WHERE attempt_id = ? ORDER BY answered_at, rowid')
      .all(attemptId) as { id: string; attempt_id: string; question_id: string; answer: string; score: number; verdict: string; time_ms: number; answered_at: string }[];
    return rows.map((r) => ({
      id: r.id,
      attemptId: r.attempt_id,
      questionId: r.question_id,
      answer: r.answer,
      score: r.score,
      verdict: r.verdict,
      timeMs: r.time_ms,
      answeredAt: r.answered_at,
    }));
  }

  hasAnswer(attemptId: string, questionId: string): boolean {
    return this.db.sql('SELECT 1 FROM quiz_answers WHERE attempt_id = ? AND question_id = ?').get(attemptId, questionId) !== undefined;
  }

  /**
   * Saves one answer and, when it completes the attempt, the attempt's score: one transaction, so an
   * acknowledged answer and the finished state can never disagree.
   */
  saveAnswer(answer: AnswerRow, questionCount: number): { answered: number; finishedAt: string | null; score: number | null } {
    return this.db.write(() => {
      this.db.sql(
        `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(answer.id, answer.attemptId, answer.questionId, answer.answer, answer.score, answer.verdict, answer.timeMs, answer.answeredAt);
      const scores = this.db.sql('SELECT score FROM quiz_answers WHERE attempt_id = ? ORDER BY rowid').pluck().all(answer.attemptId) as number[];
      const answered = scores.length;
      if (answered < questionCount) return { answered, finishedAt: null, score: null };
      const score = attemptScore(scores, questionCount);
      this.db.sql('UPDATE quiz_attempts SET finished_at = ?, score = ? WHERE id = ?').run(answer.answeredAt, score, answer.attemptId);
      return { answered, finishedAt: answer.answeredAt, score };
    });
  }
}

export function attemptSummary(row: AttemptRow, answered: number, questionCount: number): AttemptSummary {
  return { id: row.id, kind: row.kind, startedAt: row.startedAt, finishedAt: row.finishedAt, score: row.score, answered, questionCount };
}
