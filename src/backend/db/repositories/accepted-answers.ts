// The teacher's corrections to typed questions' accepted answers, the stored answers a correction regrades, and
// the log of regradings.
import type { ScoredAnswer } from '../../../core/attempt-score';
import type { AcceptedOverride } from '../../../core/accepted-answers';
import type { Verdict } from '../../../core/grading';
import type { Regrading } from '../../../core/reports/regrading';
import type { LearnerDatabase } from '../learner-database';

/** One stored answer to a question, with whose it is. */
export interface StoredAnswer {
  id: string;
  attemptId: string;
  learnerId: string;
  learner: string;
  answer: string;
  score: number;
  verdict: Verdict;
  timeMs: number;
}

export interface RegradingRow extends Regrading {
  id: string;
  lessonId: string;
  /** The lesson version whose question was regraded (migration 014). */
  lessonVersion?: number;
}

export class AcceptedAnswersRepository {
  constructor(private readonly db: LearnerDatabase) {}

  /** Every correction of one lesson version's questions, by question id. */
  overrides(lessonId: string, version: number): Map<string, AcceptedOverride[]> {
    const rows = this.db
      .sql('SELECT question_id, answer, accepted FROM accepted_answer_overrides WHERE lesson_id = ? AND lesson_version = ? ORDER BY changed_at, rowid')
      .all(lessonId, version) as { question_id: string; answer: string; accepted: number }[];
    const byQuestion = new Map<string, AcceptedOverride[]>();
    for (const row of rows) {
      const list = byQuestion.get(row.question_id) ?? [];
      list.push({ answer: row.answer, accepted: row.accepted === 1 });
      byQuestion.set(row.question_id, list);
    }
    return byQuestion;
  }

  setOverride(lessonId: string, version: number, questionId: string, answer: string, accepted: boolean, at: string): void {
    this.db
      .sql(
        `INSERT INTO accepted_answer_overrides (lesson_id, lesson_version, question_id, answer, accepted, changed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (lesson_id, lesson_version, question_id, answer) DO UPDATE SET accepted = excluded.accepted, changed_at = excluded.changed_at`,
      )
      .run(lessonId, version, questionId, answer, accepted ? 1 : 0, at);
  }

  /** Every stored comprehension answer to one question of a lesson version, oldest first. */
  answersTo(lessonId: string, version: number, questionId: string): StoredAnswer[] {
    return (
      this.db
        .sql(
          `SELECT q.id, q.attempt_id, a.learner_id, l.name, q.answer, q.score, q.verdict, q.time_ms
           FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id JOIN learners l ON l.id = a.learner_id
           WHERE a.lesson_id = ? AND a.lesson_version = ? AND a.kind = 'comprehension' AND q.question_id = ? ORDER BY q.answered_at, q.rowid`,
        )
        .all(lessonId, version, questionId) as { id: string; attempt_id: string; learner_id: string; name: string; answer: string; score: number; verdict: Verdict; time_ms: number }[]
    ).map((r) => ({ id: r.id, attemptId: r.attempt_id, learnerId: r.learner_id, learner: r.name, answer: r.answer, score: r.score, verdict: r.verdict, timeMs: r.time_ms }));
  }

  setGrade(answerId: string, score: number, verdict: Verdict): void {
    this.db.sql('UPDATE quiz_answers SET score = ?, verdict = ? WHERE id = ?').run(score, verdict, answerId);
  }

  /** A finished attempt's scored answers and question count; undefined while it is unfinished. */
  finishedAttempt(attemptId: string): { score: number; questionCount: number; answers: ScoredAnswer[]; startedAt: string; finishedAt: string } | undefined {
    const attempt = this.db.sql('SELECT score, questions, started_at, finished_at FROM quiz_attempts WHERE id = ? AND finished_at IS NOT NULL').get(attemptId) as
      | { score: number | null; questions: string; started_at: string; finished_at: string }
      | undefined;
    if (!attempt) return undefined;
    const answers = this.db.sql('SELECT score, verdict FROM quiz_answers WHERE attempt_id = ? ORDER BY rowid').all(attemptId) as ScoredAnswer[];
    return { score: attempt.score ?? 0, questionCount: (JSON.parse(attempt.questions) as unknown[]).length, answers, startedAt: attempt.started_at, finishedAt: attempt.finished_at };
  }

  setAttemptScore(attemptId: string, score: number): void {
    this.db.sql('UPDATE quiz_attempts SET score = ? WHERE id = ?').run(score, attemptId);
  }

  log(entry: RegradingRow): void {
    this.db
      .sql('INSERT INTO regradings (id, lesson_id, lesson_version, question_id, at, by, change, answer, answers_changed, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.id, entry.lessonId, entry.lessonVersion ?? 1, entry.questionId, entry.at, entry.by, entry.change, entry.answer, entry.answersChanged, JSON.stringify(entry.attempts));
  }

  regradings(lessonId: string): RegradingRow[] {
    return readRegradings(this.db, lessonId);
  }
}

/** A lesson's regradings, oldest first: for the reports' rows too. */
export function readRegradings(db: LearnerDatabase, lessonId: string): RegradingRow[] {
  return (
    db.sql('SELECT * FROM regradings WHERE lesson_id = ? ORDER BY at, rowid').all(lessonId) as {
      id: string;
      lesson_id: string;
      lesson_version: number;
      question_id: string;
      at: string;
      by: string;
      change: 'accepted' | 'rejected';
      answer: string;
      answers_changed: number;
      attempts: string;
    }[]
  ).map((r) => ({
    id: r.id,
    lessonId: r.lesson_id,
    lessonVersion: r.lesson_version,
    questionId: r.question_id,
    at: r.at,
    by: r.by,
    change: r.change,
    answer: r.answer,
    answersChanged: r.answers_changed,
    attempts: parseAttempts(r.attempts),
  }));
}

/** The stored list, or none when the row was damaged: the log entry still says what changed. */
function parseAttempts(json: string): RegradingRow['attempts'] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as RegradingRow['attempts']) : [];
  } catch {
    return [];
  }
}
