// Locating an evidence quote in the lesson text: the paragraph, the offsets and the sentence that holds it.
import type { Lesson } from '../lesson';
import { splitSentences } from '../tokenizer';
import type { Evidence } from './types';

const excerpt = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Finds a quote in a paragraph (1-based) and the sentence holding it. Returns a problem, phrased for the
 * quiz's author, when the quote is missing, ambiguous or spans sentences.
 */
export function locateEvidence(lesson: Lesson, paragraph: number, quote: string): Evidence | string {
  const range = lesson.paragraphs[paragraph - 1];
  if (!range) return `paragraph ${paragraph} does not exist (the text has ${lesson.paragraphs.length})`;
  const body = lesson.text.slice(range.start, range.end);
  const found = occurrences(body, quote);
  if (found.length === 0) {
    const elsewhere = lesson.paragraphs.findIndex((p) => lesson.text.slice(p.start, p.end).includes(quote));
    return `quote "${excerpt(quote)}" is not in paragraph ${paragraph}${elsewhere >= 0 ? ` (it is in paragraph ${elsewhere + 1})` : ''}`;
  }
  if (found.length > 1) {
    return `quote "${excerpt(quote)}" occurs ${found.length} times in paragraph ${paragraph}; quote more so it points to one place`;
  }
  const start = range.start + (found[0] ?? 0);
  const end = start + quote.length;
  const sentences = splitSentences(lesson.text, range);
  const k = sentences.findIndex((s) => s.start <= start && end <= s.end);
  const sentence = sentences[k];
  if (!sentence) return `quote "${excerpt(quote)}" runs across sentences of paragraph ${paragraph}; quote within one sentence`;
  return { paragraph, quote, start, end, sentence: { ...sentence, index: range.sentences[k] ?? k } };
}
