// The one contract between renderer and backend: every call's name, its input schema (checked at the boundary
// in both transports) and its output type. Nothing crosses that is not in this table.
import * as v from 'valibot';
import { AnswerSchema, AnswerTimeMsSchema } from '../core/grading';
import { IdSchema } from '../core/quiz';
import { LearnerNameSchema } from '../core/learner-name';
import { LessonIdSchema, UuidSchema } from '../core/ids';
import { MAX_RESULT_BYTES, SAME_NAME_CHOICES } from '../core/reports/result-file';
import type { LessonWire } from './lesson-wire';
import type { AnswerOutcome, AppInfo, AttemptView, ClassReport, ExportOutcome, ImportOutcome, LearnerReport, Learner, LessonLibrary, QuizOverview, ReadingState, ReaderSettings } from './types';
import { THEMES, WORD_STATUSES } from './types';
// ---- profiles, teacher PIN, progress, review ----
import { REVIEW_RATINGS } from '../core/review-ratings';
import type { GradeOutcome, LearnerProgress, MyWord, ReviewQueue, ReviewSummary, TeacherOverview, TeacherSession, TeacherStatus } from './types';

declare const outputType: unique symbol;

export interface Call<I extends v.GenericSchema, O> {
  input: I;
  readonly [outputType]?: O;
}

const returns =
  <O>() =>
  <I extends v.GenericSchema>(input: I): Call<I, O> => ({ input });

const Nothing = v.optional(v.strictObject({}), {});
const Id = UuidSchema;
const LessonId = LessonIdSchema;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const Name = LearnerNameSchema;

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(14), v.maxValue(36)),
  lineHeight: v.pipe(v.number(), v.minValue(1.2), v.maxValue(2.4)),
  dyslexicFont: v.boolean(),
  interlinear: v.picklist(['off', 'all', 'unknown']),
  speech: v.boolean(),
});

// ---- profiles, teacher PIN, progress, review ----
const Pin = v.pipe(v.string(), v.regex(/^\d{4,8}$/, 'A teacher PIN is 4 to 8 digits.'));
const TeacherToken = v.pipe(v.string(), v.regex(/^[\w-]{20,100}$/, 'must be a teacher token'));
const Lemma = v.pipe(v.string(), v.nonEmpty('must be a word'), v.maxLength(100, 'must be a word'));

