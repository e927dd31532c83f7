// The teacher area: the PIN that unlocks it, the unlock's token and where the data lives.
import * as v from 'valibot';
import { returns, type Table } from './call';
import { Language, Nothing, TeacherToken } from './fields';

// The PIN forms check these before sending, the backend again at the boundary.
/** A PIN being set: long enough that a guesser held to the lock-out's pace needs years. */
export const NEW_PIN_DIGITS = { min: 6, max: 12 } as const;
/** A PIN being tried: PINs set when 4 digits were enough still open the area (which then asks for a new one). */
export const PIN_DIGITS = { min: 4, max: NEW_PIN_DIGITS.max } as const;
const digits = (range: { min: number; max: number }): RegExp => new RegExp(`^\\d{${range.min},${range.max}}$`);
export const NEW_PIN_FORMAT = digits(NEW_PIN_DIGITS);
export const PIN_FORMAT = digits(PIN_DIGITS);
const NewPin = v.pipe(v.string(), v.regex(NEW_PIN_FORMAT, `A teacher PIN is ${NEW_PIN_DIGITS.min} to ${NEW_PIN_DIGITS.max} digits.`));
const Pin = v.pipe(v.string(), v.regex(PIN_FORMAT, `A teacher PIN is ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits.`));
/** As typed: dashes, spaces and lower case are forgiven by the service. */
const RecoveryCode = v.pipe(
  v.string(),
  v.maxLength(60, 'A recovery code is 20 letters and digits.'),
  v.regex(/^[\dA-Za-z\s-]+$/, 'A recovery code is 20 letters and digits.'),
);

export interface TeacherStatus {
  pinSet: boolean;
  /** While wrong PINs keep the area locked: when the next try is allowed (ISO time). */
  lockedUntil: string | null;
  /** Whether a recovery code exists (a PIN set before recovery codes has none until it is changed). */
  recoveryCodeSet: boolean;
}

/** A recovery code, shown once: it opens the teacher area without the PIN, even while wrong PINs lock it. */
export interface NewRecoveryCode {
  recoveryCode: string;
}

/** An unlocked teacher area: an opaque token the backend keeps in memory, valid until expiresAt. */
export interface TeacherSession {
  teacherToken: string;
  expiresAt: string;
}

/** What setting the PIN, or using the recovery code, gives: an unlock and a (new) recovery code. */
export type NewPinSession = TeacherSession & NewRecoveryCode;

export interface TeacherInfo {
  /** The data folder's absolute path, for backing it up or moving it. */
  dataDir: string;
}

export const teacherCalls = {
  'teacher:status': returns<TeacherStatus>()(Nothing),
  /** Only when no PIN is set yet (first use); unlocks at once. */
  'teacher:setPin': returns<NewPinSession>()(v.strictObject({ pin: NewPin })),
  /** Wrong PINs are refused with 'unauthorized'; after five in a row, each one makes the next try wait (5 minutes at most). */
  'teacher:unlock': returns<TeacherSession>()(v.strictObject({ pin: Pin })),
  /** Not guarded: locking with a token that has already expired is no error. */
  'teacher:lock': returns<null>()(v.strictObject({ teacherToken: TeacherToken })),
  /** Opens the area without the PIN, even while wrong PINs lock it, and forgets them; the code is replaced by a new one. */
  'teacher:recover': returns<NewPinSession>()(v.strictObject({ recoveryCode: RecoveryCode })),
  /** Gives a new recovery code with the new PIN. */
  'teacher:changePin': returns<NewRecoveryCode>()(v.strictObject({ teacherToken: TeacherToken, pin: NewPin }), { guard: 'teacher' }),
  'teacher:info': returns<TeacherInfo>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
  /** The language of this computer's teacher area and exports, and of learners who have not chosen one. */
  'teacher:setLanguage': returns<null>()(v.strictObject({ teacherToken: TeacherToken, language: Language }), { guard: 'teacher' }),
} satisfies Table;
