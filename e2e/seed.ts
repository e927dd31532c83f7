// Puts finished quiz attempts straight into a stopped app's database, stored as the quiz feature stores them
// (question ids of the lesson's quiz, one answer row per question), so progress specs do not depend on the quiz UI.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readArticleFile } from '../test/support/article';

export interface SeededAttempt {
  /** Days before now when it was finished. */
  daysAgo: number;
  /** Question ids answered wrong; every other question is right. */
  wrong: string[];
}

/** Adds finished comprehension attempts on kim-russie for the named learner; returns each attempt's score. */
export function seedComprehensionAttempts(dataDir: string, learnerName: string, attempts: SeededAttempt[]): number[] {
  const ids = (JSON.parse(readArticleFile('quiz.json')) as { questions: { id: string }[] }).questions.map((q) => q.id);
  const db = new Database(join(dataDir, 'liseuse.db'));
  try {
    const learner = db.prepare('SELECT id FROM learners WHERE name = ?').get(learnerName) as { id: string } | undefined;
    if (!learner) throw new Error(`no learner ${learnerName}`);
    const insertAttempt = db.prepare(
      "INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score) VALUES (?, ?, 'kim-russie', 'comprehension', 1, ?, ?, ?, ?)",
    );
    const insertAnswer = db.prepare(
      "INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, ?, ?, '{}', ?, ?, 5000, ?)",
    );
    return db.transaction(() =>
      attempts.map(({ daysAgo, wrong }) => {
        const id = randomUUID();
        const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
        const score = (ids.length - wrong.length) / ids.length;
        insertAttempt.run(id, learner.id, JSON.stringify(ids), at, at, score);
        for (const question of ids) {
          const right = !wrong.includes(question);
          insertAnswer.run(randomUUID(), id, question, right ? 1 : 0, right ? 'correct' : 'wrong', at);
        }
        return score;
      }),
    )();
  } finally {
    db.close();
  }
}
