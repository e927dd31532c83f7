// The lessons on this computer, and one lesson whole for the reader.
import * as v from 'valibot';
import type { LessonWire } from '../lesson-wire';
import type { LessonSummary } from '../types';
import { returns, type Table } from './call';
import { LessonId, Nothing } from './fields';

/** The lessons that loaded, and the folders that did not, each with the reason. */
export interface LessonLibrary {
  lessons: LessonSummary[];
  problems: { folder: string; message: string }[];
}

export const lessonCalls = {
  'lessons:list': returns<LessonLibrary>()(Nothing),
  'lessons:get': returns<LessonWire>()(v.strictObject({ lessonId: LessonId }), { transport: 'http' }),
} satisfies Table;
