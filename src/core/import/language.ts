// Which language a text looks like, by franc (trigram statistics, offline): French, or which other one, so the
// teacher is told "this looks English" and may still go on (a French lesson can quote other languages).
import { franc } from 'franc-min';

/** franc's answer when it cannot tell (a text too short, or no language it knows). */
export const UNDETERMINED = 'und';

/** franc reads at most this many characters: the same cost for a page and for a book. */
const SAMPLE_CHARS = 2048;

export interface LanguageGuess {
  /** ISO 639-3, or `und` when the text is too short to tell. */
  code: string;
  /** False only when franc is sure of another language: an undetermined text is not called foreign. */
  looksFrench: boolean;
}

/** The text's language, judged on a sample from its middle (a book's first page is often a title and a licence). */
export function guessLanguage(paragraphs: readonly string[]): LanguageGuess {
  const middle = Math.floor(paragraphs.length / 2);
  let sample = '';
  for (let i = middle; i < paragraphs.length && sample.length < SAMPLE_CHARS; i++) sample += `${paragraphs[i]}\n`;
  for (let i = middle - 1; i >= 0 && sample.length < SAMPLE_CHARS; i--) sample = `${paragraphs[i]}\n${sample}`;
  const code = franc(sample.slice(0, SAMPLE_CHARS));
  return { code, looksFrench: code === 'fra' || code === UNDETERMINED };
}
