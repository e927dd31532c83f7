import { describe, expect, it } from 'vitest';
import { DictionaryDataError, parseDictionary, serialiseDictionary, type DictionaryEntries } from './dictionary-data';
import { createSenses, NAME_SOURCE } from './senses';
import type { ExpressionWord } from './types';

const HEADER = { format: 'liseuse-fr-en-dictionary', version: 1, builtFrom: {}, sources: ['freedict', 'apertium'] } as const;

/** A small dictionary written and read back in the file's own format, through the same checks as the real file. */
function dictionary(entries: DictionaryEntries) {
  return createSenses(parseDictionary(serialiseDictionary({ ...HEADER, sources: [...HEADER.sources] }, entries)));
}

const senses = dictionary({
  maison: { noun: [[0, 'house'], [1, 'home', 'r']] },
  violation: { noun: [[1, 'rape', 'r'], [1, 'violation', 'c']] },
  abandonner: { verb: [[0, 'cede, give in, give up, give way, relinquish, yield'], [0, 'quit'], [1, 'abandon', 'r']] },
  accord: { noun: [[0, 'chord'], [0, 'accord, agreement']] },
  avoir: { verb: [[0, 'have']], noun: [[1, 'deposit', 'r']] },
  Russie: { 'proper noun': [[0, 'Russia']] },
  'afin de': { '': [[0, 'in order to']] },
  'ouvrir une nouvelle page': { '': [[0, 'open a new chapter']] },
  'nouvelle page': { '': [[0, 'new page']] },
});

const words = (sentence: string, lemmas: Record<string, string> = {}): ExpressionWord[] =>
  sentence.split(' ').map((form) => ({ form, lemma: lemmas[form] ?? form.toLowerCase(), pos: 'noun' }));

describe('lookup: ranked sense candidates', () => {
  it('puts FreeDict first, then Apertium, each candidate with its source', () => {
    expect(senses.lookup('maison', 'noun').map((c) => [c.sense, c.source])).toEqual([
      ['house', 'freedict'],
      ['home', 'apertium'],
    ]);
  });

  it('prefers the English cognate to the pivot language’s other sense, and drops that sense', () => {
    expect(senses.lookup('violation', 'noun').map((c) => c.sense)).toEqual(['violation']);
  });

  it('prefers, within a source, a sense holding a cognate of the lemma', () => {
    expect(senses.lookup('accord', 'noun')[0]?.sense).toBe('accord, agreement');
  });

  it('puts a short gloss before a long list of synonyms of the same source', () => {
    expect(senses.lookup('abandonner', 'verb').map((c) => c.sense)).toEqual(['quit', 'cede, give in, give up, give way, relinquish, yield', 'abandon']);
  });

  it('ranks senses of another part of speech last, and finds a capitalised word in lower case', () => {
    expect(senses.lookup('Avoir', 'verb').map((c) => c.sense)).toEqual(['have', 'deposit']);
    const [verb, noun] = senses.lookup('avoir', 'verb');
    expect(verb!.score).toBeGreaterThan(noun!.score);
  });

  it('keeps scores in 0..1, best first', () => {
    for (const lemma of ['maison', 'violation', 'abandonner', 'accord', 'avoir']) {
      const scores = senses.lookup(lemma, 'noun').map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const score of scores) expect(score >= 0 && score <= 1).toBe(true);
    }
  });

  it('returns nothing for a lower-case word it does not know', () => {
    expect(senses.lookup('zorglub', 'noun')).toEqual([]);
  });
});

describe('names', () => {
  it('suggests a capitalised word the dictionary lacks as a proper noun glossed by itself', () => {
    expect(senses.lookup('Pyongyang', 'proper noun')).toEqual([{ sense: 'Pyongyang', source: NAME_SOURCE, score: expect.any(Number) }]);
    expect(senses.has('Pyongyang')).toBe(false);
  });

  it('puts a name first when the dictionary has the word only in lower case, as a common word', () => {
    expect(senses.lookup('Maison', 'proper noun').map((c) => [c.sense, c.source])).toEqual([
      ['Maison', NAME_SOURCE],
      ['house', 'freedict'],
      ['home', 'apertium'],
    ]);
    expect(senses.lookup('Maison', 'noun')[0]?.sense).toBe('house');
  });

  it('gives a name the dictionary knows its translation', () => {
    expect(senses.lookup('Russie', 'proper noun')[0]).toMatchObject({ sense: 'Russia', source: 'freedict' });
  });
});

