// The xAPI outbox and the school's LRS settings: the only SQL of issue 17's sync.
import * as v from 'valibot';
import { VERBS, type Statement } from '../../../core/xapi';
import type { LrsFailureFacts } from '../../../shared/contract/lrs';
import type { LearnerDatabase } from '../learner-database';

export interface QueuedStatement {
  statement: Statement;
  /** What it is about (an answer's id), so a regrade finds what it voids. */
  subject?: string;
}

export interface DueStatement {
  id: string;
  statement: string;
  attempts: number;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

export interface OutboxProblem {
  id: string;
  verb: string;
  status: 'pending' | 'failed';
  error: LrsFailureFacts;
  at: string | null;
}

// last_error holds the failure as JSON facts, not a sentence, so it is worded in whatever language is on screen
// when the teacher reads it (migration 017 turned the sentences stored before into facts).
const StoredFailure = v.object({
  kind: v.picklist(['offline', 'unauthorized', 'refused', 'conflict', 'too-large', 'server', 'not-xapi']),
  status: v.nullable(v.number()),
  reason: v.string(),
});

export const storedFailure = (failure: LrsFailureFacts): string =>
  JSON.stringify({ kind: failure.kind, status: failure.status, reason: failure.reason });

/** A stored failure read back; text that is not one (written by hand, or damaged) is shown as the reason itself. */
export function readStoredFailure(text: string): LrsFailureFacts {
  try {
    const parsed = v.safeParse(StoredFailure, JSON.parse(text));
    if (parsed.success) return parsed.output;
  } catch {
    // Not JSON: fall through.
  }
  return { kind: 'server', status: null, reason: text };
}

export interface LrsSettingsRow {
  endpoint: string;
  username: string;
  namesShown: boolean;
}

export class XapiRepository {
  constructor(private readonly db: LearnerDatabase) {}

  enqueue(items: readonly QueuedStatement[], at: string): void {
    const insert = this.db.sql('INSERT INTO xapi_outbox (id, statement, verb, subject, created_at) VALUES (?, ?, ?, ?, ?)');
    this.db.write(() => {
      for (const { statement, subject } of items) insert.run(statement.id, JSON.stringify(statement), verbName(statement.verb.id), subject ?? null, at);
    });
  }

  /** The id of the last `answered` statement about a subject, the one a regrade voids. */
  lastAnswered(subject: string): string | undefined {
    const row = this.db.sql("SELECT id FROM xapi_outbox WHERE subject = ? AND verb = 'answered' ORDER BY rowid DESC LIMIT 1").get(subject) as { id: string } | undefined;
    return row?.id;
  }

  /** A statement as the outbox holds it, or undefined when it is not here or was pruned to its id. */
  statement(id: string): Statement | undefined {
    const row = this.db.sql("SELECT statement FROM xapi_outbox WHERE id = ? AND statement <> ''").get(id) as { statement: string } | undefined;
    return row ? (JSON.parse(row.statement) as Statement) : undefined;
  }

  /**
   * The last `completed` and `passed`/`failed` statements of an attempt (their subject is the attempt's id): the
   * ones a rescore voids. A pruned row keeps its id, verb and subject, so a regrade months later still finds them.
   */
  lastAttemptStatements(attemptId: string): { completed?: string; verdict?: string } {
    const last = (verbs: string): string | undefined =>
      (this.db.sql(`SELECT id FROM xapi_outbox WHERE subject = ? AND verb IN (${verbs}) ORDER BY rowid DESC LIMIT 1`).get(attemptId) as { id: string } | undefined)?.id;
    const completed = last("'completed'");
    const verdict = last("'passed', 'failed'");
    return { ...(completed ? { completed } : {}), ...(verdict ? { verdict } : {}) };
  }

  /**
   * A learner's statements for a statement file, oldest first: every one still held whole and not refused by the
   * LRS, minus those voided, plus the voiding statements of theirs (an LRS that holds a voided one then hides it).
   */
  learnerStatements(learnerId: string): Statement[] {
    const rows = this.db.sql("SELECT statement FROM xapi_outbox WHERE status <> 'failed' AND statement <> '' ORDER BY rowid").all() as { statement: string }[];
    const all = rows.map((r) => JSON.parse(r.statement) as Statement);
    const mine = all.filter((s) => s.actor.account.name === learnerId && s.verb.id !== VERBS.voided.id);
    const ids = new Set(mine.map((s) => s.id));
    const voids = all.filter((s) => s.verb.id === VERBS.voided.id && ids.has(s.object.id));
    const voided = new Set(voids.map((s) => s.object.id));
    return [...mine.filter((s) => !voided.has(s.id)), ...voids];
  }

