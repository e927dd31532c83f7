// What a learner's name may be, wherever one arrives: typed in the app or carried in a results file.
import * as v from 'valibot';

export const LearnerNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('A name is needed.'),
  v.maxLength(40, 'A name has at most 40 characters.'),
  // Control and format characters (NUL, right-to-left overrides, zero-width spaces) could hide or disguise a name.
  v.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'A name cannot contain control characters.'),
);
