import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences, tokenize, type Range, type Token } from './tokenizer';

const ARTICLE = readFileSync(resolve('resources/lessons/kim-russie/text.fr.txt'), 'utf8');
const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** Compact form of a token list: "w:mot", "n:10", "p:«". */
const compact = (tokens: Token[]): string[] => tokens.map((t) => `${t.kind[0]}:${t.text}`);

/** The invariants every tokenisation must keep for the reader to render the text exactly as written. */
function expectFaithful(text: string, tokens: Token[], base = 0): void {
  let cursor = base;
  let rebuilt = '';
  for (const token of tokens) {
    expect(token.start, `token "${token.text}" overlaps the one before`).toBeGreaterThanOrEqual(cursor);
    expect(token.end).toBe(token.start + token.text.length);
    expect(text.slice(token.start - base, token.end - base)).toBe(token.text);
    const gap = text.slice(cursor - base, token.start - base);
    // Only white space may fall between tokens: nothing the reader shows is dropped.
    expect(gap, `non-space text skipped before "${token.text}"`).toMatch(/^\s*$/u);
    rebuilt += gap + token.text;
    cursor = token.end;
  }
  rebuilt += text.slice(cursor - base);
  expect(rebuilt).toBe(text);
  expect(text.slice(cursor - base)).toMatch(/^\s*$/u);
}

describe('tokenize: sentences of the kim-russie article', () => {
  it.each<[string, string[]]>([
    [
      'Le dirigeant nord-coréen, Kim Jong-un est déjà de retour',
      ['w:Le', 'w:dirigeant', 'w:nord-coréen', 'p:,', 'w:Kim', 'w:Jong-un', 'w:est', 'w:déjà', 'w:de', 'w:retour'],
    ],
    [
      'selon l’agence de presse officielle KCNA, qui a estimé',
      ['w:selon', 'w:l’', 'w:agence', 'w:de', 'w:presse', 'w:officielle', 'w:KCNA', 'p:,', 'w:qui', 'w:a', 'w:estimé'],
    ],
    [
      'le voyage du maréchal « ouvrait une nouvelle page » en ce qui concerne',
      ['w:le', 'w:voyage', 'w:du', 'w:maréchal', 'p:«', 'w:ouvrait', 'w:une', 'w:nouvelle', 'w:page', 'p:»', 'w:en', 'w:ce', 'w:qui', 'w:concerne'],
    ],
    [
      'située à l’extrême nord-est et la première de l’autre côté',
      ['w:située', 'w:à', 'w:l’', 'w:extrême', 'w:nord-est', 'w:et', 'w:la', 'w:première', 'w:de', 'w:l’', 'w:autre', 'w:côté'],
    ],
    ['dans la matinée (heure locale). Lundi, selon KCNA.', ['w:dans', 'w:la', 'w:matinée', 'p:(', 'w:heure', 'w:locale', 'p:)', 'p:.', 'w:Lundi', 'p:,', 'w:selon', 'w:KCNA', 'p:.']],
    [
      'bien que les détails n’aient pas été rendus publics',
      ['w:bien', 'w:que', 'w:les', 'w:détails', 'w:n’', 'w:aient', 'w:pas', 'w:été', 'w:rendus', 'w:publics'],
    ],
    ['la réunion qu’il y avait de la place', ['w:la', 'w:réunion', 'w:qu’', 'w:il', 'w:y', 'w:avait', 'w:de', 'w:la', 'w:place']],
    [
      'des munitions d’artillerie, tandis que Pyongyang',
      ['w:des', 'w:munitions', 'w:d’', 'w:artillerie', 'p:,', 'w:tandis', 'w:que', 'w:Pyongyang'],
    ],
    ['ou des sous-marins à propulsion nucléaire.', ['w:ou', 'w:des', 'w:sous-marins', 'w:à', 'w:propulsion', 'w:nucléaire', 'p:.']],
    ['du Conseil de sécurité de l’ONU qui pèsent', ['w:du', 'w:Conseil', 'w:de', 'w:sécurité', 'w:de', 'w:l’', 'w:ONU', 'w:qui', 'w:pèsent']],
  ])('%s', (sentence, expected) => {
    expect(ARTICLE).toContain(sentence);
    const tokens = tokenize(sentence);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(sentence, tokens);
  });
});