describe('expressions: multi-word headwords in a sentence', () => {
  it('finds a headword by the words’ forms', () => {
    expect(senses.expressions(words('Il part afin de voir'))).toEqual([
      { first: 2, last: 3, lemma: 'afin de', sense: 'in order to', source: 'freedict', score: expect.any(Number) },
    ]);
  });

  it('matches inflected words by their lemma, longest headword first', () => {
    const found = senses.expressions(words('Ils ouvraient une nouvelle page', { ouvraient: 'ouvrir' }));
    expect(found.map((e) => [e.lemma, e.first, e.last])).toEqual([
      ['ouvrir une nouvelle page', 1, 4],
      ['nouvelle page', 3, 4],
    ]);
  });

  it('finds nothing when the words are not consecutive', () => {
    expect(senses.expressions(words('afin surtout de'))).toEqual([]);
  });
});

describe('the dictionary file’s format', () => {
  const header = JSON.stringify(HEADER);
  const file = (...lines: string[]): string => `${lines.join('\n')}\n`;

  it('reads back what it writes, senses in their order, flags kept', () => {
    const data = parseDictionary(serialiseDictionary({ ...HEADER, sources: [...HEADER.sources] }, { maison: { noun: [[0, 'house'], [1, 'home', 'r']] }, 'afin de': { '': [[0, 'in order to']] } }));
    expect(data.size).toBe(2);
    expect([...data.headwords()]).toEqual(['afin de', 'maison']);
    expect(data.senses('maison')?.get('noun')).toEqual([[0, 'house'], [1, 'home', 'r']]);
    expect(data.senses('Maison')).toBeUndefined();
  });

  it('refuses to write a sense with a tab or a line break', () => {
    expect(() => serialiseDictionary({ ...HEADER, sources: ['freedict'] }, { maison: { noun: [[0, 'house\nhome']] } })).toThrow(DictionaryDataError);
  });

  it.each([
    ['no header', file('maison\tnoun\t0\t\thouse'), { problem: 'noHeader' }],
    ['another format', file(JSON.stringify({ ...HEADER, format: 'other' })), { problem: 'notLiseuse', field: 'format' }],
    ['a newer version', file(JSON.stringify({ ...HEADER, version: 2 })), { problem: 'otherVersion', version: '2', readable: 1 }],
    ['no sources', file(JSON.stringify({ ...HEADER, sources: 'freedict' })), { problem: 'notLiseuse', field: 'sources' }],
    ['a missing field', file(header, 'maison\tnoun\t0\thouse'), { problem: 'badLine', line: 2 }],
    ['an unknown part of speech', file(header, 'maison\tnom\t0\t\thouse'), { problem: 'badLine', line: 2 }],
    ['a source index out of range', file(header, 'maison\tnoun\t2\t\thouse'), { problem: 'badLine', line: 2 }],
    ['an unknown flag', file(header, 'maison\tnoun\t1\tx\thome'), { problem: 'badLine', line: 2 }],
    ['an empty sense', file(header, 'maison\tnoun\t0\t\t '), { problem: 'badLine', line: 2 }],
    ['an empty headword', file(header, '\tnoun\t0\t\thouse'), { problem: 'badLine', line: 2 }],
    ['a headword’s lines apart', file(header, 'maison\tnoun\t0\t\thouse', 'mot\tnoun\t0\t\tword', 'maison\tnoun\t1\t\thome'), { problem: 'linesApart', lemma: 'maison' }],
  ])('is refused whole with a named reason: %s', (_, text, facts) => {
    expect(() => parseDictionary(text)).toThrow(DictionaryDataError);
    try {
      parseDictionary(text);
    } catch (error) {
      expect((error as DictionaryDataError).facts).toEqual(facts);
    }
  });
});
