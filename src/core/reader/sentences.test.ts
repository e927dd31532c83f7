import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../../test/support/article';
import type { Lesson } from '../lesson';
import { splitSentences, tokenize } from '../tokenizer';
import { sentencesOf, splitGap, type LaidOutSentence, type ParagraphToken } from './sentences';

/**
 * One paragraph, every word and number glossed with lemma = its text and sense "<text> sense", or, given an
 * `expressionSense`, an empty sense and a place in an expression that says it.
 */
function layOut(text: string, expressionSense?: string): LaidOutSentence[] {
  const paragraph = { start: 0, end: text.length };
  const tokens: ParagraphToken[] = tokenize(text).map((t, i) => ({
    i,
    start: t.start,
    end: t.end,
    ...(t.kind === 'punct' ? {} : { gloss: expressionSense === undefined ? { lemma: t.text, sense: `${t.text} sense` } : { lemma: t.text, sense: '', expression: 0 } }),
  }));
  return sentencesOf(text, { start: 0, sentences: splitSentences(text, paragraph) }, tokens, () =>
    expressionSense === undefined ? undefined : { start: 0, end: text.replace(/[.!?]+$/u, '').length, sense: expressionSense },
  );
}

/** The layout in brackets: ⟨sentence⟩, {group} and [word], with what is glued to each word beside it. */
function sketch(sentences: LaidOutSentence[]): string {
  return sentences
    .map((s) => `${s.gapBefore}⟨${s.groups.map((g) => `${g.before}{${g.words.map((w) => `${w.lead}[${w.text}]${w.trail}`).join('')}}`).join('')}${s.after}⟩`)
    .join('');
}

/** The text as rendered: every piece of the layout, in order. */
function rendered(sentences: LaidOutSentence[]): string {
  return sentences.map((s) => s.gapBefore + s.groups.map((g) => g.before + g.words.map((w) => w.lead + w.text + w.trail).join('')).join('') + s.after).join('');
}

function laidOutArticle(lesson: Lesson, p: number): LaidOutSentence[] {
  const paragraph = lesson.paragraphs[p]!;
  const tokens = lesson.tokens.slice(paragraph.tokens[0], paragraph.tokens[1]).map((t) => ({ ...t, i: t.index }));
  return sentencesOf(
    lesson.text,
    { start: paragraph.start, sentences: paragraph.sentences.map((s) => lesson.sentences[s]!) },
    tokens,
    (i) => lesson.expressions[i],
  );
}

describe('splitGap', () => {
  it.each([
    { gap: ' ', afterWord: true, parts: { trail: '', free: ' ', lead: '' } },
    { gap: ', ', afterWord: true, parts: { trail: ',', free: ' ', lead: '' } },
    { gap: ' : ', afterWord: true, parts: { trail: ' :', free: ' ', lead: '' } },
    { gap: ' ! ', afterWord: true, parts: { trail: ' !', free: ' ', lead: '' } },
    { gap: '. » ', afterWord: true, parts: { trail: '. »', free: ' ', lead: '' } },
    { gap: ' « ', afterWord: true, parts: { trail: '', free: ' ', lead: '« ' } },
    { gap: ' (', afterWord: true, parts: { trail: '', free: ' ', lead: '(' } },
    { gap: ' – ', afterWord: true, parts: { trail: '', free: ' – ', lead: '' } },
    { gap: '\u00A0»', afterWord: true, parts: { trail: '\u00A0»', free: '', lead: '' } },
    { gap: '', afterWord: true, parts: { trail: '', free: '', lead: '' } },
    { gap: '« ', afterWord: false, parts: { trail: '', free: '', lead: '« ' } },
    { gap: ', ', afterWord: false, parts: { trail: '', free: ', ', lead: '' } },
  ])('"$gap" (after a word: $afterWord)', ({ gap, afterWord, parts }) => {
    expect(splitGap(gap, afterWord)).toEqual(parts);
  });

  it('loses nothing and keeps the order of the gap', () => {
    const gaps = fc.string({ unit: fc.constantFrom(' ', '\u00A0', '\u202F', ',', '.', '!', '?', ':', ';', '«', '»', '(', ')', '[', '“', '”', '–', '…') });
    fc.assert(
      fc.property(gaps, fc.boolean(), (gap, afterWord) => {
        const { trail, free, lead } = splitGap(gap, afterWord);
        expect(trail + free + lead).toBe(gap);
        if (!afterWord) expect(trail).toBe('');
      }),
    );
  });
});