describe('tokenize: elisions', () => {
  it.each<[string, string[]]>([
    ['l’agence', ['w:l’', 'w:agence']],
    ["l'agence", ["w:l'", 'w:agence']],
    ['d’une semaine', ['w:d’', 'w:une', 'w:semaine']],
    ["d'une semaine", ["w:d'", 'w:une', 'w:semaine']],
    ['qu’il', ['w:qu’', 'w:il']],
    ["qu'il", ["w:qu'", 'w:il']],
    ['n’aient', ['w:n’', 'w:aient']],
    ["n'aient", ["w:n'", 'w:aient']],
    ['s’il', ['w:s’', 'w:il']],
    ["s'il", ["w:s'", 'w:il']],
    ['j’ai', ['w:j’', 'w:ai']],
    ["j'ai", ["w:j'", 'w:ai']],
    ['c’est', ['w:c’', 'w:est']],
    ["c'est", ["w:c'", 'w:est']],
    ['jusqu’à Moscou', ['w:jusqu’', 'w:à', 'w:Moscou']],
    ["jusqu'à Moscou", ["w:jusqu'", 'w:à', 'w:Moscou']],
    ['lorsqu’il part', ['w:lorsqu’', 'w:il', 'w:part']],
    ["lorsqu'il part", ["w:lorsqu'", 'w:il', 'w:part']],
    ['puisqu’on sait', ['w:puisqu’', 'w:on', 'w:sait']],
    ["puisqu'on sait", ["w:puisqu'", 'w:on', 'w:sait']],
    ['L’ONU', ['w:L’', 'w:ONU']],
    ["Qu'en dit-il", ["w:Qu'", 'w:en', 'w:dit-il']],
    ['l’Élysée', ['w:l’', 'w:Élysée']],
    // An elision before a word that keeps its own apostrophe.
    ['qu’aujourd’hui', ['w:qu’', 'w:aujourd’hui']],
  ])('%s', (text, expected) => {
    const tokens = tokenize(text);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(text, tokens);
  });
});

describe('tokenize: words that keep their apostrophe or hyphen', () => {
  it.each<[string, string[]]>([
    ['aujourd’hui', ['w:aujourd’hui']],
    ["aujourd'hui", ["w:aujourd'hui"]],
    ['Aujourd’hui', ['w:Aujourd’hui']],
    ['d’aujourd’hui', ['w:d’', 'w:aujourd’hui']],
    ['quelqu’un', ['w:quelqu’un']],
    ['presqu’île', ['w:presqu’île']],
    ['nord-coréen', ['w:nord-coréen']],
    ['Jong-un', ['w:Jong-un']],
    ['sous-marins', ['w:sous-marins']],
    ['nord-est', ['w:nord-est']],
    ['va-t-il', ['w:va-t-il']],
    ['peut-être', ['w:peut-être']],
    // Combining accents (NFD) stay inside the word.
    ['e\u0301te\u0301', ['w:e\u0301te\u0301']],
    // An apostrophe that is not an elision (a name) stays inside the word.
    ['O’Brien', ['w:O’Brien']],
  ])('%s', (text, expected) => {
    const tokens = tokenize(text);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(text, tokens);
  });
});

