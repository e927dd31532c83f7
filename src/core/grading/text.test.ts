import { describe, expect, it } from 'vitest';
import { answerWords } from './normalise';
import { numbersToDigits } from './numbers';
import { gradeText, type TypedAnswerRules } from './text';

const rules = (accepted: string[], more: Partial<TypedAnswerRules> = {}): TypedAnswerRules => ({
  accepted,
  accentsMatter: false,
  promptLang: 'en',
  kind: 'short-answer',
  context: 'How long did Kim stay in Russia? qui a retenu Kim en Russie pendant sept jours',
  ...more,
});
const verdict = (text: string, r: TypedAnswerRules): string => gradeText(text, r).verdict;

describe('numbers in words and digits', () => {
  const read = (text: string): string => numbersToDigits(answerWords(text, false)).join(' ');
  it('reads French number words', () => {
    expect(read('sept')).toBe('7');
    expect(read('dix-sept')).toBe('17');
    expect(read('vingt et un')).toBe('21');
    expect(read('soixante-dix')).toBe('70');
    expect(read('soixante et onze')).toBe('71');
    expect(read('quatre-vingts')).toBe('80');
    expect(read('quatre-vingt-dix-neuf')).toBe('99');
    expect(read('deux cents')).toBe('200');
    expect(read('trois cent vingt-cinq')).toBe('325');
    expect(read('deux mille vingt-trois')).toBe('2023');
    expect(read('zéro')).toBe('0');
  });
  it('reads English number words', () => {
    expect(read('nine')).toBe('9');
    expect(read('twenty-one')).toBe('21');
    expect(read('two hundred and five')).toBe('205');
    expect(read('two thousand and twenty three')).toBe('2023');
  });
  it('keeps separate numbers apart', () => {
    expect(read('dix, sept')).toBe('10 7');
    expect(read('sept sept')).toBe('7 7');
    expect(read('sept ou dix jours')).toBe('7 ou 10 jours');
    expect(read('007')).toBe('7');
  });
});

describe('the same answer in other words is right', () => {
  const days = rules(['sept jours', 'une semaine']);
  it('a numeral for a number written out, and the reverse', () => {
    expect(verdict('7 jours', days)).toBe('correct');
    expect(verdict('1 semaine', days)).toBe('correct');
    expect(verdict('neuf', rules(['9']))).toBe('correct');
    expect(verdict('nine', rules(['neuf']))).toBe('correct');
    expect(verdict('9', rules(['neuf']))).toBe('correct');
  });
  it('a preposition or article before the answer', () => {
    expect(verdict('pendant sept jours', days)).toBe('correct');
    expect(verdict('pendant 7 jours', days)).toBe('correct');
    expect(verdict('la Tumen', rules(['Tumen']))).toBe('correct');
    expect(verdict('dans la rivière Tumen', rules(['rivière Tumen']))).toBe('correct');
  });
  it('the answer inside a short sentence', () => {
    expect(verdict('Il est resté en Russie pendant sept jours.', days)).toBe('correct');
    expect(verdict("C'est une semaine", days)).toBe('correct');
    expect(verdict('Kim stayed in Russia for 7 jours', days)).toBe('correct');
  });
  it('the English name of a place when the prompt is in English', () => {
    const where = rules(['Russie', 'Corée du Nord'], { context: 'Where did Kim go back to?' });
    expect(verdict('North Korea', where)).toBe('correct');
    expect(verdict('to Russia', where)).toBe('correct');
    expect(verdict('Tumen River', rules(['la rivière Tumen'], { context: 'Which river?' }))).toBe('correct');
    expect(verdict('North Korea', { ...where, promptLang: 'fr' })).toBe('wrong');
  });
  it('hyphen, space, apostrophe and case variants', () => {
    expect(verdict('nord coréen', rules(['nord-coréen']))).toBe('correct');
    expect(verdict('NORD-CORÉEN', rules(['nord coréen']))).toBe('correct');
    expect(verdict('nordcoréen', rules(['nord-coréen']))).toBe('correct');
    expect(verdict("aujourd hui", rules(['aujourd’hui']))).toBe('correct');
  });
  it('says when the accents were forgiven, only then', () => {
    expect(gradeText('a ce jour', rules(['à ce jour'])).detail).toBe('correct: mind the accents, « à ce jour »');
    expect(gradeText('pendant 7 jours', rules(['sept jours'])).detail).toBe('correct');
  });
});

