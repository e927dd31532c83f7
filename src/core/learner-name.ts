// What a learner's name may be, wherever one arrives: typed in the app or carried in a results file.
import * as v from 'valibot';

// Zero-width non-joiner and joiner: Persian, Indic and other scripts need them between two of their letters.
const JOINER = /[\u200C\u200D]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
// Scripts with no use for a joiner, where one could only hide a difference between two names.
const NO_JOINERS = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const CONFUSABLE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u];

/** A joiner is kept only between two letters (or marks) of a script that uses it. */
function isNeededJoiner(chars: string[], i: number): boolean {
  const before = chars[i - 1];
  const after = chars[i + 1];
  return before !== undefined && after !== undefined && [before, after].every((c) => LETTER_OR_MARK.test(c) && !NO_JOINERS.test(c));
}

/** Why a trimmed, composed name cannot be a learner's name, or null when it can. */
function problemOf(name: string): string | null {
  if (name.length === 0) return null; // said by nonEmpty
  if (/\p{Cc}/u.test(name)) return 'A name cannot contain control characters.';
  if (/[\p{Zl}\p{Zp}]/u.test(name)) return 'A name is one line: it cannot contain a line or paragraph break.';
  const chars = [...name];
  if (chars.some((c, i) => /\p{Cf}/u.test(c) && !(JOINER.test(c) && isNeededJoiner(chars, i)))) {
    return 'A name cannot contain invisible formatting characters.';
  }
  if (!/\p{L}/u.test(name)) return 'A name needs at least one letter.';
  if (/^\p{M}/u.test(name)) return 'A name cannot start with an accent or other combining mark.';
  // "Аna" with a Cyrillic А looks like "Ana": one word may not mix the scripts whose letters look alike.
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    if (CONFUSABLE_SCRIPTS.filter((script) => script.test(word)).length > 1) {
      return 'A name cannot mix alphabets within a word (Latin, Greek, Cyrillic): it could pass for another name.';
    }
  }
  return null;
}

export const LearnerNameSchema = v.pipe(
  v.string(),
  // Checked before composing: a lone surrogate would be stored as invalid UTF-8.
  v.check((name) => !/\p{Cs}/u.test(name), 'A name cannot contain a broken character.'),
  // Composed, so "Zoé" typed with a combining accent is the same name as "Zoé" typed with é.
  v.transform((name) => name.normalize('NFC')),
  v.trim(),
  v.nonEmpty('A name is needed.'),
  v.maxLength(40, 'A name has at most 40 characters.'),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? problemOf(dataset.value) : null;
    if (problem) addIssue({ message: problem });
  }),
);