describe('tokenize: guillemets and punctuation', () => {
  it.each<[string, string, string[]]>([
    ['plain spaces', '« oui »', ['p:«', 'w:oui', 'p:»']],
    ['non-breaking spaces', `«${NBSP}oui${NBSP}»`, ['p:«', 'w:oui', 'p:»']],
    ['narrow non-breaking spaces', `«${NNBSP}oui${NNBSP}»`, ['p:«', 'w:oui', 'p:»']],
    ['no spaces', '«oui»', ['p:«', 'w:oui', 'p:»']],
    ['French question mark', `Vraiment${NNBSP}?`, ['w:Vraiment', 'p:?']],
    ['quote then comma', `« la Russie${NBSP}», indique`, ['p:«', 'w:la', 'w:Russie', 'p:»', 'p:,', 'w:indique']],
    ['ellipsis and dashes', 'Attends… — non', ['w:Attends', 'p:…', 'p:—', 'w:non']],
  ])('%s', (_label, text, expected) => {
    const tokens = tokenize(text);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(text, tokens);
  });
});

describe('tokenize: numbers', () => {
  it.each<[string, string, string[]]>([
    ['integer', '10 ans', ['n:10', 'w:ans']],
    ['decimal comma', '3,5 millions', ['n:3,5', 'w:millions']],
    ['thousands with NBSP', `1${NBSP}000 soldats`, [`n:1${NBSP}000`, 'w:soldats']],
    ['thousands with narrow NBSP', `1${NNBSP}000${NNBSP}000 euros`, [`n:1${NNBSP}000${NNBSP}000`, 'w:euros']],
    ['decimal with thousands', `12${NBSP}345,67`, [`n:12${NBSP}345,67`]],
    ['number then full stop', 'en 2023.', ['w:en', 'n:2023', 'p:.']],
    ['percentage', '12,5 %', ['n:12,5', 'p:%']],
  ])('%s', (_label, text, expected) => {
    const tokens = tokenize(text);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(text, tokens);
  });

  it('does not glue two numbers separated by an ordinary space', () => {
    // An ordinary space may separate two quantities ("les 2 000 ..." is written with NBSP by careful typists).
    expect(compact(tokenize('entre 10 20'))).toEqual(['w:entre', 'n:10', 'n:20']);
  });
});

describe('tokenize: edges of words, numbers and code points', () => {
  it.each<[string, string, string[]]>([
    ['ordinal e', '2e arrondissement', ['n:2e', 'w:arrondissement']],
    ['ordinal es', 'les 2es', ['w:les', 'n:2es']],
    ['ordinal ers', 'les 1ers', ['w:les', 'n:1ers']],
    ['ordinal re', '1re', ['n:1re']],
    ['ordinal nde', '2nde', ['n:2nde']],
    ['ordinal ème', 'XXe 3ème', ['w:XXe', 'n:3ème']],
    ['an ending a letter follows is no ordinal', '2ex 2èmement', ['n:2', 'w:ex', 'n:2', 'w:èmement']],
    ['an ending a combining mark follows is no ordinal', '2e\u0301', ['n:2', 'w:e\u0301']],
    ['ordinal then hyphen', '1er-mai', ['n:1er', 'p:-', 'w:mai']],
    ['thousands with NBSP and decimals', `1${NBSP}000,5`, [`n:1${NBSP}000,5`]],
    ['an ordinary space groups no thousands', '1 000,5', ['n:1', 'n:000,5']],
    ['thousands with full stops', '1.000.000', ['n:1.000.000']],
    ['a group takes exactly three digits', '1,0000', ['n:1,000', 'n:0']],
    ['one decimal part only', '3,5,2', ['n:3,5', 'p:,', 'n:2']],
    ['a full stop no digit follows', '3.', ['n:3', 'p:.']],
    ['superscript and fraction digits', 'x² ½', ['w:x', 'n:²', 'n:½']],
    ['hyphen at the end', 'peut-', ['w:peut', 'p:-']],
    ['hyphen at the start', '-t-il', ['p:-', 'w:t-il']],
    ['two hyphens', 'a--b', ['w:a', 'p:-', 'p:-', 'w:b']],
    ['apostrophe at the end', 'l’ aujourd\'', ['w:l', 'p:’', 'w:aujourd', "p:'"]],
    ['apostrophe before a digit', 'l’1', ['w:l', 'p:’', 'n:1']],
    ['a combining mark may open a word', '\u0301e e\u0301\u0301', ['w:\u0301e', 'w:e\u0301\u0301']],
    ['an emoji is one mark of two code units', 'Kim 😀!', ['w:Kim', 'p:😀', 'p:!']],
    ['an emoji between letters', 'a😀b', ['w:a', 'p:😀', 'w:b']],
    ['a skin tone and a flag are code points of their own', '👍🏽🇫🇷', ['p:👍', 'p:🏽', 'p:🇫', 'p:🇷']],
    ['astral letters make words', '𝐀𝐁-c', ['w:𝐀𝐁-c']],
    ['a lone high surrogate is one mark', '\uD83Da', ['p:\uD83D', 'w:a']],
    ['a lone low surrogate is one mark', 'a\uDE00', ['w:a', 'p:\uDE00']],
  ])('%s', (_label, text, expected) => {
    const tokens = tokenize(text);
    expect(compact(tokens)).toEqual(expected);
    expectFaithful(text, tokens);
  });

  it('the offsets of an emoji count its two code units', () => {
    expect(tokenize('😀 a', 10)).toEqual([
      { kind: 'punct', text: '😀', start: 10, end: 12 },
      { kind: 'word', text: 'a', start: 13, end: 14 },
    ]);
  });
});

