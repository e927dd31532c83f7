import type { Migration } from './types';

export const migration016: Migration = {
  version: 16,
  name: 'xapi-outbox',
  up(db) {
    db.exec(`
      -- Every xAPI statement, written in the transaction of the event it describes and kept until the school's
      -- LRS has acknowledged it. The id is the statement's id (a UUID made at the event): a resend is the same
      -- statement, which the LRS stores once. 'failed' is a statement the LRS refused (kept, with its reason).
      CREATE TABLE xapi_outbox (
        id TEXT PRIMARY KEY,
        statement TEXT NOT NULL,
        verb TEXT NOT NULL,
        -- What it is about, so a later regrade finds the statement it voids (an answer's id).
        subject TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_try_at TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX xapi_outbox_pending ON xapi_outbox (status, next_try_at) WHERE status = 'pending';
      CREATE INDEX xapi_outbox_subject ON xapi_outbox (subject) WHERE subject IS NOT NULL;

      -- The school's LRS, one row. The secret is not here: it lives in a file of its own (encrypted by the OS
      -- keychain in the desktop app).
      CREATE TABLE xapi_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        endpoint TEXT NOT NULL,
        username TEXT NOT NULL,
        names_shown INTEGER NOT NULL DEFAULT 0,
        changed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
