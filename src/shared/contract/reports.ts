// The teacher's reports on a lesson, on screen and as files.
import * as v from 'valibot';
import type { Verdict } from '../../core/grading';
import { IdSchema } from '../../core/quiz';
import type { ClassReport, LearnerReport } from '../../core/reports/class-report';
import type { RegradingLine } from '../../core/reports/regrading';
import type { ExportOutcome } from '../types';
import { returns, type Table } from './call';
import { Id, Language, LessonId, TeacherToken } from './fields';
import { CsvLocaleSchema } from './lms';

export type { ClassReport, LearnerReport } from '../../core/reports/class-report';
export type { RegradingLine } from '../../core/reports/regrading';

/** The class report built from the statements of every computer in the school's LRS, and what it was built from. */
export interface LrsClassReport {
  report: ClassReport;
  /** Statements the LRS gave about the lesson, and how many of them the report counts (the rest: other versions, practice, left out). */
  statementsRead: number;
  statementsUsed: number;
  /** Statements left out because they do not fit Liseuse's xAPI profile, and the first few reasons. */
  skipped: number;
  skippedReasons: string[];
  /** Distinct learners and computers in the statements counted. */
  learners: number;
  computers: number;
}

/** What learners typed to one typed question, as the teacher reviews it. */
export interface QuestionResponses {
  questionId: string;
  number: number;
  prompt: string;
  /** The prompt's language, for its lang attribute. */
  promptLang: 'fr' | 'en';
  /** The language learners answer in, for the answers' lang attribute. */
  answerLang: 'fr' | 'en';
  /** The quiz's own accepted answers, and the list graded with on this computer (the teacher's changes applied). */
  quizAccepted: string[];
  accepted: string[];
  /** One per distinct answer (case, spacing and apostrophes aside), most given first. */
  responses: { answer: string; count: number; verdict: Verdict; score: number; learners: string[]; accepted: boolean }[];
  regradings: RegradingLine[];
}

const TypedAnswerText = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(500, 'is longer than 500 characters'));

/** An IANA time zone name the runtime knows ("Europe/Paris"), as the renderer's Intl reports it. */
export const TimeZone = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be a time zone name such as Europe/Paris'),
);

/** Which version of the lesson a report is of; the one learners read now when absent. */
const LessonVersion = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)));

const ReportExportSchema = v.strictObject({
  lessonId: LessonId,
  lessonVersion: LessonVersion,
  report: v.picklist(['class', 'attempts', 'learner']),
  format: v.picklist(['csv', 'xlsx', 'pdf', 'json']),
  /** The CSV dialect; standard when absent. */
  csvLocale: v.optional(CsvLocaleSchema),
  learnerId: v.optional(Id),
  /** The zone the file's times are written in; UTC when absent. */
  timeZone: v.optional(TimeZone),
  /** The language of the screen asking: the file's headings, notes, dates and column titles; English when absent. */
  language: v.optional(Language),
});

/** Which report of which lesson, in which format. */
export type ReportExportRequest = v.InferOutput<typeof ReportExportSchema>;

export const reportCalls = {
  'reports:class': returns<ClassReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, lessonVersion: LessonVersion }), { guard: 'teacher', transport: 'http' }),
  'reports:learner': returns<LearnerReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, learnerId: Id, lessonVersion: LessonVersion }), { guard: 'teacher' }),
  'reports:responses': returns<QuestionResponses>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, questionId: IdSchema }), { guard: 'teacher' }),
  /** Accepts a typed answer (accept: true) or rejects one now accepted; every stored answer to the question is regraded. */
  'reports:decideAnswer': returns<RegradingLine>()(
    v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, questionId: IdSchema, text: TypedAnswerText, accept: v.boolean() }),
    { guard: 'teacher' },
  ),
  /** The backend writes the file where the user chooses (desktop) or returns it as a download (browser mode). */
  'reports:export': returns<ExportOutcome>()(v.strictObject({ teacherToken: TeacherToken, ...ReportExportSchema.entries }), {
    guard: 'teacher',
    transport: 'http',
  }),
  /** The class, question and paragraph report from the school's LRS: every computer's statements about the lesson. */
  'reports:classFromLrs': returns<LrsClassReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, lessonVersion: LessonVersion }), {
    guard: 'teacher',
    transport: 'http',
  }),
} satisfies Table;
