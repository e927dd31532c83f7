import { attemptScore, type ScoredAnswer } from '../../../core/attempt-score';
import type { Verdict } from '../../../core/grading';
import type { LearnerDatabase } from '../learner-database';
import type { AttemptSummary } from '../../../shared/contract/quiz';
import type { QuizKind } from '../../../shared/types';

export interface AttemptRow {
  id: string;
  learnerId: string;
  lessonId: string;
  /** The lesson version it was answered on (built-in lessons and everything before versions: 1). */
  lessonVersion?: number;
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
  /** Set once the teacher has graded an open answer. */
  teacherComment?: string | null;
  gradedAt?: string | null;
}

/** An open answer as the teacher grades it, with whose it is. */
export interface OpenAnswerRow {
  answerId: string;
  attemptId: string;
  /** The lesson version the attempt was answered on. */
  lessonVersion: number;
  learnerId: string;
  learnerName: string;
  questionId: string;
  answer: string;
  answeredAt: string;
  score: number;
  verdict: string;
  teacherComment: string | null;
  gradedAt: string | null;
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
  lesson_version: number;
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
  lessonVersion: row.lesson_version,
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
      `INSERT INTO quiz_attempts (id, learner_id, lesson_id, lesson_version, kind, seed, questions, started_at, finished_at, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(attempt.id, attempt.learnerId, attempt.lessonId, attempt.lessonVersion ?? 1, attempt.kind, attempt.seed, attempt.questions, attempt.startedAt, attempt.finishedAt, attempt.score);
  }

  attempt(id: string): AttemptRow | undefined {
    const row = this.db.sql('SELECT * FROM quiz_attempts WHERE id = ?').get(id) as AttemptSql | undefined;
    return row && toAttempt(row);
  }

  /** Every attempt of a learner on a lesson with its answer count, newest first. */
  summaries(learnerId: string, lessonId: string): (AttemptRow & { answered: number; awaiting: number })[] {
    const rows = this.db
      .sql(
        `SELECT a.*, (SELECT count(*) FROM quiz_answers q WHERE q.attempt_id = a.id) AS answered,
           (SELECT count(*) FROM quiz_answers q WHERE q.attempt_id = a.id AND q.verdict = 'awaiting') AS awaiting
         FROM quiz_attempts a WHERE a.learner_id = ? AND a.lesson_id = ? ORDER BY a.started_at DESC, a.rowid DESC`,
      )
      .all(learnerId, lessonId) as (AttemptSql & { answered: number; awaiting: number })[];
    return rows.map((row) => ({ ...toAttempt(row), answered: row.answered, awaiting: row.awaiting }));
  }

  answers(attemptId: string): AnswerRow[] {
    const rows = this.db.sql('SELECT * FROM quiz_answers WHERE attempt_id = ? ORDER BY answered_at, rowid')
      .all(attemptId) as {
      id: string;
      attempt_id: string;
      question_id: string;
      answer: string;
      score: number;
      verdict: string;
      time_ms: number;
      answered_at: string;
      teacher_comment: string | null;
      graded_at: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      attemptId: r.attempt_id,
      questionId: r.question_id,
      answer: r.answer,
      score: r.score,
      verdict: r.verdict,
      timeMs: r.time_ms,
      answeredAt: r.answered_at,
      teacherComment: r.teacher_comment,
      gradedAt: r.graded_at,
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
  saveAnswer(answer: AnswerRow, questionCount: number): { answered: number; awaiting: number; finishedAt: string | null; score: number | null } {
    return this.db.write(() => {
      this.db.sql(
        `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(answer.id, answer.attemptId, answer.questionId, answer.answer, answer.score, answer.verdict, answer.timeMs, answer.answeredAt);
      const scored = this.scoredAnswers(answer.attemptId);
      const { score, awaiting } = attemptScore(scored, questionCount);
      if (scored.length < questionCount) return { answered: scored.length, awaiting, finishedAt: null, score: null };
      this.db.sql('UPDATE quiz_attempts SET finished_at = ?, score = ? WHERE id = ?').run(answer.answeredAt, score, answer.attemptId);
      return { answered: scored.length, awaiting, finishedAt: answer.answeredAt, score };
    });
  }

  /** Every open answer to a lesson's comprehension quizzes, the ones awaiting the teacher first, oldest first. */
  /** The answers to a lesson's questions named, in any version (the caller keeps those open in their own version). */
  openAnswers(lessonId: string, questionIds: readonly string[]): OpenAnswerRow[] {
    const rows = this.db
      .sql(
        `SELECT q.id AS answer_id, q.attempt_id, a.lesson_version, a.learner_id, l.name AS learner_name, q.question_id, q.answer, q.answered_at,
           q.score, q.verdict, q.teacher_comment, q.graded_at
         FROM json_each(?) j JOIN quiz_answers q ON q.question_id = j.value
           JOIN quiz_attempts a ON a.id = q.attempt_id JOIN learners l ON l.id = a.learner_id
         WHERE a.lesson_id = ? AND a.kind = 'comprehension'
         ORDER BY q.verdict <> 'awaiting', q.answered_at, q.rowid`,
      )
      .all(JSON.stringify(questionIds), lessonId) as {
      answer_id: string;
      attempt_id: string;
      lesson_version: number;
      learner_id: string;
      learner_name: string;
      question_id: string;
      answer: string;
      answered_at: string;
      score: number;
      verdict: string;
      teacher_comment: string | null;
      graded_at: string | null;
    }[];
    return rows.map((r) => ({
      answerId: r.answer_id,
      attemptId: r.attempt_id,
      lessonVersion: r.lesson_version,
      learnerId: r.learner_id,
      learnerName: r.learner_name,
      questionId: r.question_id,
      answer: r.answer,
      answeredAt: r.answered_at,
      score: r.score,
      verdict: r.verdict,
      teacherComment: r.teacher_comment,
      gradedAt: r.graded_at,
    }));
  }

  answerById(answerId: string): (AnswerRow & { lessonId: string; lessonVersion: number; kind: QuizKind }) | undefined {
    const row = this.db
      .sql(
        `SELECT q.*, a.lesson_id, a.lesson_version, a.kind FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE q.id = ?`,
      )
      .get(answerId) as
      | { id: string; attempt_id: string; question_id: string; answer: string; score: number; verdict: string; time_ms: number; answered_at: string; lesson_id: string; lesson_version: number; kind: QuizKind }
      | undefined;
    return (
      row && {
        id: row.id,
        attemptId: row.attempt_id,
        questionId: row.question_id,
        answer: row.answer,
        score: row.score,
        verdict: row.verdict,
        timeMs: row.time_ms,
        answeredAt: row.answered_at,
        lessonId: row.lesson_id,
        lessonVersion: row.lesson_version,
        kind: row.kind,
      }
    );
  }

  /**
   * Records the teacher's grade of one answer and, when its attempt is finished, the attempt's score recomputed
   * from its answers: one transaction, so the grade and the score it changes never disagree.
   */
  gradeAnswer(answerId: string, grade: ScoredAnswer, comment: string, gradedAt: string): void {
    this.db.write(() => {
      const row = this.db.sql('SELECT attempt_id FROM quiz_answers WHERE id = ?').get(answerId) as { attempt_id: string } | undefined;
      if (!row) return;
      this.db.sql('UPDATE quiz_answers SET score = ?, verdict = ?, teacher_comment = ?, graded_at = ? WHERE id = ?').run(grade.score, grade.verdict, comment, gradedAt, answerId);
      const { score } = attemptScore(this.scoredAnswers(row.attempt_id));
      this.db.sql('UPDATE quiz_attempts SET score = ? WHERE id = ? AND finished_at IS NOT NULL').run(score, row.attempt_id);
    });
  }

  /** A learner's graded answers (open questions), on one lesson or every lesson, graded last first. */
  gradedAnswers(learnerId: string, lessonId?: string): { lessonId: string; lessonVersion: number; questionId: string; answer: string; score: number; teacherComment: string; gradedAt: string }[] {
    const rows = this.db
      .sql(
        `SELECT a.lesson_id, a.lesson_version, q.question_id, q.answer, q.score, coalesce(q.teacher_comment, '') AS teacher_comment, q.graded_at
         FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id
         WHERE a.learner_id = ? AND q.graded_at IS NOT NULL AND (? IS NULL OR a.lesson_id = ?)
         ORDER BY q.graded_at DESC, q.rowid DESC`,
      )
      .all(learnerId, lessonId ?? null, lessonId ?? null) as { lesson_id: string; lesson_version: number; question_id: string; answer: string; score: number; teacher_comment: string; graded_at: string }[];
    return rows.map((r) => ({ lessonId: r.lesson_id, lessonVersion: r.lesson_version, questionId: r.question_id, answer: r.answer, score: r.score, teacherComment: r.teacher_comment, gradedAt: r.graded_at }));
  }

  private scoredAnswers(attemptId: string): ScoredAnswer[] {
    return this.db.sql('SELECT score, verdict FROM quiz_answers WHERE attempt_id = ?').all(attemptId) as { score: number; verdict: Verdict }[];
  }
}

/** The teacher's gloss choices that differ from no choice: by lesson id, then kind. */
export type GlossChoices = Map<string, Partial<Record<QuizKind, boolean>>>;

export function attemptSummary(row: AttemptRow, answered: number, questionCount: number, awaiting: number): AttemptSummary {
  return { id: row.id, kind: row.kind, startedAt: row.startedAt, finishedAt: row.finishedAt, score: row.score, answered, questionCount, awaiting };
}
