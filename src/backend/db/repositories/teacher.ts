import type { LearnerDatabase } from '../learner-database';

export interface StoredPin {
  hash: Buffer;
  salt: Buffer;
  log2n: number;
  blockSize: number;
  parallelism: number;
  setAt: string;
  failedAttempts: number;
  lockedUntil: string | null;
  /** The recovery code's hash; null for a PIN set before recovery codes existed. */
  recoveryHash: Buffer | null;
}

interface PinRow {
  hash: Buffer;
  salt: Buffer;
  log2n: number;
  block_size: number;
  parallelism: number;
  set_at: string;
  failed_attempts: number;
  locked_until: string | null;
  recovery_hash: Buffer | null;
}

export type NewPin = Omit<StoredPin, 'failedAttempts' | 'lockedUntil' | 'recoveryHash'> & { recoveryHash: Buffer };

export class TeacherRepository {
  constructor(private readonly db: LearnerDatabase) {}

  pin(): StoredPin | undefined {
    const row = this.db.sql('SELECT * FROM teacher_pin WHERE id = 1').get() as PinRow | undefined;
    return (
      row && {
        hash: row.hash,
        salt: row.salt,
        log2n: row.log2n,
        blockSize: row.block_size,
        parallelism: row.parallelism,
        setAt: row.set_at,
        failedAttempts: row.failed_attempts,
        lockedUntil: row.locked_until,
        recoveryHash: row.recovery_hash,
      }
    );
  }

  /** Stores the first PIN; returns false when one was already set (the row exists), leaving it untouched. */
  insertPin(pin: NewPin): boolean {
    const result = this.db
      .sql(
        `INSERT INTO teacher_pin (id, hash, salt, log2n, block_size, parallelism, set_at, recovery_hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(pin.hash, pin.salt, pin.log2n, pin.blockSize, pin.parallelism, pin.setAt, pin.recoveryHash);
    return result.changes > 0;
  }

  /** Replaces the PIN and its recovery code, and forgets wrong tries. */
  replacePin(pin: NewPin): void {
    this.db
      .sql(
        `UPDATE teacher_pin SET hash = ?, salt = ?, log2n = ?, block_size = ?, parallelism = ?, set_at = ?, recovery_hash = ?,
         failed_attempts = 0, locked_until = NULL WHERE id = 1`,
      )
      .run(pin.hash, pin.salt, pin.log2n, pin.blockSize, pin.parallelism, pin.setAt, pin.recoveryHash);
  }

  /**
   * Swaps the recovery code whose hash is `used` for a new one and forgets wrong tries, in one statement: of two
   * recoveries with the same code only one succeeds. False when `used` is not the current code.
   */
  useRecoveryCode(used: Buffer, replacement: Buffer): boolean {
    const result = this.db
      .sql('UPDATE teacher_pin SET recovery_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = 1 AND recovery_hash = ?')
      .run(replacement, used);
    return result.changes > 0;
  }

  /**
   * Counts one more try, as wrong until its PIN proves right, unless a lock-out is running; when it runs, nothing is
   * counted and its end is returned. One transaction, taken before any hashing: tries sent together are counted one
   * after the other, so the lock-out the nth one earns (`lockFor`) stops the (n+1)th before its PIN is looked at.
   */
  claimTry(now: string, lockFor: (tries: number) => string | null): { tries: number } | { lockedUntil: string } {
    return this.db.write(() => {
      const row = this.db.sql('SELECT failed_attempts, locked_until FROM teacher_pin WHERE id = 1').get() as
        | Pick<PinRow, 'failed_attempts' | 'locked_until'>
        | undefined;
      if (row?.locked_until && row.locked_until > now) return { lockedUntil: row.locked_until };
      const tries = (row?.failed_attempts ?? 0) + 1;
      this.db.sql('UPDATE teacher_pin SET failed_attempts = ?, locked_until = ? WHERE id = 1').run(tries, lockFor(tries));
      return { tries };
    });
  }

  clearFailures(): void {
    this.db.sql('UPDATE teacher_pin SET failed_attempts = 0, locked_until = NULL WHERE id = 1').run();
  }
}
