import type { LearnerDatabase } from '../learner-database';
import type { Learner } from '../../../shared/types';

interface LearnerRow {
  id: string;
  name: string;
  created_at: string;
}

/** How two names are compared: "Élodie" and "élodie" are the same learner. */
export const nameKey = (name: string): string => name.normalize('NFC').toLocaleLowerCase('fr');

const toLearner = (row: LearnerRow): Learner => ({ id: row.id, name: row.name, createdAt: row.created_at });

export class LearnersRepository {
  constructor(private readonly db: LearnerDatabase) {}

  list(): Learner[] {
    return (this.db.sql('SELECT id, name, created_at FROM learners ORDER BY name_key').all() as LearnerRow[]).map(toLearner);
  }

  get(id: string): Learner | undefined {
    const row = this.db.sql('SELECT id, name, created_at FROM learners WHERE id = ?').get(id) as LearnerRow | undefined;
    return row && toLearner(row);
  }

  findByName(name: string): Learner | undefined {
    const row = this.db.sql('SELECT id, name, created_at FROM learners WHERE name_key = ?').get(nameKey(name)) as LearnerRow | undefined;
    return row && toLearner(row);
  }

  insert(learner: Learner): void {
    this.db
      .sql('INSERT INTO learners (id, name, name_key, created_at) VALUES (?, ?, ?, ?)')
      .run(learner.id, learner.name, nameKey(learner.name), learner.createdAt);
  }

  rename(id: string, name: string): void {
    this.db.sql('UPDATE learners SET name = ?, name_key = ? WHERE id = ?').run(name, nameKey(name), id);
  }

  /** Every row of the learner goes with them: each learner table references learners ON DELETE CASCADE. */
  delete(id: string): void {
    this.db.sql('DELETE FROM learners WHERE id = ?').run(id);
  }
}

export class AppStateRepository {
  constructor(private readonly db: LearnerDatabase) {}

  get(key: string): string | undefined {
    return (this.db.sql('SELECT value FROM app_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string): void {
    this.db.sql('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  delete(key: string): void {
    this.db.sql('DELETE FROM app_state WHERE key = ?').run(key);
  }
}
