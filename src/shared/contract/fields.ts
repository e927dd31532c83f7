// Input fields that calls of several domains share.
import * as v from 'valibot';
import { LessonIdSchema, UuidSchema } from '../../core/ids';

/** The input of a call that takes none: nothing, or an empty object. */
export const Nothing = v.optional(v.strictObject({}), {});
export const Id = UuidSchema;
export const LessonId = LessonIdSchema;
/** A token or paragraph index. */
export const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
/** The languages the interface is written in (glosses stay in English whatever is chosen). */
export const INTERFACE_LANGUAGES = ['en', 'fr'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export const Language = v.picklist(INTERFACE_LANGUAGES);
export const TeacherToken = v.pipe(v.string(), v.regex(/^[\w-]{20,100}$/, 'must be a teacher token'));
