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
}

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
      }
    );
  }

  /** Stores the first PIN; returns false when one was already set (the row exists), leaving it untouched. */
  insertPin(pin: Omit<StoredPin, 'failedAttempts' | 'lockedUntil'>): boolean {
    const result = this.db
      .sql(
        `INSERT INTO teacher_pin (id, hash, salt, log2n, block_size, parallelism, set_at) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(pin.hash, pin.salt, pin.log2n, pin.blockSize, pin.parallelism, pin.setAt);
    return result.changes > 0;
  }

  /** Counts one more wrong PIN and returns the new count. */
  addFailure(): number {
    const row = this.db.sql('UPDATE teacher_pin SET failed_attempts = failed_attempts + 1 WHERE id = 1 RETURNING failed_attempts').get() as
      | { failed_attempts: number }
      | undefined;
    return row?.failed_attempts ?? 0;
  }

  lockUntil(until: string | null): void {
    this.db.sql('UPDATE teacher_pin SET locked_until = ? WHERE id = 1').run(until);
  }

  clearFailures(): void {
    this.db.sql('UPDATE teacher_pin SET failed_attempts = 0, locked_until = NULL WHERE id = 1').run();
  }
}