describe('tokenize: offsets over the whole article', () => {
  const tokens = tokenize(ARTICLE);

  it('every token slices back to its own text and nothing but white space is skipped', () => {
    expect(tokens.length).toBeGreaterThan(400);
    expectFaithful(ARTICLE, tokens);
  });

  it('the article has words and punctuation, each elision split off', () => {
    const texts = tokens.map((t) => t.text);
    expect(texts.filter((t) => t === 'l’')).toHaveLength(6);
    expect(texts.filter((t) => t === 'nord-coréen')).toHaveLength(4);
    expect(texts).not.toContain('l’agence');
    expect(texts).toContain('agence');
    // No word keeps an elided article glued to it.
    expect(tokens.filter((t) => t.kind === 'word' && /^(?:l|d|qu|n|s|j|c)’\p{L}/u.test(t.text))).toEqual([]);
  });

  it('with a base, offsets point into the whole text', () => {
    const third = splitParagraphs(ARTICLE)[2] as Range;
    const paragraph = ARTICLE.slice(third.start, third.end);
    const based = tokenize(paragraph, third.start);
    expectFaithful(paragraph, based, third.start);
    for (const token of based) expect(ARTICLE.slice(token.start, token.end)).toBe(token.text);
    expect(based[0]?.start).toBe(third.start);
  });

  it('a text of more distinct words than the tokenizer caches keeps every token true to the text, twice over', () => {
    // 40,000 distinct words overflow the interning cache of token texts, so slots are overwritten along the way.
    const letters = 'abcdefghijklmnopqrstuvwxyzéèàç';
    const word = (n: number): string => Array.from({ length: 4 }, (_, k) => letters[Math.floor(n / letters.length ** k) % letters.length]).join('');
    const text = Array.from({ length: 40_000 }, (_, n) => `${word(n)} ${n % 7 === 0 ? '« ' : ''}`).join('');
    for (let pass = 0; pass < 2; pass++) {
      const tokens = tokenize(text);
      expect(tokens.filter((t) => t.kind === 'word')).toHaveLength(40_000);
      for (const token of tokens) if (text.slice(token.start, token.end) !== token.text) expect(token.text).toBe(text.slice(token.start, token.end));
    }
  });

  it('an empty or blank text has no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(` \n\t${NBSP}`)).toEqual([]);
  });
});

