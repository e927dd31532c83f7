import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabaseAtVersion, makeTempDir, removeTempDir } from '../../../../test/support/db';
import type { Db } from '../connection';
import { migration017 } from './017-lrs-failure-facts';
import { MIGRATIONS } from './index';

// The sentences version 16 stored, exactly as its client wrote them.
const BEFORE = {
  offline: 'The LRS could not be reached (connect ECONNREFUSED 127.0.0.1:9). Liseuse will try again.',
  unauthorized: 'The LRS refused the user name or password (HTTP 401). Check them in the settings.',
  refused: 'The LRS refused a statement (HTTP 400): actor.mbox must be a mailto: IRI',
  refusedBare: 'The LRS refused a statement (HTTP 400): no reason given',
  server: 'The LRS could not take the statements (HTTP 503): Service Unavailable. Liseuse will try again.',
  tooLarge: 'The LRS found the batch too large (HTTP 413).',
};

describe('migration: the outbox’s last errors as facts', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    const file = join(dir, 'test.db');
    db = createDatabaseAtVersion(file, migration017.version - 1);
    const insert = db.prepare("INSERT INTO xapi_outbox (id, statement, verb, status, last_error, created_at) VALUES (?, '{}', 'answered', ?, ?, 'now')");
    for (const [id, sentence] of Object.entries(BEFORE)) insert.run(id, id.startsWith('refused') ? 'failed' : 'pending', sentence);
    insert.run('sent', 'sent', null);
    db.close();
    db = createDatabaseAtVersion(file, migration017.version);
  });

  afterEach(() => {
    if (db.open) db.close();
    removeTempDir(dir);
  });

  it('is the seventeenth step of the list', () => {
    expect(MIGRATIONS[migration017.version - 1]).toBe(migration017);
  });

  it('turns each stored sentence into its kind, HTTP status and the LRS’s own words', () => {
    const rows = db.prepare('SELECT id, last_error FROM xapi_outbox').all() as { id: string; last_error: string | null }[];
    const facts = Object.fromEntries(rows.map((r) => [r.id, r.last_error === null ? null : JSON.parse(r.last_error)]));
    expect(facts).toEqual({
      offline: { kind: 'offline', status: null, reason: 'connect ECONNREFUSED 127.0.0.1:9' },
      unauthorized: { kind: 'unauthorized', status: 401, reason: '' },
      refused: { kind: 'refused', status: 400, reason: 'actor.mbox must be a mailto: IRI' },
      refusedBare: { kind: 'refused', status: 400, reason: '' },
      server: { kind: 'server', status: 503, reason: 'Service Unavailable' },
      tooLarge: { kind: 'too-large', status: 413, reason: '' },
      sent: null,
    });
  });
});
