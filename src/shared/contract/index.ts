// The one contract between renderer and backend: every call's name, its input schema (checked at the boundary in
// both transports), its output type, its guard and its transport, gathered from one file per domain. Nothing
// crosses that is not in this table.
import { appCalls } from './app';
import { authoringCalls } from './authoring';
import type { HandlersOf, InputOf, OutputOf, ParsedInputOf } from './call';
import { learnerCalls } from './learners';
import { lessonCalls } from './lessons';
import { lmsCalls } from './lms';
import { lrsCalls } from './lrs';
import { openAnswerCalls } from './open-answers';
import { progressCalls } from './progress';
import { quizCalls } from './quiz';
import { readingCalls } from './reading';
import { reportCalls } from './reports';
import { resultCalls } from './results';
import { reviewCalls } from './review';
import { teacherCalls } from './teacher';

/** A unit test checks that no two domains declare the same name (a spread would silently keep the last). */
export const contract = {
  ...appCalls,
  ...learnerCalls,
  ...lessonCalls,
  ...readingCalls,
  ...quizCalls,
  ...teacherCalls,
  ...progressCalls,
  ...reviewCalls,
  ...reportCalls,
  ...resultCalls,
  ...openAnswerCalls,
  ...lmsCalls,
  ...authoringCalls,
  ...lrsCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = InputOf<Contract[K]>;
export type ParsedInput<K extends CallName> = ParsedInputOf<Contract[K]>;
export type CallOutput<K extends CallName> = OutputOf<Contract[K]>;
/** The calls backend.call lets through only with a live teacher token. */
export type TeacherCallName = { [K in CallName]: Contract[K] extends { guard: 'teacher' } ? K : never }[CallName];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The whole backend as seen by a transport: one handler per call, typed from the table. */
export type Handlers = HandlersOf<Contract>;

/** What the renderer calls: the same names with the caller-side input types. */
export type Api = {
  [K in CallName]: (...args: undefined extends CallInput<K> ? [input?: CallInput<K>, options?: SendOptions] : [input: CallInput<K>, options?: SendOptions]) => Promise<CallOutput<K>>;
};
/** `signal` cancels the call: its request is aborted (browser mode's HTTP calls; elsewhere its reply is dropped). */
export interface SendOptions {
  signal?: AbortSignal;
}
