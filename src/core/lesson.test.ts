import { describe, expect, it } from 'vitest';
import { loadArticle, readLessonFiles } from '../../test/support/article';
import { GRAMMAR_WORDS } from '../shared/grammar-words';
import { grammarLine } from './gloss-format';
import { loadLesson, type Gloss, type Lesson } from './lesson';

const lesson: Lesson = loadArticle();
const glosses = lesson.tokens.flatMap((t) => (t.gloss ? [t.gloss] : []));

/** The gloss of `word` where it occurs inside `phrase` (the phrase must occur once in the text). */
function glossIn(phrase: string, word: string): Gloss {
  const at = lesson.text.indexOf(phrase);
  expect(at, `"${phrase}" is in the text`).toBeGreaterThanOrEqual(0);
  expect(lesson.text.indexOf(phrase, at + 1), `"${phrase}" occurs once`).toBe(-1);
  const start = at + phrase.indexOf(word);
  const gloss = lesson.tokens.find((t) => t.start === start)?.gloss;
  if (!gloss) throw new Error(`no gloss for "${word}" in "${phrase}"`);
  return gloss;
}

/** What the gloss card shows of a word: its dictionary form, its grammar line and its sense. */
const card = (gloss: Gloss): { lemma: string; grammar: string } => ({ lemma: gloss.lemma, grammar: grammarLine(gloss, GRAMMAR_WORDS.en) });

describe('the kim-russie glosses, as a French reader checks them', () => {
  it('every common noun says its gender', () => {
    const genderless = glosses.filter((g) => g.pos === 'noun' && !g.gender).map((g) => g.form);
    expect(genderless).toEqual([]);
  });

  it('a proper noun starts with a capital: an ordinary word inside a name keeps its own part of speech', () => {
    const lowerCase = glosses.filter((g) => g.pos === 'proper noun' && g.lemma[0] !== g.lemma[0]?.toLocaleUpperCase('fr')).map((g) => g.form);
    expect(lowerCase).toEqual([]);
  });

  it('the words of République populaire démocratique de Corée', () => {
    const name = 'la République populaire démocratique de Corée';
    expect(card(glossIn(name, 'République'))).toEqual({ lemma: 'République', grammar: 'proper noun, feminine' });
    expect(card(glossIn(name, 'populaire'))).toEqual({ lemma: 'populaire', grammar: 'adjective, feminine singular' });
    expect(card(glossIn(name, 'démocratique'))).toEqual({ lemma: 'démocratique', grammar: 'adjective, feminine singular' });
  });

  it('Fédération de Russie and Conseil de sécurité', () => {
    expect(card(glossIn('en Fédération de Russie', 'Fédération'))).toEqual({ lemma: 'Fédération', grammar: 'proper noun, feminine' });
    expect(card(glossIn('Conseil de sécurité', 'sécurité'))).toEqual({ lemma: 'sécurité', grammar: 'noun, feminine singular' });
  });

  it('réalisé and imposées are past participles of réaliser and imposer, agreeing as they do in the text', () => {
    expect(card(glossIn('le plus long réalisé à ce jour', 'réalisé'))).toEqual({
      lemma: 'réaliser',
      grammar: 'verb: past participle (passive sense), masculine singular',
    });
    expect(card(glossIn('sanctions imposées', 'imposées'))).toEqual({
      lemma: 'imposer',
      grammar: 'verb: past participle (passive sense), feminine plural',
    });
  });

  it('ce in « Selon ce que » is explained with ce que, not ce qui', () => {
    const ce = glossIn('Selon ce que disent', 'ce');
    expect(ce.sense).toContain('ce que');
    expect(`${ce.sense} ${ce.note ?? ''}`).not.toMatch(/«\s*ce qui\s*»\s*=/);
  });

  it('no gloss of paragraph 4 says whose voice the quotation is: the quiz asks it', () => {
    const paragraph = lesson.paragraphs[3];
    const notes = lesson.tokens
      .filter((t) => t.paragraph === 3 && t.gloss)
      .map((t) => `${t.gloss?.sense} ${t.gloss?.note ?? ''}`)
      .concat(lesson.expressions.filter((e) => paragraph && e.start >= paragraph.start && e.end <= paragraph.end).map((e) => `${e.sense} ${e.note ?? ''}`));
    expect(notes.filter((n) => /state media|médias d’État|propaganda/i.test(n))).toEqual([]);
  });
});

describe('translations aligned by sentence', () => {
  it('give each sentence of the article its own translation, and the paragraph all of them', () => {
    const [armouredTrain, monday] = lesson.paragraphs[2]!.sentences.map((s) => lesson.sentences[s]!);
    expect(armouredTrain?.translation).toMatch(/^Kim’s armoured train crossed the border .* \(local time\)\.$/u);
    expect(monday?.translation).toBe('On Monday, according to KCNA.');
    expect(lesson.paragraphs[2]?.translation).toBe(`${armouredTrain?.translation} ${monday?.translation}`);
    expect(lesson.sentences.every((s) => s.translation)).toBe(true);
  });

  it('refuse a paragraph whose sentence translations do not match its sentences, naming it', () => {
    const files = readLessonFiles();
    const translations = JSON.parse(files['translations.json']) as string[][];
    translations[2] = [translations[2]!.join(' ')];
    expect(() => loadLesson({ ...files, 'translations.json': JSON.stringify(translations) })).toThrow(
      "translations.json: 2: has 1 sentence translations for the paragraph's 2 sentences",
    );
  });

  it('keep every paragraph of the built-in article translated', () => {
    expect(lesson.paragraphs.every((p) => p.translation)).toBe(true);
  });
});

describe('translations are optional', () => {
  const files = readLessonFiles();
  const translations = JSON.parse(files['translations.json']) as (string[] | null)[];

  it('load a lesson with a paragraph left untranslated (null): that paragraph and its sentences have none, the others keep theirs', () => {
    const partial = loadLesson({ ...files, 'translations.json': JSON.stringify(translations.map((t, i) => (i === 2 ? null : t))) });
    expect(partial.paragraphs[2]).not.toHaveProperty('translation');
    expect(partial.paragraphs[2]!.sentences.map((s) => partial.sentences[s]?.translation)).toEqual([undefined, undefined]);
    expect(partial.paragraphs[1]?.translation).toBe(lesson.paragraphs[1]?.translation);
  });

  it('still refuse an empty translation, or one missing from the list, naming the file', () => {
    expect(() => loadLesson({ ...files, 'translations.json': JSON.stringify(translations.map((t, i) => (i === 2 ? '' : t))) })).toThrow(/^translations\.json: /);
    expect(() => loadLesson({ ...files, 'translations.json': JSON.stringify(translations.slice(1)) })).toThrow(/translations\.json: has \d+ translations for \d+ paragraphs/);
  });
});
