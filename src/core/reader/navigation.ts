// Moving word to word in reading order, across paragraphs, the way the reader's arrow keys do.

/** The words of a text, paragraph by paragraph, each with its token index `i` (increasing in reading order). */
export interface WordsByParagraph<W extends { i: number }> {
  readonly paragraphCount: number;
  words(paragraph: number): readonly W[];
}

/**
 * The word `step` places away from token `tokenIndex` (in `paragraph`), clamped to the text. A token that is not
 * a word (punctuation) counts from the word just after it.
 */
export function neighbour<W extends { i: number }>(
  text: WordsByParagraph<W>,
  paragraph: number,
  tokenIndex: number,
  step: number,
): { token: W; paragraph: number } | undefined {
  if (paragraph < 0 || paragraph >= text.paragraphCount) return undefined;
  let words = text.words(paragraph);
  let at = words.findIndex((w) => w.i >= tokenIndex);
  if (at === -1) at = words.length;
  at += step;
  while (at < 0 && paragraph > 0) {
    paragraph--;
    words = text.words(paragraph);
    at += words.length;
  }
  while (at >= words.length && paragraph < text.paragraphCount - 1) {
    at -= words.length;
    paragraph++;
    words = text.words(paragraph);
  }
  if (words.length === 0) return undefined;
  const token = words[Math.max(0, Math.min(words.length - 1, at))]!;
  return { token, paragraph };
}
