// A text's paragraphs as a lesson keeps them: one string each, white space tidied, nothing empty. Plain text
// marks paragraphs one of two ways: by blank lines (its lines then wrap inside a paragraph and are joined), or,
// when it has no blank line at all, one paragraph per line.
import { tokenize } from '../tokenizer';

// Every white space but the no-break spaces French puts before ; : ! ? and inside « », which the reader keeps.
const SPACES = /[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+/gu;
// Invisible characters that only get in the way of words: soft hyphens, zero-width spaces and joiners, BOMs,
// and the C1 controls a converter left behind (the C0 ones: isStrayControl).
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u007f-\u0084\u0086-\u009f]/gu;

/** A C0 control character that is not white space (tab, line feed, vertical tab, form feed, carriage return). */
export const isStrayControl = (code: number): boolean => code < 0x20 && (code < 0x09 || code > 0x0d);

function withoutStrayControls(text: string): string {
  let kept = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isStrayControl(text.charCodeAt(i))) continue;
    kept += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : kept + text.slice(from);
}

/** One paragraph's text on one line: runs of white space are one space, invisible characters dropped, NFC. */
export function tidyParagraph(text: string): string {
  return withoutStrayControls(text.normalize('NFC')).replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** The non-empty paragraphs of a list of candidate paragraphs, each tidied. */
export function keepParagraphs(candidates: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const candidate of candidates) {
    const paragraph = tidyParagraph(candidate);
    if (paragraph) kept.push(paragraph);
  }
  return kept;
}

export function paragraphsOfPlainText(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const filled = lines.map((line) => line.trim() !== '');
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  // Blank lines before the first line or after the last say nothing about paragraphs.
  if (!filled.slice(first, last + 1).includes(false)) return keepParagraphs(lines);
  const blocks: string[] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (block.length > 0) blocks.push(block.join(' '));
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block.join(' '));
  return keepParagraphs(blocks);
}

/** Words as a lesson counts them: the tokenizer's words and numbers. */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) for (const token of tokenize(paragraph)) if (token.kind !== 'punct') words++;
  return words;
}
