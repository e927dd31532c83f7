// A paragraph of the gloss editor as the reader lays out its words (core/reader/sentences): words written together
// (D’abord) and the punctuation French typography glues to them (core/french-spacing) in one group, drawn on one
// line, so a full stop, a comma or a » never starts a line on its own.
import { GLUED_AFTER } from '../french-spacing';
import { splitGap } from '../reader/sentences';

/** A word with what is glued to it: an opening «, ( or [ before; its punctuation, or a spaced », : ; ! ? after. */
export interface GluedWord<W> {
  lead: string;
  word: W;
  trail: string;
}

/** Words with no free text between them, after the free text (spaces, dashes) before them. */
export interface GluedGroup<W> {
  before: string;
  words: GluedWord<W>[];
}

/** The paragraph `range` of `text` as groups of its `words` (in order, offsets into `text`), and the text after them. */
export function glueParagraph<W extends { at: number; end: number }>(
  text: string,
  range: { start: number; end: number },
  words: readonly W[],
): { groups: GluedGroup<W>[]; after: string } {
  const groups: GluedGroup<W>[] = [];
  let cursor = range.start;
  let previous: GluedWord<W> | undefined;
  for (const word of words) {
    const { trail, free, lead } = splitGap(text.slice(cursor, word.at), previous !== undefined);
    if (previous) previous.trail = trail;
    const glued: GluedWord<W> = { lead, word, trail: '' };
    const group = groups.at(-1);
    if (group && free === '') group.words.push(glued);
    else groups.push({ before: free, words: [glued] });
    previous = glued;
    cursor = word.end;
  }
  const rest = text.slice(cursor, range.end);
  const trail = previous ? (GLUED_AFTER.exec(rest)?.[0] ?? '') : '';
  if (previous) previous.trail = trail;
  return { groups, after: rest.slice(trail.length) };
}
