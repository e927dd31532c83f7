// French typography's one rule for the app: « and » (and the spaced : ; ! ?) never part from the word they belong
// to at a line end. The reader glues them into its word groups with these patterns; everywhere else French text is
// shown (quiz feedback, evidence, review sentences, excerpts), glueFrench binds them with no-break spaces.

/** After a word: its punctuation, and spaces only where a closing mark follows them (". »", " !", " :"). */
export const GLUED_AFTER = /^(?:[^\s\p{L}\p{N}«“([]|[ \u00A0\u202F]+(?=[»”:;!?]))*/u;
/** Before a word: an opening « or “ and the space after it, or brackets. */
export const GLUED_BEFORE = /(?:[«“][ \u00A0\u202F]*|[([]+)$/u;

const NO_BREAK = '\u00A0';

/** The text with each ordinary space after « “ and before » ” : ; ! ? made a no-break space; nothing else changes. */
export function glueFrench(text: string): string {
  return text.replace(/([«“]) +/gu, `$1${NO_BREAK}`).replace(/ +([»”:;!?])/gu, `${NO_BREAK}$1`);
}

/** A French quotation as the app prints it: « text », its marks held to its first and last words. */
export function quoteFrench(text: string): string {
  return glueFrench(`« ${text.trim()} »`);
}
