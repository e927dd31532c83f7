// Fills a learner database the way years of classroom use would: learners with finished comprehension attempts,
// every question answered, written with plain SQL into the schema that openDatabase migrated.
import { openDatabase } from '../../src/backend/db/store';
import { grade } from '../../src/core/grading';
import type { Question } from '../../src/core/quiz';
import { questionView } from '../../src/core/quiz-view';
import { answerFor } from '../../test/support/answers';

export interface SeedPlan {
  learners: number;
  attemptsPerLearner: number;
  lessonId: string;
  /** The lesson's quiz questions; every attempt answers each of them once. */
  questions: readonly Question[];
}

export interface Seeded {
  learners: number;
  attempts: number;
  answers: number;
  dbBytes: number;
  seedMs: number;
}

/** Ids look like v4 UUIDs, as the app's own do (results files insist), and sort in insertion order. */
export const benchId = (group: string, n: number): string => `00000000-0000-4000-${group}-${n.toString(16).padStart(12, '0')}`;

export function seed(dataDir: string, plan: SeedPlan): Seeded {
  const started = performance.now();
  const answers = plan.questions.map((question, ord) => {
    const answer = answerFor(questionView(question, 1));
    const { score, verdict } = grade(question, answer);
    return { ord, id: question.id, answer: JSON.stringify(answer), score, verdict };
  });
  const attemptScore = answers.reduce((sum, a) => sum + a.score, 0) / answers.length;
  const db = openDatabase(dataDir);
  try {
    // Bulk loading only: one rollback-journalled, unsynced transaction writes the data once instead of twice
    // (WAL, then checkpoint). The server puts WAL and synchronous=FULL back when it opens the file.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.transaction(() => {
      const learner = db.prepare('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)');
      for (let i = 0; i < plan.learners; i++) learner.run(benchId('a000', i), `Élève ${i + 1}`, `élève ${i + 1}`, '2024-09-01T08:00:00.000Z');
      db.exec('CREATE TEMP TABLE bench_questions (ord INTEGER, id TEXT, answer TEXT, score REAL, verdict TEXT)');
      const question = db.prepare('INSERT INTO bench_questions VALUES (?, ?, ?, ?, ?)');
      for (const a of answers) question.run(a.ord, a.id, a.answer, a.score, a.verdict);
      db.prepare(
        `INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score)
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
         SELECT printf('00000000-0000-4000-b000-%012x', i), printf('00000000-0000-4000-a000-%012x', i / ?), ?, 'comprehension', i, ?,
                strftime('%Y-%m-%dT%H:%M:%fZ', '2024-09-01', '+' || i || ' minutes'),
                strftime('%Y-%m-%dT%H:%M:%fZ', '2024-09-01', '+' || i || ' minutes', '+10 minutes'), ?
         FROM n`,
      ).run(plan.learners * plan.attemptsPerLearner, plan.attemptsPerLearner, plan.lessonId, JSON.stringify(plan.questions.map((q) => q.id)), attemptScore);
      db.exec(
        `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at)
         SELECT printf('00000000-0000-4000-c%03x-%012x', q.ord, a.seed), a.id, q.id, q.answer, q.score, q.verdict, 5000 + q.ord * 100,
                strftime('%Y-%m-%dT%H:%M:%fZ', a.started_at, '+' || (q.ord * 20) || ' seconds')
         FROM quiz_attempts a CROSS JOIN bench_questions q`,
      );
    })();
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const dbBytes = (db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number }).n;
    return { learners: count('learners'), attempts: count('quiz_attempts'), answers: count('quiz_answers'), dbBytes, seedMs: performance.now() - started };
  } finally {
    db.close();
  }
}
