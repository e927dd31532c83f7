// The school's Learning Record Store: where statements go, the connection test, and the outbox the teacher sees.
import * as v from 'valibot';
import { returns, type Table } from './call';
import { TeacherToken } from './fields';

export interface LrsSettings {
  /** '' while no LRS is set. */
  endpoint: string;
  username: string;
  secretSet: boolean;
  /** Learners' names in statements (off: only their opaque ids). */
  namesShown: boolean;
  /** 'encrypted': by the OS keychain (desktop app); 'file': as typed, in the data folder, readable by this user only (browser mode). */
  secretStorage: 'encrypted' | 'file';
}

/** What went wrong with the LRS, in no language: the renderer words it (strings.lrs.failure). */
export type LrsFailureKind = 'offline' | 'unauthorized' | 'refused' | 'conflict' | 'too-large' | 'server' | 'not-xapi';

export interface LrsFailureFacts {
  kind: LrsFailureKind;
  /** The HTTP status of the LRS's reply; null when there was no reply (offline) or it was not about HTTP. */
  status: number | null;
  /**
   * The other side's own words, shown verbatim (usually English, so marked lang="en"): the LRS's reason for a
   * refusal, the network's error when it could not be reached, the versions it speaks for 'not-xapi'; '' if none.
   */
  reason: string;
}

export interface LrsTestResult {
  ok: boolean;
  /** The xAPI versions the LRS says it speaks (GET /about). */
  versions: string[];
  /** Why the test failed; null when it passed. */
  failure: LrsFailureFacts | null;
}

export interface LrsProblem {
  statementId: string;
  /** answered, completed, interacted… */
  verb: string;
  error: LrsFailureFacts;
  /** 'failed': the LRS refused this statement, it is kept and not resent; 'retrying': it waits for its next try. */
  state: 'failed' | 'retrying';
}

export interface LrsQueue {
  configured: boolean;
  pending: number;
  sent: number;
  failed: number;
  lastSyncAt: string | null;
  problems: LrsProblem[];
}

const Endpoint = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(500, 'An LRS address is at most 500 characters.'),
  v.regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'An LRS address starts with http:// or https:// (for example http://lrs.school.lan:8080/xapi/).'),
);
const Username = v.pipe(v.string(), v.trim(), v.nonEmpty('Give the user name or key the LRS gave you.'), v.maxLength(200, 'A user name or key is at most 200 characters.'), v.regex(/^[^:]*$/, 'A user name or key cannot contain ":".'));
const Secret = v.pipe(v.string(), v.nonEmpty('Give the password or secret the LRS gave you.'), v.maxLength(500, 'A password or secret is at most 500 characters.'));
const Teacher = { teacherToken: TeacherToken };

export const lrsCalls = {
  'lrs:settings': returns<LrsSettings>()(v.strictObject(Teacher), { guard: 'teacher' }),
  /** `secret` absent keeps the one saved before. */
  'lrs:save': returns<LrsSettings>()(
    v.strictObject({ ...Teacher, endpoint: Endpoint, username: Username, secret: v.optional(Secret), namesShown: v.boolean() }),
    { guard: 'teacher' },
  ),
  /** Forgets the LRS and its secret; the outbox keeps its statements for a later LRS. */
  'lrs:forget': returns<LrsSettings>()(v.strictObject(Teacher), { guard: 'teacher' }),
  'lrs:test': returns<LrsTestResult>()(v.strictObject(Teacher), { guard: 'teacher' }),
  'lrs:queue': returns<LrsQueue>()(v.strictObject(Teacher), { guard: 'teacher' }),
  /** Sends what is due now instead of at the next timer tick; answers with the queue after. */
  'lrs:syncNow': returns<LrsQueue>()(v.strictObject(Teacher), { guard: 'teacher' }),
} satisfies Table;
