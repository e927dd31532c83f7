// A paragraph laid out for the reader: sentences of word groups, so the text renders exactly as written, a
// sentence can be highlighted, and each word is one element (the fewer elements per word, the faster a long page
// paints).
import { GLUED_AFTER, GLUED_BEFORE } from '../french-spacing';
import { shortSense } from '../gloss-format';
import type { Gloss } from '../lesson';

/**
 * A word as rendered, with what typography glues to it: an opening «, ( or [ before; the punctuation that
 * follows it, or a spaced », :, ;, ! or ? after. `sense` is what the interlinear line shows under it: its sense
 * in this sentence ('·' when it has none), or, for the first word of an expression, the expression's sense, said
 * once for the whole expression (`whole`), and nothing under the expression's other words.
 */
export interface LaidOutWord {
  lead: string;
  i: number;
  text: string;
  trail: string;
  lemma: string;
  sense: string;
  expression: boolean;
  /** The sense is the whole expression's. */
  whole: boolean;
  /** The word starts or ends its expression, so the reader can mark where one expression stops and the next begins. */
  expressionStart: boolean;
  expressionEnd: boolean;
}

/** Words with no space between them (l’ + extrême), after the free text (spaces, dashes) before them. */
export interface WordGroup {
  before: string;
  words: LaidOutWord[];
}

/** A sentence from its start: the text before it, its word groups, and the text after its last word. */
export interface LaidOutSentence {
  start: number;
  gapBefore: string;
  groups: WordGroup[];
  after: string;
}

/** A token of the paragraph; only those with a gloss are words. */
export interface ParagraphToken {
  i: number;
  start: number;
  end: number;
  gloss?: (Pick<Gloss, 'lemma' | 'sense' | 'expression'> & Partial<Pick<Gloss, 'here'>>) | undefined;
}

/** What the layout needs of an expression: where it lies and what it means. */
export interface ExpressionToLayOut {
  start: number;
  end: number;
  sense: string;
}

export interface ParagraphToLayOut {
  start: number;
  sentences: readonly { start: number; end: number }[];
}

// Each word is a button, and a browser may break a line on either side of a button: a group of words and the
// punctuation glued to them (core/french-spacing) is kept on one line instead. The lesson keeps its ordinary spaces.

/** The text between two words: what stays with the word before, what floats free, what stays with the next. */
export function splitGap(gap: string, afterWord: boolean): { trail: string; free: string; lead: string } {
  const trail = afterWord ? (GLUED_AFTER.exec(gap)?.[0] ?? '') : '';
  const rest = gap.slice(trail.length);
  const lead = GLUED_BEFORE.exec(rest)?.[0] ?? '';
  return { trail, free: rest.slice(0, rest.length - lead.length), lead };
}

/**
 * Paragraph `paragraph` of `text` (a string, or anything that slices the lesson's text by offsets) as sentences of word groups. `tokens` are the paragraph's, in order;
 * `expressionOf(i)` is the lesson's expression i.
 */
export function sentencesOf(
  text: { slice(start: number, end: number): string },
  paragraph: ParagraphToLayOut,
  tokens: readonly ParagraphToken[],
  expressionOf: (i: number) => ExpressionToLayOut | undefined,
): LaidOutSentence[] {
  let cursor = paragraph.start;
  let t = 0;
  return paragraph.sentences.map((sentence) => {
    const gapBefore = text.slice(cursor, sentence.start);
    cursor = sentence.start;
    const groups: WordGroup[] = [];
    let previous: LaidOutWord | undefined;
    while (t < tokens.length && (tokens[t]?.start ?? Infinity) < sentence.end) {
      const token = tokens[t++]!;
      if (!token.gloss) continue;
      const expression = token.gloss.expression === undefined ? undefined : expressionOf(token.gloss.expression);
      const expressionStart = expression !== undefined && token.start <= expression.start;
      const own = token.gloss.here ?? shortSense(token.gloss.sense);
      const sense = expression ? (expressionStart ? shortSense(expression.sense) || own : '') : own || '·';
      const gap = text.slice(cursor, token.start);
      const { trail, free, lead } = splitGap(gap, previous !== undefined);
      if (previous) previous.trail = trail;
      const word: LaidOutWord = {
        lead,
        i: token.i,
        text: text.slice(token.start, token.end),
        trail: '',
        lemma: token.gloss.lemma,
        sense,
        expression: expression !== undefined,
        whole: expressionStart && sense !== '',
        expressionStart,
        expressionEnd: expression !== undefined && token.end >= expression.end,
      };
      const group = groups.at(-1);
      if (group && free === '') group.words.push(word);
      else groups.push({ before: free, words: [word] });
      previous = word;
      cursor = token.end;
    }
    const rest = text.slice(cursor, sentence.end);
    const trail = previous ? (GLUED_AFTER.exec(rest)?.[0] ?? '') : '';
    if (previous) previous.trail = trail;
    cursor = sentence.end;
    return { start: sentence.start, gapBefore, groups, after: rest.slice(trail.length) };
  });
}