describe('sentencesOf', () => {
  it.each([
    { case: 'words apart, punctuation with the word before it', text: 'Le chat dort, bien.', layout: '⟨{[Le]} {[chat]} {[dort],} {[bien].}⟩' },
    { case: 'an elided word and the next are one group', text: 'de l’extrême.', layout: '⟨{[de]} {[l’][extrême].}⟩' },
    { case: 'guillemets stay with the words they enclose', text: 'Il dit « oui ».', layout: '⟨{[Il]} {[dit]} {« [oui] ».}⟩' },
    { case: 'a spaced colon or ! stays with its word', text: 'Voici : non !', layout: '⟨{[Voici] :} {[non] !}⟩' },
    { case: 'a dash floats between groups', text: 'Oui – non.', layout: '⟨{[Oui]} – {[non].}⟩' },
    { case: 'an opening bracket stays with the next word', text: 'Un (petit) chat.', layout: '⟨{[Un]} {([petit])} {[chat].}⟩' },
    {
      case: 'sentences, with the text between them outside both',
      text: 'Il pleut. « Oui. » Fin.',
      layout: '⟨{[Il]} {[pleut].}⟩ ⟨{« [Oui]. »}⟩ ⟨{[Fin].}⟩',
    },
  ])('$case', ({ text, layout }) => {
    expect(sketch(layOut(text))).toBe(layout);
  });

  it('gives each word its short sense, and an expression’s sense once, under its first word', () => {
    const [sentence] = layOut('Le chat.');
    expect(sentence?.groups.flatMap((g) => g.words.map((w) => [w.lemma, w.sense, w.expression]))).toEqual([
      ['Le', 'Le sense', false],
      ['chat', 'chat sense', false],
    ]);
    const words = layOut('Le chat.', 'the cat; a feline')[0]?.groups.flatMap((g) => g.words);
    expect(words?.map((w) => [w.sense, w.whole, w.expressionStart, w.expressionEnd])).toEqual([
      ['the cat', true, true, false],
      ['', false, false, true],
    ]);
  });

  it('renders every paragraph of the article exactly as written, each glossed token once and in order', () => {
    const lesson = loadArticle();
    for (const paragraph of lesson.paragraphs) {
      const tokens = lesson.tokens.slice(paragraph.tokens[0], paragraph.tokens[1]).map((t) => ({ ...t, i: t.index }));
      const sentences = laidOutArticle(lesson, paragraph.index);
      expect(rendered(sentences)).toBe(lesson.text.slice(paragraph.start, paragraph.end));
      expect(sentences.flatMap((s) => s.groups.flatMap((g) => g.words.map((w) => w.i)))).toEqual(tokens.filter((t) => t.gloss).map((t) => t.i));
    }
  });

  it('prints under the article’s words their senses in the sentence, an expression’s once, the same word alike', () => {
    const lesson = loadArticle();
    const interlinear = (paragraph: number): string[][] =>
      laidOutArticle(lesson, paragraph).map((sentence) => sentence.groups.flatMap((g) => g.words.map((w) => `${w.text}=${w.sense}`)));
    const [first] = interlinear(0);
    expect(first?.slice(0, 7)).toEqual(['Ce=this', 'voyage=trip', 'qui=which', 'a=has', 'retenu=kept', 'Kim=Kim', 'en=in']);
    // il y a plus de dix ans: the expression's sense once, nothing under its grammatical words.
    expect(first?.slice(-7)).toEqual(['il=more than ten years ago', 'y=', 'a=', 'plus=', 'de=', 'dix=', 'ans=']);
    expect(first).toContain('jours=days');
    expect(first).toContain('est=is');
    const second = interlinear(1).flat();
    expect(second).toContain('agence=news agency');
    expect(second).toContain('de=');
    // The sentence that comes back in paragraph 5 reads the same under the same words.
    const [again] = interlinear(4);
    expect(again?.slice(0, 5)).toEqual(first?.slice(0, 5));
  });

  it('renders any text exactly as written', () => {
    const texts = fc.string({
      unit: fc.constantFrom('a', 'é', 'B', '1', ' ', '\u00A0', '\u202F', ',', '.', '!', '?', ':', '«', '»', '(', ')', '’', '-', '–'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(texts, (text) => {
        const body = text.trim();
        expect(rendered(layOut(body))).toBe(splitSentences(body, { start: 0, end: body.length }).length === 0 ? '' : body);
      }),
    );
  });
});
