// Read-only aggregates over a learner's reading, quiz and review rows, for the progress page and the teacher area.
import type { LearnerDatabase } from '../learner-database';
import type { QuizKind } from '../../../shared/types';

export interface WordCounts {
  lookedUp: number;
  learning: number;
  known: number;
  secondsRead: number;
}

export interface FinishedAttempt {
  id: string;
  lessonId: string;
  kind: QuizKind;
  finishedAt: string;
  score: number;
}

export interface ParagraphLookups {
  lessonId: string;
  /** 0-based, as stored. */
  paragraph: number;
  lookups: number;
}

export interface WrongAnswers {
  lessonId: string;
  questionId: string;
  /** 1-based paragraph of the question's evidence when the attempt stored whole questions; null for quiz ids. */
  paragraph: number | null;
  wrong: number;
}

export class ProgressRepository {
  constructor(private readonly db: LearnerDatabase) {}

  wordCounts(learnerId: string): WordCounts {
    const row = this.db
      .sql(
        `SELECT
           (SELECT count(DISTINCT lemma) FROM lookups WHERE learner_id = $id) AS looked_up,
           (SELECT count(*) FROM word_status WHERE learner_id = $id AND status = 'learning') AS learning,
           (SELECT count(*) FROM word_status WHERE learner_id = $id AND status = 'known') AS known,
           (SELECT coalesce(sum(seconds_read), 0) FROM reading_progress WHERE learner_id = $id) AS seconds_read`,
      )
      .get({ id: learnerId }) as { looked_up: number; learning: number; known: number; seconds_read: number };
    return { lookedUp: row.looked_up, learning: row.learning, known: row.known, secondsRead: row.seconds_read };
  }

  /** Finished quiz attempts with their score, in the order they were finished. */
  finishedAttempts(learnerId: string): FinishedAttempt[] {
    const rows = this.db
      .sql(
        `SELECT id, lesson_id, kind, finished_at, score FROM quiz_attempts
         WHERE learner_id = ? AND finished_at IS NOT NULL AND score IS NOT NULL
         ORDER BY finished_at, rowid`,
      )
      .all(learnerId) as { id: string; lesson_id: string; kind: QuizKind; finished_at: string; score: number }[];
    return rows.map((r) => ({ id: r.id, lessonId: r.lesson_id, kind: r.kind, finishedAt: r.finished_at, score: r.score }));
  }

  lookupsByParagraph(learnerId: string): ParagraphLookups[] {
    return (
      this.db
        .sql('SELECT lesson_id, paragraph, count(*) AS lookups FROM lookups WHERE learner_id = ? GROUP BY lesson_id, paragraph')
        .all(learnerId) as { lesson_id: string; paragraph: number; lookups: number }[]
    ).map((r) => ({ lessonId: r.lesson_id, paragraph: r.paragraph, lookups: r.lookups }));
  }

  /**
   * Answers that were not fully right (score < 1; an open answer awaiting the teacher is not yet either), counted per lesson and question. When the attempt stored
   * whole questions (generated vocabulary practice), the paragraph comes from that question's evidence, read in
   * SQL; a comprehension attempt stores only ids, so its paragraph is left for the caller to find in the quiz.
   */
  wrongAnswers(learnerId: string): WrongAnswers[] {
    const rows = this.db
      .sql(
        `SELECT lesson_id, question_id, paragraph, count(*) AS wrong FROM (
           SELECT a.lesson_id, qa.question_id,
             (SELECT json_extract(q.value, '$.evidence.paragraph')
                FROM json_each(CASE WHEN json_valid(a.questions) THEN a.questions ELSE '[]' END) AS q
               WHERE q.type = 'object' AND json_extract(q.value, '$.id') = qa.question_id
               LIMIT 1) AS paragraph
           FROM quiz_answers qa JOIN quiz_attempts a ON a.id = qa.attempt_id
           WHERE a.learner_id = ? AND qa.score < 1 AND qa.verdict <> 'awaiting'
         )
         GROUP BY lesson_id, question_id, paragraph`,
      )
      .all(learnerId) as { lesson_id: string; question_id: string; paragraph: number | null; wrong: number }[];
    return rows.map((r) => ({
      lessonId: r.lesson_id,
      questionId: r.question_id,
      paragraph: typeof r.paragraph === 'number' ? r.paragraph : null,
      wrong: r.wrong,
    }));
  }
}
