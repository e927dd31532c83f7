// Sends the outbox to the school's LRS: oldest first, in batches, each row marked sent only once the LRS has
// acknowledged it, so a kill or a full disk at any moment leaves it pending and it is sent again; the LRS
// keeps one copy (same id, same statement). A batch the LRS refuses is split until the refused statement stands
// alone, and only that one is set aside as failed. Nothing here runs inside a learner's request.
import type { DueStatement, XapiRepository } from '../db/repositories/xapi';
import type { LrsClient, LrsConnection, LrsFailure } from './lrs-client';

export const BATCH_SIZE = 200;
/** Back-off after a failed try: 5 s, 10 s, 20 s… up to 10 minutes. */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 60_000;

/**
 * How long a sent statement stays whole in the outbox: a school year and a bit, so a statement file exported at
 * the end of the year still carries the year (see docs/xapi-profile.md). The LRS holds them from the day they went.
 */
export const KEEP_SENT_DAYS = 400;
/** Pruning is a scan of the outbox: once a day is enough. */
const PRUNE_EVERY_MS = 24 * 3600_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts, 20));
}

export interface SyncOutcome {
  sent: number;
  refused: number;
  /** Why the pass stopped early (offline, password, server), if it did. */
  stopped: LrsFailure | null;
}

export class XapiSync {
  private running: Promise<SyncOutcome> | null = null;
  /** After a pass stopped (offline, password, server): no timer pass before this time. */
  private pausedUntil = 0;
  private failuresInARow = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private prunedAt = -Infinity;
  /** When a pass last sent everything that was due. */
  lastSyncAt: string | null = null;

  constructor(
    private readonly outbox: XapiRepository,
    private readonly connection: () => LrsConnection | null,
    private readonly client: LrsClient,
    private readonly now: () => Date,
    private readonly batchSize = BATCH_SIZE,
  ) {}

  /**
   * One pass over what is due; a pass already running is joined, never doubled. While paused after a failure
   * the timer's passes do nothing; the teacher's "send now" (`evenIfPaused`) tries at once.
   */
  syncOnce(evenIfPaused = false): Promise<SyncOutcome> {
    if (!evenIfPaused && this.now().getTime() < this.pausedUntil) return Promise.resolve({ sent: 0, refused: 0, stopped: null });
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** New settings: whatever waited for a better connection is due again. */
  resume(): void {
    this.pausedUntil = 0;
    this.failuresInARow = 0;
    this.outbox.retryNow();
  }

  /** Syncs every `intervalMs` while the process runs; the timer never keeps the process alive. */
  start(intervalMs: number, logError: (error: unknown) => void): void {
    const tick = (): void => {
      this.timer = setTimeout(() => {
        void this.syncOnce()
          .catch(logError)
          .finally(() => {
            if (this.timer !== undefined) tick();
          });
      }, intervalMs);
      this.timer.unref?.();
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async pass(): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { sent: 0, refused: 0, stopped: null };
    this.pruneDaily();
    const connection = this.connection();
    if (!connection) return outcome;
    for (;;) {
      const rows = this.outbox.due(this.now().toISOString(), this.batchSize);
      if (rows.length === 0) break;
      const stopped = await this.sendRows(connection, rows, outcome);
      if (stopped) {
        // The LRS is away or refuses us: the batch's rows still pending wait their back-off; the pass ends here.
        const attempts = Math.min(...rows.map((r) => r.attempts));
        this.outbox.markRetry(
          rows.map((r) => r.id),
          stopped,
          new Date(this.now().getTime() + retryDelayMs(attempts)).toISOString(),
        );
        outcome.stopped = stopped;
        this.pausedUntil = this.now().getTime() + retryDelayMs(this.failuresInARow++);
        break;
      }
      this.failuresInARow = 0;
    }
    // "Last sent": a pass that reached the end of what was due.
    if (!outcome.stopped) this.lastSyncAt = this.now().toISOString();
    return outcome;
  }

  /** The first pass of a run, then one a day: sent statements older than KEEP_SENT_DAYS are forgotten. */
  private pruneDaily(): void {
    const now = this.now().getTime();
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    this.outbox.pruneSent(new Date(now - KEEP_SENT_DAYS * 24 * 3600_000).toISOString());
  }

  /** Sends rows; returns the failure that should stop the pass, or null once every row is sent or set aside. */
  private async sendRows(connection: LrsConnection, rows: DueStatement[], outcome: SyncOutcome): Promise<LrsFailure | null> {
    const reply = await this.client.send(connection, rows.map((r) => r.statement));
    const at = this.now().toISOString();
    if (reply.ok) {
      this.outbox.markSent(rows.map((r) => r.id), at);
      outcome.sent += rows.length;
      return null;
    }
    const { failure } = reply;
    const aboutOne = failure.kind === 'refused' || failure.kind === 'conflict' || failure.kind === 'too-large';
    if (!aboutOne) return failure;
    if (rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      return (await this.sendRows(connection, rows.slice(0, half), outcome)) ?? (await this.sendRows(connection, rows.slice(half), outcome));
    }
    const [row] = rows as [DueStatement];
    if (failure.kind === 'conflict') {
      // The LRS holds a statement with this id already: ours reached it before (xAPI ids are never reused).
      this.outbox.markSent([row.id], at);
      outcome.sent += 1;
    } else {
      this.outbox.markFailed(row.id, failure, at);
      outcome.refused += 1;
    }
    return null;
  }
}
