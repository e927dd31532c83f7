// The teacher's reports on a lesson, on screen and as files.
import * as v from 'valibot';
import type { ClassReport, LearnerReport } from '../../core/reports/class-report';
import type { ExportOutcome } from '../types';
import { returns, type Table } from './call';
import { Id, LessonId, TeacherToken } from './fields';

export type { ClassReport, LearnerReport } from '../../core/reports/class-report';

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

const ReportExportSchema = v.strictObject({
  lessonId: LessonId,
  report: v.picklist(['class', 'attempts', 'learner']),
  format: v.picklist(['csv', 'pdf', 'json']),
  learnerId: v.optional(Id),
  /** The zone the file's times are written in; UTC when absent. */
  timeZone: v.optional(TimeZone),
});

/** Which report of which lesson, in which format. */
export type ReportExportRequest = v.InferOutput<typeof ReportExportSchema>;

export const reportCalls = {
  'reports:class': returns<ClassReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId }), { guard: 'teacher', transport: 'http' }),
  'reports:learner': returns<LearnerReport>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, learnerId: Id }), { guard: 'teacher' }),
  /** The backend writes the file where the user chooses (desktop) or returns it as a download (browser mode). */
  'reports:export': returns<ExportOutcome>()(v.strictObject({ teacherToken: TeacherToken, ...ReportExportSchema.entries }), {
    guard: 'teacher',
    transport: 'http',
  }),
} satisfies Table;
