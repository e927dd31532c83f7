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
  /** The installation a results file brought it from; absent or null when it was taken on this computer. */
  source?: string | null;
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

/** A near miss given as the first try at a typed question; the question stays open for one more try. */
export interface FirstTryRow {
  attemptId: string;
  questionId: string;
  answer: string;
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
  source: string | null;
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
  source: row.source,
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

  saveFirstTry(row: FirstTryRow): void {
    this.db.sql(
      `INSERT INTO quiz_first_tries (attempt_id, question_id, answer, verdict, time_ms, answered_at) VALUES (?, ?, ?, 'almost', ?, ?)`,
    ).run(row.attemptId, row.questionId, row.answer, row.timeMs, row.answeredAt);
  }

  /** The first tries of an attempt (answer JSON by question id). */
  firstTries(attemptId: string): Map<string, string> {
    const rows = this.db.sql('SELECT question_id, answer FROM quiz_first_tries WHERE attempt_id = ?').raw().all(attemptId) as [string, string][];
    return new Map(rows);
  }

  glossChoices(lessonId?: string): GlossChoices {
    const rows = (
      lessonId === undefined
        ? this.db.sql('SELECT lesson_id, kind, shown FROM quiz_gloss_settings').all()
        : this.db.sql('SELECT lesson_id, kind, shown FROM quiz_gloss_settings WHERE lesson_id = ?').all(lessonId)
    ) as { lesson_id: string; kind: QuizKind; shown: number }[];
    const choices: GlossChoices = new Map();
    for (const row of rows) choices.set(row.lesson_id, { ...choices.get(row.lesson_id), [row.kind]: row.shown === 1 });
    return choices;
  }

  setGlosses(lessonId: string, kind: QuizKind, shown: boolean, at: string): void {
    this.db.write(() =>
      this.db.sql(
        `INSERT INTO quiz_gloss_settings (lesson_id, kind, shown, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (lesson_id, kind) DO UPDATE SET shown = excluded.shown, changed_at = excluded.changed_at`,
      ).run(lessonId, kind, shown ? 1 : 0, at),
    );
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

/** The teacher's gloss choices that differ from no choice: by lesson id, then kind. */
export type GlossChoices = Map<string, Partial<Record<QuizKind, boolean>>>;

export function attemptSummary(row: AttemptRow, answered: number, questionCount: number): AttemptSummary {
  return { id: row.id, kind: row.kind, startedAt: row.startedAt, finishedAt: row.finishedAt, score: row.score, answered, questionCount };
}