describe('a wrong answer stays wrong', () => {
  const days = rules(['sept jours', 'une semaine']);
  it('next to a negation', () => {
    expect(verdict('pas sept jours', days)).toBe('wrong');
    expect(verdict("ce n'est pas sept jours", days)).toBe('wrong');
    expect(verdict('not seven jours', days)).toBe('wrong');
    expect(verdict('jamais sept jours', days)).toBe('wrong');
    expect(verdict('la Volga, pas la Tumen', rules(['Tumen']))).toBe('wrong');
  });
  it('next to a second value or an alternative', () => {
    expect(verdict('sept ou dix jours', days)).toBe('wrong');
    expect(verdict('sept jours ou dix', days)).toBe('wrong');
    expect(verdict('sept jours et trois nuits', days)).toBe('wrong');
    expect(verdict('dix-sept jours', days)).toBe('wrong');
    expect(verdict('9 ou 10', rules(['9']))).toBe('wrong');
    expect(verdict('19', rules(['neuf']))).toBe('wrong');
    expect(verdict('la Volga près de la Tumen', rules(['Tumen']))).toBe('wrong');
    expect(verdict('la Volga et la Tumen', rules(['Tumen']))).toBe('wrong');
  });
  it('with an approximation', () => {
    expect(verdict('environ sept jours', days)).toBe('wrong');
    expect(verdict('plus de sept jours', days)).toBe('wrong');
    expect(verdict('more than 7 jours', days)).toBe('wrong');
  });
  it('when the sentence is no longer short', () => {
    expect(verdict('il est resté en Russie pendant sept jours il est resté en Russie il est resté', days)).toBe('wrong');
  });
  it('accents still matter when the question says so', () => {
    const q = rules(['à ce jour'], { accentsMatter: true });
    expect(verdict('a ce jour', q)).toBe('almost');
    expect(verdict('à ce jour', q)).toBe('correct');
  });
});

describe('typed cloze', () => {
  const gap = rules(['blindé'], { kind: 'cloze', accentsMatter: true, context: 'Le train blindé de Kim' });
  it('forgives numbers, case and hyphens but adds no words to the gap', () => {
    expect(verdict('Blindé', gap)).toBe('correct');
    expect(verdict('le blindé', gap)).toBe('wrong');
    expect(verdict('7', rules(['sept'], { kind: 'cloze' }))).toBe('correct');
    expect(verdict('train blindé', gap)).toBe('wrong');
  });
});

describe('near misses', () => {
  it('one letter off after a leading function word is almost', () => {
    expect(verdict('la Tumne', rules(['Tumen']))).toBe('almost');
    expect(verdict('pendant sept jour', rules(['sept jours']))).toBe('almost');
  });
});

describe('no list widened by hand', () => {
  it("the variants the article's quiz lists by hand all follow from one or two forms", () => {
    const days = rules(['sept jours', 'une semaine']);
    for (const v of ['sept jours', '7 jours', 'pendant sept jours', 'une semaine', 'pendant une semaine']) expect(verdict(v, days), v).toBe('correct');
    const river = rules(['Tumen', 'la rivière Tumen'], { context: 'Which river? a atteint la gare de la rivière Tumen' });
    for (const v of ['Tumen', 'la Tumen', 'rivière Tumen', 'la rivière Tumen', 'Tumen river', 'the Tumen']) expect(verdict(v, river), v).toBe('correct');
    const packages = rules(['neuf']);
    for (const v of ['9', 'neuf', 'nine']) expect(verdict(v, packages), v).toBe('correct');
  });
});
