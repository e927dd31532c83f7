// The first words of a paragraph, as the learner's progress page and the teacher's reports name it.
import type { Lesson } from './lesson';

const EXCERPT_CHARS = 90;
/** Short enough to sit beside a bar in the paragraph report. */
export const OPENING_CHARS = 48;

/** The first words of a text, cut at a word boundary. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

/** Each paragraph's opening words, in order. */
export function paragraphOpenings(lesson: Pick<Lesson, 'text' | 'paragraphs'>, max = OPENING_CHARS): string[] {
  return lesson.paragraphs.map((range) => excerptOf(lesson.text.slice(range.start, range.end), max));
}
