// The teacher area: the PIN that unlocks it, the unlock's token and where the data lives.
import * as v from 'valibot';
import { returns, type Table } from './call';
import { Nothing, TeacherToken } from './fields';

/** A teacher PIN: 4 to 8 digits. The PIN forms check it before sending, the backend again at the boundary. */
export const PIN_DIGITS = { min: 4, max: 8 } as const;
export const PIN_FORMAT = new RegExp(`^\\d{${PIN_DIGITS.min},${PIN_DIGITS.max}}$`);
const Pin = v.pipe(v.string(), v.regex(PIN_FORMAT, `A teacher PIN is ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits.`));

export interface TeacherStatus {
  pinSet: boolean;
}

/** An unlocked teacher area: an opaque token the backend keeps in memory, valid until expiresAt. */
export interface TeacherSession {
  teacherToken: string;
  expiresAt: string;
}

export interface TeacherInfo {
  /** The data folder's absolute path, for backing it up or moving it. */
  dataDir: string;
}

export const teacherCalls = {
  'teacher:status': returns<TeacherStatus>()(Nothing),
  /** Only when no PIN is set yet (first use); unlocks at once. */
  'teacher:setPin': returns<TeacherSession>()(v.strictObject({ pin: Pin })),
  /** Wrong PINs are refused with 'unauthorized'; after three in a row, each one makes the next try wait longer. */
  'teacher:unlock': returns<TeacherSession>()(v.strictObject({ pin: Pin })),
  /** Not guarded: locking with a token that has already expired is no error. */
  'teacher:lock': returns<null>()(v.strictObject({ teacherToken: TeacherToken })),
  'teacher:info': returns<TeacherInfo>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
} satisfies Table;
