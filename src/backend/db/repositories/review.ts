import type { LearnerDatabase } from '../learner-database';
import type { CardPhase, CardState, ReviewLogEntry } from '../../../core/review-schedule';
import type { WordStatus } from '../../../shared/types';

export interface StoredCard {
  lemma: string;
  lessonId: string;
  token: number;
  status: WordStatus;
  card: CardState;
  createdAt: string;
  /** The learner's own note or meaning; null when none. */
  note: string | null;
  /** Ignored words are never offered for review. */
  ignored: boolean;
}

interface CardRow {
  lemma: string;
  lesson_id: string;
  token: number;
  status: WordStatus | null;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  last_review: string | null;
  created_at: string;
  note: string | null;
  ignored_at: string | null;
}

const toStored = (row: CardRow): StoredCard => ({
  lemma: row.lemma,
  lessonId: row.lesson_id,
  token: row.token,
  status: row.status ?? 'new',
  createdAt: row.created_at,
  note: row.note,
  ignored: row.ignored_at !== null,
  card: {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsed_days,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.last_review,
  },
});

const SELECT_CARDS = `
  SELECT c.*, w.status FROM review_cards c
  LEFT JOIN word_status w ON w.learner_id = c.learner_id AND w.lemma = c.lemma`;

export class ReviewRepository {
  constructor(private readonly db: LearnerDatabase) {}

  /** Makes the card the first time a lemma is met; later calls leave it as it is. Returns whether it was made. */
  insertIfMissing(learnerId: string, lemma: string, source: { lessonId: string; token: number }, card: CardState, at: string): boolean {
    const result = this.db
      .sql(
        `INSERT INTO review_cards (learner_id, lemma, lesson_id, token, due, stability, difficulty, elapsed_days, scheduled_days,
           learning_steps, reps, lapses, state, last_review, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, lemma) DO NOTHING`,
      )
      .run(
        learnerId, lemma, source.lessonId, source.token, card.due, card.stability, card.difficulty, card.elapsedDays,
        card.scheduledDays, card.learningSteps, card.reps, card.lapses, card.state, card.lastReview, at,
      );
    return result.changes > 0;
  }

  /** Saves a phrase and makes its card, the first time; later calls leave both as they are. */
  savePhrase(learnerId: string, lemma: string, range: { lessonId: string; first: number; last: number }, card: CardState, at: string): void {
    this.db.write(() => {
      this.db
        .sql('INSERT INTO phrases (learner_id, lemma, lesson_id, first_token, last_token) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(learnerId, lemma, range.lessonId, range.first, range.last);
      this.insertIfMissing(learnerId, lemma, { lessonId: range.lessonId, token: range.first }, card, at);
    });
  }

  /** The learner's phrases by key: where each lies in its lesson. */
  phrases(learnerId: string): Map<string, { first: number; last: number }> {
    const rows = this.db.sql('SELECT lemma, first_token, last_token FROM phrases WHERE learner_id = ?').all(learnerId) as {
      lemma: string;
      first_token: number;
      last_token: number;
    }[];
    return new Map(rows.map((r) => [r.lemma, { first: r.first_token, last: r.last_token }]));
  }

  /** Every card of the learner with the word's status ("new" when it has none), oldest first. */
  cards(learnerId: string): StoredCard[] {
    return (this.db.sql(`${SELECT_CARDS} WHERE c.learner_id = ? ORDER BY c.created_at, c.lemma`).all(learnerId) as CardRow[]).map(toStored);
  }

  card(learnerId: string, lemma: string): StoredCard | undefined {
    const row = this.db.sql(`${SELECT_CARDS} WHERE c.learner_id = ? AND c.lemma = ?`).get(learnerId, lemma) as CardRow | undefined;
    return row && toStored(row);
  }

  status(learnerId: string, lemma: string): WordStatus {
    const row = this.db.sql('SELECT status FROM word_status WHERE learner_id = ? AND lemma = ?').get(learnerId, lemma) as
      | { status: WordStatus }
      | undefined;
    return row?.status ?? 'new';
  }

  setDue(learnerId: string, lemma: string, due: string): void {
    this.db.sql('UPDATE review_cards SET due = ? WHERE learner_id = ? AND lemma = ?').run(due, learnerId, lemma);
  }

  /** Returns whether the learner has that card. */
  setNote(learnerId: string, lemma: string, note: string | null): boolean {
    return this.db.sql('UPDATE review_cards SET note = ? WHERE learner_id = ? AND lemma = ?').run(note, learnerId, lemma).changes > 0;
  }

  /** Returns whether the learner has that card. */
  setIgnored(learnerId: string, lemma: string, at: string | null): boolean {
    return this.db.sql('UPDATE review_cards SET ignored_at = ? WHERE learner_id = ? AND lemma = ?').run(at, learnerId, lemma).changes > 0;
  }

  /** The card, its review history and a phrase's range go; the look-ups and status stay, so reading counts do not change. */
  remove(learnerId: string, lemma: string): boolean {
    return this.db.write(() => {
      this.db.sql('DELETE FROM phrases WHERE learner_id = ? AND lemma = ?').run(learnerId, lemma);
      return this.db.sql('DELETE FROM review_cards WHERE learner_id = ? AND lemma = ?').run(learnerId, lemma).changes > 0;
    });
  }

  /** The rescheduled card and the log of its review commit together. */
  saveReview(logId: string, learnerId: string, lemma: string, card: CardState, log: ReviewLogEntry): void {
    this.db.write(() => {
      this.db
        .sql(
          `UPDATE review_cards SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
             reps = ?, lapses = ?, state = ?, last_review = ?
           WHERE learner_id = ? AND lemma = ?`,
        )
        .run(
          card.due, card.stability, card.difficulty, card.elapsedDays, card.scheduledDays, card.learningSteps, card.reps,
          card.lapses, card.state, card.lastReview, learnerId, lemma,
        );
      this.db
        .sql(
          `INSERT INTO review_logs (id, learner_id, lemma, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
             scheduled_days, learning_steps, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          logId, learnerId, lemma, log.rating, log.state, log.due, log.stability, log.difficulty, log.elapsedDays,
          log.lastElapsedDays, log.scheduledDays, log.learningSteps, log.reviewedAt,
        );
    });
  }

  /** The learner's review history, oldest first. */
  logs(learnerId: string): (ReviewLogEntry & { lemma: string })[] {
    const rows = this.db
      .sql('SELECT * FROM review_logs WHERE learner_id = ? ORDER BY reviewed_at, rowid')
      .all(learnerId) as {
      lemma: string;
      rating: ReviewLogEntry['rating'];
      state: CardPhase;
      due: string;
      stability: number;
      difficulty: number;
      elapsed_days: number;
      last_elapsed_days: number;
      scheduled_days: number;
      learning_steps: number;
      reviewed_at: string;
    }[];
    return rows.map((r) => ({
      lemma: r.lemma,
      rating: r.rating,
      state: r.state,
      due: r.due,
      stability: r.stability,
      difficulty: r.difficulty,
      elapsedDays: r.elapsed_days,
      lastElapsedDays: r.last_elapsed_days,
      scheduledDays: r.scheduled_days,
      learningSteps: r.learning_steps,
      reviewedAt: r.reviewed_at,
    }));
  }
}
