import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'learners',
  up(db) {
    db.exec(`
      CREATE TABLE learners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- The name folded for comparison by the app (NFC, lower case in every script): SQLite's NOCASE folds only A-Z.
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      -- Small facts about this computer's copy of the app, such as the learner chosen last.
      CREATE TABLE app_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
