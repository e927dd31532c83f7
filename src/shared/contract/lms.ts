// What the teacher takes to the school's LMS: a lesson's quiz as Moodle XML or GIFT, and the dialect the CSV
// exports are written in (reports:export writes them).
import * as v from 'valibot';
import type { ExportOutcome } from '../types';
import { returns, type Table } from './call';
import { LessonId, TeacherToken } from './fields';

export const QUIZ_EXPORT_FORMATS = ['moodle-xml', 'gift'] as const;
export type QuizExportFormat = (typeof QUIZ_EXPORT_FORMATS)[number];

/** standard: comma, decimal point, 2024-05-01 dates; fr: semicolon, decimal comma, 01/05/2024 (a French spreadsheet's). */
export const CSV_LOCALES = ['standard', 'fr'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];
export const CsvLocaleSchema = v.picklist(CSV_LOCALES);

export interface ExportSettings {
  /** The teacher's choice, or null when never made: the interface's language then decides. */
  csvLocale: CsvLocale | null;
}

export const lmsCalls = {
  'lms:exportQuiz': returns<ExportOutcome>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, format: v.picklist(QUIZ_EXPORT_FORMATS) }), {
    guard: 'teacher',
    transport: 'http',
  }),
  'lms:exportSettings': returns<ExportSettings>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
  'lms:setExportSettings': returns<ExportSettings>()(v.strictObject({ teacherToken: TeacherToken, csvLocale: CsvLocaleSchema }), { guard: 'teacher' }),
} satisfies Table;