export const contract = {
  'app:info': returns<AppInfo>()(Nothing),

  'learners:list': returns<Learner[]>()(Nothing),
  'learners:create': returns<Learner>()(v.strictObject({ name: Name })),
  /** Remembers the learner chosen on this computer, so the next start opens with them. */
  'learners:choose': returns<Learner>()(v.strictObject({ learnerId: Id })),
  'learners:current': returns<Learner | null>()(Nothing),

  'lessons:list': returns<LessonLibrary>()(Nothing),
  'lessons:get': returns<LessonWire>()(v.strictObject({ lessonId: LessonId })),

  'reading:state': returns<ReadingState>()(v.strictObject({ learnerId: Id, lessonId: LessonId })),
  'reading:lookup': returns<{ lookups: number }>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, token: Count, paragraph: Count }),
  ),
  'reading:setStatus': returns<{ lemma: string; status: (typeof WORD_STATUSES)[number] }>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, token: Count, status: v.picklist(WORD_STATUSES) }),
  ),
  'reading:savePosition': returns<null>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, paragraph: Count, token: Count }),
  ),
  'reading:addTime': returns<{ secondsRead: number }>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3600)) }),
  ),

  'settings:get': returns<ReaderSettings>()(v.strictObject({ learnerId: Id })),
  'settings:set': returns<ReaderSettings>()(v.strictObject({ learnerId: Id, settings: SettingsSchema })),

  // ---- quizzes ----
  'quiz:overview': returns<QuizOverview>()(v.strictObject({ learnerId: Id, lessonId: LessonId })),
  'quiz:start': returns<AttemptView>()(
    v.strictObject({ learnerId: Id, lessonId: LessonId, kind: v.picklist(['comprehension', 'vocabulary']) }),
  ),
  'quiz:attempt': returns<AttemptView>()(v.strictObject({ learnerId: Id, attemptId: Id })),
  /** Answered once; the reply comes after the answer is committed. */
  'quiz:answer': returns<AnswerOutcome>()(
    v.strictObject({
      learnerId: Id,
      attemptId: Id,
      questionId: IdSchema,
      answer: AnswerSchema,
      timeMs: AnswerTimeMsSchema,
    }),
  ),

  // ---- profiles, teacher PIN, progress, review ----
  'learners:rename': returns<Learner>()(v.strictObject({ learnerId: Id, name: Name })),
  /** Needs an unlocked teacher area; removes the learner and every row of theirs. */
  'learners:delete': returns<null>()(v.strictObject({ learnerId: Id, teacherToken: TeacherToken })),
  'teacher:status': returns<TeacherStatus>()(Nothing),
  /** Only when no PIN is set yet (first use); unlocks at once. */
  'teacher:setPin': returns<TeacherSession>()(v.strictObject({ pin: Pin })),
  /** Wrong PINs are refused with 'unauthorized'; after three in a row, each one makes the next try wait longer. */
  'teacher:unlock': returns<TeacherSession>()(v.strictObject({ pin: Pin })),
  'teacher:lock': returns<null>()(v.strictObject({ teacherToken: TeacherToken })),
  'teacher:overview': returns<TeacherOverview>()(v.strictObject({ teacherToken: TeacherToken })),
  'progress:get': returns<LearnerProgress>()(v.strictObject({ learnerId: Id })),
  'review:summary': returns<ReviewSummary>()(v.strictObject({ learnerId: Id })),
  'review:words': returns<MyWord[]>()(v.strictObject({ learnerId: Id })),
  'review:queue': returns<ReviewQueue>()(v.strictObject({ learnerId: Id })),
  'review:grade': returns<GradeOutcome>()(v.strictObject({ learnerId: Id, lemma: Lemma, rating: v.picklist(REVIEW_RATINGS) })),

  // ---- teacher reports and results files ----
  'reports:class': returns<ClassReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId })),
  'reports:learner': returns<LearnerReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, learnerId: Id })),
  /** The backend writes the file where the user chooses (desktop) or returns it as a download (browser mode). */
  'reports:export': returns<ExportOutcome>()(
    v.strictObject({
      teacherToken: TeacherToken,
      lessonId: LessonId,
      report: v.picklist(['class', 'attempts', 'learner']),
      format: v.picklist(['csv', 'pdf', 'json']),
      learnerId: v.optional(Id),
    }),
  ),
  /** A learner's own results file, to carry to the teacher's computer. */
  'results:export': returns<ExportOutcome>()(v.strictObject({ learnerId: Id })),
  /** One file per call, checked whole before anything is written; a bad file is refused by name with the reason. */
  'results:import': returns<ImportOutcome>()(
    v.strictObject({
      teacherToken: TeacherToken,
      fileName: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255)),
      // A file's UTF-8 size is at least its length: a longer text cannot be a file the core would take.
      content: v.pipe(v.string(), v.maxLength(MAX_RESULT_BYTES, `A results file is at most ${MAX_RESULT_BYTES / 1_000_000} MB.`)),
      /** The teacher's answer when the outcome was `needsDecision`: another learner here has the file's name. */
      sameName: v.optional(v.picklist(SAME_NAME_CHOICES)),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = v.InferInput<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = v.InferOutput<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K] extends Call<v.GenericSchema, infer O> ? O : never;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The whole backend as seen by a transport: one handler per call, typed from the table. */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>> };

/** What the renderer calls: the same names with the caller-side input types. */
export type Api = { [K in CallName]: (...args: undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>]) => Promise<CallOutput<K>> };