describe('splitParagraphs', () => {
  it('finds the 9 paragraphs of the article, each one line without its line break', () => {
    const paragraphs = splitParagraphs(ARTICLE);
    expect(paragraphs).toHaveLength(9);
    const lines = ARTICLE.split('\n').filter((line) => line.trim().length > 0);
    paragraphs.forEach((p, i) => expect(ARTICLE.slice(p.start, p.end)).toBe(lines[i]));
    expect(ARTICLE.slice(paragraphs[0]?.start, paragraphs[0]?.end)).toMatch(/^Ce voyage, qui a retenu Kim/);
    expect(ARTICLE.slice(paragraphs[8]?.start, paragraphs[8]?.end)).toMatch(/essais nucléaires et de missiles\.$/);
  });

  it.each<[string, string, string[]]>([
    ['blank lines between', 'Un.\n\nDeux.\n', ['Un.', 'Deux.']],
    ['lines of spaces only', 'Un.\n   \n\t\nDeux.', ['Un.', 'Deux.']],
    ['trailing spaces trimmed', 'Un.   \nDeux.\t', ['Un.', 'Deux.']],
    ['Windows line ends', 'Un.\r\nDeux.\r\n', ['Un.', 'Deux.']],
    ['no text', '', []],
  ])('%s', (_label, text, expected) => {
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(expected);
  });
});

describe('splitSentences', () => {
  const paragraphs = splitParagraphs(ARTICLE);
  const sentencesOf = (text: string, paragraph: Range): string[] => splitSentences(text, paragraph).map((s) => text.slice(s.start, s.end));

  it('paragraph 3 splits before "Lundi, selon KCNA."', () => {
    const third = paragraphs[2] as Range;
    const sentences = sentencesOf(ARTICLE, third);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/^Le train blindé de Kim .* dans la matinée \(heure locale\)\.$/);
    expect(sentences[1]).toBe('Lundi, selon KCNA.');
  });

  it('sentence offsets are in the whole text and every other paragraph of the article is one sentence', () => {
    paragraphs.forEach((paragraph, i) => {
      const ranges = splitSentences(ARTICLE, paragraph);
      expect(ranges.length).toBe(i === 2 ? 2 : 1);
      for (const range of ranges) {
        expect(range.start).toBeGreaterThanOrEqual(paragraph.start);
        expect(range.end).toBeLessThanOrEqual(paragraph.end);
      }
    });
  });

  it('the quotation of paragraph 4 stays one sentence: its comma after » does not end it', () => {
    const fourth = paragraphs[3] as Range;
    expect(sentencesOf(ARTICLE, fourth)).toEqual([ARTICLE.slice(fourth.start, fourth.end)]);
  });

  it.each<[string, string, string[]]>([
    ['question and exclamation marks', 'Vraiment ? Oui !', ['Vraiment ?', 'Oui !']],
    ['ellipsis', 'Attends… Quoi ?', ['Attends…', 'Quoi ?']],
    ['a decimal point is not a sentence end', 'Il a 3.5 ans. Bon.', ['Il a 3.5 ans.', 'Bon.']],
    ['a sentence may open with «', 'Il part. « Adieu », dit-il.', ['Il part.', '« Adieu », dit-il.']],
    ['full stop inside « » with spaces (French typography)', 'Il a dit « oui. » Puis il est parti.', ['Il a dit « oui. »', 'Puis il est parti.']],
    [
      'full stop inside « » with narrow non-breaking spaces',
      `Il a dit «${NNBSP}oui.${NNBSP}» Puis il est parti.`,
      [`Il a dit «${NNBSP}oui.${NNBSP}»`, 'Puis il est parti.'],
    ],
    ['the abbreviation "M." (Monsieur) ends no sentence', 'M. Poutine a assuré que tout allait bien. Kim est reparti.', ['M. Poutine a assuré que tout allait bien.', 'Kim est reparti.']],
    ['no final full stop', 'Pas de point final', ['Pas de point final']],
  ])('%s', (_label, text, expected) => {
    expect(sentencesOf(text, { start: 0, end: text.length })).toEqual(expected);
  });
});