  /** Pending statements whose next try has come, oldest first. */
  due(now: string, limit: number): DueStatement[] {
    return this.db
      .sql(`SELECT id, statement, attempts FROM xapi_outbox WHERE status = 'pending' AND (next_try_at IS NULL OR next_try_at <= ?) ORDER BY rowid LIMIT ?`)
      .all(now, limit) as DueStatement[];
  }

  markSent(ids: readonly string[], at: string): void {
    const update = this.db.sql("UPDATE xapi_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, next_try_at = NULL WHERE id = ?");
    this.db.write(() => {
      for (const id of ids) update.run(at, id);
    });
  }

  /** A try that failed for the whole batch (network, password, server): the pending ones wait until nextTryAt. */
  markRetry(ids: readonly string[], failure: LrsFailureFacts, nextTryAt: string): void {
    const error = storedFailure(failure);
    const update = this.db.sql("UPDATE xapi_outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ? AND status = 'pending'");
    this.db.write(() => {
      for (const id of ids) update.run(error, nextTryAt, id);
    });
  }

  /** Every pending statement due at once (the teacher changed the LRS settings). */
  retryNow(): void {
    this.db.sql("UPDATE xapi_outbox SET next_try_at = NULL WHERE status = 'pending' AND next_try_at IS NOT NULL").run();
  }

  /** The LRS refused this statement itself: kept, never resent on its own, with the LRS's reason. */
  markFailed(id: string, failure: LrsFailureFacts, at: string): void {
    this.db.sql("UPDATE xapi_outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?").run(storedFailure(failure), at, id);
  }

  /**
   * Forgets sent statements acknowledged before `cutoff`. Pending and failed rows are never touched (nothing
   * unsent is lost). A sent row with a subject (an answer's or an attempt's statement, which a regrade may void
   * later) keeps its id, verb and subject and loses only its body; any other sent row goes.
   */
  pruneSent(cutoff: string): { deleted: number; emptied: number } {
    return this.db.write(() => ({
      deleted: this.db.sql("DELETE FROM xapi_outbox WHERE status = 'sent' AND sent_at < ? AND subject IS NULL").run(cutoff).changes,
      emptied: this.db.sql("UPDATE xapi_outbox SET statement = '' WHERE status = 'sent' AND sent_at < ? AND subject IS NOT NULL AND statement <> ''").run(cutoff).changes,
    }));
  }

  counts(): OutboxCounts {
    const rows = this.db.sql('SELECT status, count(*) AS n FROM xapi_outbox GROUP BY status').all() as { status: keyof OutboxCounts; n: number }[];
    const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** The refused statements and the pending ones that failed their last try, last first. */
  problems(limit: number): OutboxProblem[] {
    return this.db
      .sql(
        `SELECT id, verb, status, last_error AS error, next_try_at AS at FROM xapi_outbox
         WHERE last_error IS NOT NULL AND status <> 'sent' ORDER BY status = 'pending', rowid DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => {
        const { error, ...rest } = row as Omit<OutboxProblem, 'error'> & { error: string };
        return { ...rest, error: readStoredFailure(error) };
      });
  }

  settings(): LrsSettingsRow | undefined {
    const row = this.db.sql('SELECT endpoint, username, names_shown FROM xapi_settings WHERE id = 1').get() as
      | { endpoint: string; username: string; names_shown: number }
      | undefined;
    return row && { endpoint: row.endpoint, username: row.username, namesShown: row.names_shown === 1 };
  }

  forgetSettings(): void {
    this.db.sql('DELETE FROM xapi_settings').run();
  }

  saveSettings(settings: LrsSettingsRow, at: string): void {
    this.db.sql(
      `INSERT INTO xapi_settings (id, endpoint, username, names_shown, changed_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET endpoint = excluded.endpoint, username = excluded.username, names_shown = excluded.names_shown, changed_at = excluded.changed_at`,
    ).run(settings.endpoint, settings.username, settings.namesShown ? 1 : 0, at);
  }
}

/** The verb's last path segment (answered, voided…): what the teacher's queue shows. */
const verbName = (iri: string): string => iri.slice(iri.lastIndexOf('/') + 1);
