// The teacher PIN and the short-lived unlocks it gives. The PIN is kept only as a salted scrypt hash. Every try is
// counted in the database before its PIN is hashed; after five wrong ones in a row each one locks the area for a
// while, never more than five minutes, so a learner cannot keep the teacher out for long while a guesser needs
// years for a 6-digit PIN (the arithmetic is in lockoutSeconds). A recovery code, shown once when the PIN is set
// or changed, opens the area even then.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { NewPinSession, NewRecoveryCode, TeacherSession, TeacherStatus } from '../../shared/contract/teacher';
import type { NewPin, TeacherRepository } from '../db/repositories/teacher';

/** scrypt cost: N = 2^15, r = 8, p = 1 takes about 32 MiB and a tenth of a second a try (the lock-out, not the hash, is what stops guessing online). */
export const PIN_HASH = { log2n: 15, blockSize: 8, parallelism: 1, keyLength: 32, saltLength: 16 } as const;
/** How long an unlock lasts. */
export const UNLOCK_MS = 30 * 60 * 1000;
/** Wrong PINs in a row before the next try has to wait. */
export const FREE_TRIES = 5;
const FIRST_WAIT_S = 60;
const LONGEST_WAIT_S = 5 * 60;

function hashPin(pin: string, salt: Buffer, cost: { log2n: number; blockSize: number; parallelism: number }): Promise<Buffer> {
  const N = 2 ** cost.log2n;
  const options: ScryptOptions = { N, r: cost.blockSize, p: cost.parallelism, maxmem: 128 * N * cost.blockSize * 2 };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, PIN_HASH.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * The wait earned by the nth wrong PIN in a row: none for the first four, then 1, 2, 4 minutes, then 5 minutes for
 * every further one. A guesser's nth try therefore costs 5 minutes: half of the 10^6 six-digit PINs take
 * 500,000 × 5 min ≈ 4.75 years (a legacy 4-digit PIN ≈ 17 days, so the teacher area asks to change one). The
 * teacher, once the learner stops guessing, waits at most 5 minutes.
 */
export function lockoutSeconds(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_TRIES));
}

// Crockford's base 32: no I, L, O or U, so a code copied by hand is read back as written.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_LENGTH = 20;

/** 20 characters of 5 random bits each: 100 bits, far beyond guessing, so trying one needs no lock-out. */
function newRecoveryCode(): string {
  const chars = [...randomBytes(RECOVERY_LENGTH)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

/** The code as the teacher may type it (lower case, spaces, dashes, I or L for 1, O for 0), in its stored form. */
function recoveryKey(typed: string): Buffer | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== RECOVERY_LENGTH || [...code].some((c) => !RECOVERY_ALPHABET.includes(c))) return undefined;
  // A plain hash is enough for 100 random bits: no one can try 2^100 codes, fast hash or slow.
  return createHash('sha256').update(code).digest();
}

export class TeacherService {
  /** Unlocks live only in this process: a restart locks the teacher area again. */
  private readonly unlocks = new Map<string, number>();

  constructor(
    private readonly store: TeacherRepository,
    private readonly now: () => Date,
  ) {}

  status(): TeacherStatus {
    const stored = this.store.pin();
    const lockedUntil = stored?.lockedUntil && Date.parse(stored.lockedUntil) > this.now().getTime() ? stored.lockedUntil : null;
    return { pinSet: stored !== undefined, lockedUntil, recoveryCodeSet: Boolean(stored?.recoveryHash) };
  }

  /** Sets the PIN on first use only; changing it needs an unlock (changePin). */
  async setPin(pin: string): Promise<NewPinSession> {
    if (this.store.pin()) throw AppError.because('conflict', 'pinAlreadySet');
    const recoveryCode = newRecoveryCode();
    const stored = this.store.insertPin(await this.newPin(pin, recoveryCode));
    // Two first uses at once: only the first PIN is kept, the second is told so.
    if (!stored) throw AppError.because('conflict', 'pinAlreadySet');
    return { ...this.open(), recoveryCode };
  }

  async changePin(teacherToken: string, pin: string): Promise<NewRecoveryCode> {
    this.require(teacherToken);
    const recoveryCode = newRecoveryCode();
    const replacement = await this.newPin(pin, recoveryCode);
    // The unlock may have ended or been locked while the PIN was being hashed.
    this.require(teacherToken);
    this.store.replacePin(replacement);
    return { recoveryCode };
  }

  /** Opens the area with the recovery code, whatever the lock-out; the code is used up and a new one given. */
  recover(typed: string): NewPinSession {
    const stored = this.store.pin();
    if (!stored) throw AppError.because('not_found', 'noPinYet');
    if (!stored.recoveryHash) {
      throw AppError.because('unauthorized', 'pinWithoutRecovery');
    }
    const given = recoveryKey(typed);
    const recoveryCode = newRecoveryCode();
    if (!given || !this.store.useRecoveryCode(given, recoveryKey(recoveryCode) as Buffer)) {
      throw AppError.because('unauthorized', 'wrongRecoveryCode');
    }
    return { ...this.open(), recoveryCode };
  }

  async unlock(pin: string): Promise<TeacherSession> {
    const stored = this.store.pin();
    if (!stored) throw AppError.because('not_found', 'noPinYet');
    const now = this.now().getTime();
    const lockFor = (tries: number): string | null => {
      const wait = lockoutSeconds(tries);
      return wait > 0 ? new Date(now + wait * 1000).toISOString() : null;
    };
    const claimed = this.store.claimTry(new Date(now).toISOString(), lockFor);
    if ('lockedUntil' in claimed) {
      const wait = Math.ceil((Date.parse(claimed.lockedUntil) - now) / 1000);
      throw AppError.because('unauthorized', 'tooManyPins', { seconds: wait });
    }
    const given = await hashPin(pin, stored.salt, stored);
    if (given.length === stored.hash.length && timingSafeEqual(given, stored.hash)) {
      this.store.clearFailures();
      return this.open();
    }
    const wait = lockoutSeconds(claimed.tries);
    if (wait > 0) throw AppError.because('unauthorized', 'wrongPinWait', { seconds: wait });
    const left = FREE_TRIES - claimed.tries;
    throw AppError.because('unauthorized', 'wrongPin', { left });
  }

  /** Throws unless the token is a live unlock. */
  require(teacherToken: string): void {
    const expires = this.unlocks.get(teacherToken);
    if (expires === undefined || expires <= this.now().getTime()) {
      this.unlocks.delete(teacherToken);
      throw AppError.because('unauthorized', 'teacherLocked');
    }
  }

  lock(teacherToken: string): null {
    this.unlocks.delete(teacherToken);
    return null;
  }

  private async newPin(pin: string, recoveryCode: string): Promise<NewPin> {
    const salt = randomBytes(PIN_HASH.saltLength);
    return {
      hash: await hashPin(pin, salt, PIN_HASH),
      salt,
      log2n: PIN_HASH.log2n,
      blockSize: PIN_HASH.blockSize,
      parallelism: PIN_HASH.parallelism,
      setAt: this.now().toISOString(),
      recoveryHash: recoveryKey(recoveryCode) as Buffer,
    };
  }

  private open(): TeacherSession {
    const now = this.now().getTime();
    for (const [token, expires] of this.unlocks) if (expires <= now) this.unlocks.delete(token);
    const teacherToken = randomBytes(32).toString('base64url');
    const expires = now + UNLOCK_MS;
    this.unlocks.set(teacherToken, expires);
    return { teacherToken, expiresAt: new Date(expires).toISOString() };
  }
}
