import type { LearnerDatabase } from '../learner-database';
import type { WordStatus } from '../../../shared/types';

export interface LookupRecord {
  id: string;
  learnerId: string;
  lessonId: string;
  token: number;
  paragraph: number;
  lemma: string;
  at: string;
}

export interface StatusChange {
  id: string;
  learnerId: string;
  lessonId: string;
  token: number;
  lemma: string;
  status: WordStatus;
  at: string;
}

export class ReadingRepository {
  constructor(private readonly db: LearnerDatabase) {}

  addLookup(lookup: LookupRecord): void {
    this.db
      .sql('INSERT INTO lookups (id, learner_id, lesson_id, token, paragraph, lemma, looked_up_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(lookup.id, lookup.learnerId, lookup.lessonId, lookup.token, lookup.paragraph, lookup.lemma, lookup.at);
  }

  /** Lemmas this learner looked up in a lesson, most looked-up first. */
  lookedUpLemmas(learnerId: string, lessonId: string): string[] {
    const rows = this.db
      .sql('SELECT lemma FROM lookups WHERE learner_id = ? AND lesson_id = ? GROUP BY lemma ORDER BY count(*) DESC, max(looked_up_at) DESC')
      .all(learnerId, lessonId) as { lemma: string }[];
    return rows.map((row) => row.lemma);
  }

  countLookups(learnerId: string, lessonId: string): number {
    return (this.db.sql('SELECT count(*) AS n FROM lookups WHERE learner_id = ? AND lesson_id = ?').get(learnerId, lessonId) as { n: number }).n;
  }

  /** The status and its history row commit together. */
  setStatus(change: StatusChange): void {
    this.db.write(() => {
      this.db
        .sql(
          `INSERT INTO word_status (learner_id, lemma, status, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (learner_id, lemma) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
        )
        .run(change.learnerId, change.lemma, change.status, change.at);
      this.db
        .sql('INSERT INTO status_changes (id, learner_id, lemma, status, lesson_id, token, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(change.id, change.learnerId, change.lemma, change.status, change.lessonId, change.token, change.at);
    });
  }

  statuses(learnerId: string): Record<string, WordStatus> {
    const rows = this.db.sql("SELECT lemma, status FROM word_status WHERE learner_id = ? AND status <> 'new'").all(learnerId) as {
      lemma: string;
      status: WordStatus;
    }[];
    return Object.fromEntries(rows.map((row) => [row.lemma, row.status]));
  }

  progress(learnerId: string, lessonId: string): { position: { paragraph: number; token: number } | null; secondsRead: number } | undefined {
    const row = this.db
      .sql('SELECT paragraph, token, seconds_read FROM reading_progress WHERE learner_id = ? AND lesson_id = ?')
      .get(learnerId, lessonId) as { paragraph: number | null; token: number | null; seconds_read: number } | undefined;
    if (!row) return undefined;
    const position = row.paragraph === null || row.token === null ? null : { paragraph: row.paragraph, token: row.token };
    return { position, secondsRead: row.seconds_read };
  }

  savePosition(learnerId: string, lessonId: string, paragraph: number, token: number, at: string): void {
    this.db
      .sql(
        `INSERT INTO reading_progress (learner_id, lesson_id, paragraph, token, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, lesson_id) DO UPDATE SET paragraph = excluded.paragraph, token = excluded.token, updated_at = excluded.updated_at`,
      )
      .run(learnerId, lessonId, paragraph, token, at);
  }

  addTime(learnerId: string, lessonId: string, seconds: number, at: string): number {
    this.db
      .sql(
        `INSERT INTO reading_progress (learner_id, lesson_id, seconds_read, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (learner_id, lesson_id) DO UPDATE SET seconds_read = seconds_read + excluded.seconds_read, updated_at = excluded.updated_at`,
      )
      .run(learnerId, lessonId, seconds, at);
    return this.progress(learnerId, lessonId)?.secondsRead ?? seconds;
  }
}

export class SettingsRepository {
  constructor(private readonly db: LearnerDatabase) {}

  get(learnerId: string): unknown {
    const row = this.db.sql('SELECT settings FROM learner_settings WHERE learner_id = ?').get(learnerId) as { settings: string } | undefined;
    return row ? JSON.parse(row.settings) : undefined;
  }

  set(learnerId: string, settings: unknown): void {
    this.db
      .sql('INSERT INTO learner_settings (learner_id, settings) VALUES (?, ?) ON CONFLICT (learner_id) DO UPDATE SET settings = excluded.settings')
      .run(learnerId, JSON.stringify(settings));
  }
}
