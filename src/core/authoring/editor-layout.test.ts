import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenizer';
import { glueParagraph } from './editor-layout';

/** The paragraph's words as the gloss editor has them (offsets into the text), from the tokenizer. */
function wordsOf(text: string): { at: number; end: number; form: string }[] {
  return tokenize(text)
    .filter((t) => t.kind !== 'punct')
    .map((t) => ({ at: t.start, end: t.end, form: t.text }));
}

/** Each group as the text it shows, words in [brackets]: what stays on one line. */
function shown(text: string): string[] {
  const { groups, after } = glueParagraph(text, { start: 0, end: text.length }, wordsOf(text));
  return [...groups.map((g) => `${g.before}|${g.words.map((w) => `${w.lead}[${w.word.form}]${w.trail}`).join('')}`), `after:${after}`];
}

describe('glueParagraph: the gloss editor keeps punctuation with its word', () => {
  it('holds a full stop, a comma and a spaced mark to the word before, « to the word after', () => {
    expect(shown('D’abord, Léa ouvre la porte.')).toEqual(['|[D’][abord],', ' |[Léa]', ' |[ouvre]', ' |[la]', ' |[porte].', 'after:']);
    expect(shown('Il dit : « oui » !')).toEqual(['|[Il]', ' |[dit] :', ' |« [oui] » !', 'after:']);
    expect(shown('(Enfin) elle sourit…')).toEqual(['|([Enfin])', ' |[elle]', ' |[sourit]…', 'after:']);
  });

  it('leaves dashes and spaces between groups free, and keeps the text whole', () => {
    const text = 'Il part — vite — et revient. ';
    expect(shown(text)).toEqual(['|[Il]', ' |[part]', ' — |[vite]', ' — |[et]', ' |[revient].', 'after: ']);
    const { groups, after } = glueParagraph(text, { start: 0, end: text.length }, wordsOf(text));
    expect(groups.map((g) => g.before + g.words.map((w) => w.lead + w.word.form + w.trail).join('')).join('') + after).toBe(text);
  });

  it('lays out a paragraph inside a longer text by its own range', () => {
    const text = 'Un.\nDeux, trois.';
    const start = text.indexOf('Deux');
    const words = wordsOf(text).filter((w) => w.at >= start);
    const { groups, after } = glueParagraph(text, { start, end: text.length }, words);
    expect(groups.map((g) => g.words.map((w) => `${w.lead}${w.word.form}${w.trail}`).join(''))).toEqual(['Deux,', 'trois.']);
    expect(after).toBe('');
  });
});
