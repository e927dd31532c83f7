// The ids that cross a boundary (contract calls, results files), checked the same way wherever they arrive.
import * as v from 'valibot';

/** A learner, attempt, answer, look-up or installation id. */
export const UuidSchema = v.pipe(v.string(), v.uuid('must be an id'));

/** A lesson's folder name. */
export const LessonIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'must be a lesson id'));
