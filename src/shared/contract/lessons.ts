// The lessons on this computer, and one lesson for the reader, a part of a few pages at a time.
import * as v from 'valibot';
import type { LessonWire, LessonWirePart } from '../lesson-wire';
import type { LessonSummary } from '../types';
import { returns, type Table } from './call';
import { Count, LessonId, Nothing } from './fields';

/** The lessons that loaded, and the folders that did not, each with the reason. */
export interface LessonLibrary {
  lessons: LessonSummary[];
  problems: { folder: string; message: string }[];
}

export const lessonCalls = {
  'lessons:list': returns<LessonLibrary>()(Nothing),
  /** The lesson's outline and its first part (src/shared/lesson-wire.ts): small whatever the lesson's length. */
  'lessons:get': returns<LessonWire>()(v.strictObject({ lessonId: LessonId }), { transport: 'http' }),
  /** Part `part` of the lesson (its number in `LessonWire.partStarts`), or not_found. */
  'lessons:part': returns<LessonWirePart>()(v.strictObject({ lessonId: LessonId, part: Count }), { transport: 'http' }),
} satisfies Table;
