// Property tests of typed-answer grading over the article's own quiz: every accepted answer, said in other words
// the grader promises to forgive, is still right; every wrong option's text, and a right answer next to a
// negation or a second value, is never right.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../../test/support/article';
import { grade, type Answer } from '../grading';
import { loadQuiz, type Question, type ShortAnswerQuestion } from '../quiz';
import { stripAccents } from './normalise';
import { PLACE_NAMES_EN_FR } from './places';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const quiz = loadQuiz(readArticleFile('quiz.json'), loadArticle());
type Typed = Extract<Question, { accepted: string[] }>;
const typed = quiz.questions.filter((q): q is Typed => q.type === 'short-answer' || (q.type === 'cloze' && q.mode === 'typed'));

const answerTo = (q: Typed, text: string): Answer => (q.type === 'cloze' ? { type: 'cloze', mode: 'typed', text } : { type: 'short-answer', text });

// Three spellings of each small number; the grader must read any of them as the same number.
const FR = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
function valueOf(word: string): number | undefined {
  if (/^\d+$/u.test(word) && Number(word) < FR.length) return Number(word);
  const w = stripAccents(word.toLowerCase());
  const at = FR.map(stripAccents).indexOf(w === 'une' ? 'un' : w);
  return at >= 0 ? at : EN.indexOf(w) >= 0 ? EN.indexOf(w) : undefined;
}

interface Change {
  numbers: 0 | 1 | 2;
  englishPlaces: boolean;
  frame: string;
  hyphens: 'keep' | 'to-space' | 'to-hyphen';
  apostrophe: string;
  stripAccents: boolean;
  upper: boolean[];
  pad: string;
}

const FRAMES_SHORT = ['%', 'pendant %', 'en %', 'la %', 'the %', 'in %', "C'est %.", 'Je pense que c’est %', 'It is %', 'Il est resté %.', 'La réponse est %'];

const change = (short: boolean): fc.Arbitrary<Change> =>
  fc.record({
    numbers: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    englishPlaces: fc.boolean(),
    frame: short ? fc.constantFrom(...FRAMES_SHORT) : fc.constant('%'),
    hyphens: fc.constantFrom<Change['hyphens']>('keep', 'to-space', 'to-hyphen'),
    apostrophe: fc.constantFrom("'", '’', '‘', 'ʼ'),
    stripAccents: fc.boolean(),
    upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    pad: fc.constantFrom('', ' ', '  ', '\u00A0'),
  });

function transform(text: string, c: Change, q: Typed): string {
  let t = text
    .split(' ')
    .map((w) => {
      const n = valueOf(w);
      return n === undefined ? w : [String(n), FR[n], EN[n]][c.numbers];
    })
    .join(' ');
  if (c.englishPlaces && q.promptLang === 'en') {
    for (const [en, fr] of PLACE_NAMES_EN_FR) t = t.replace(new RegExp(`(^|\\s)${fr}(?=$|\\s)`, 'u'), `$1${en}`);
  }
  if (c.hyphens === 'to-space') t = t.replace(/-/gu, ' ');
  if (c.hyphens === 'to-hyphen' && q.type === 'short-answer') t = t.replace(/ /gu, '-');
  t = c.frame.replace('%', t);
  t = t.replace(/['’]/gu, c.apostrophe);
  if (c.stripAccents && !q.accentsMatter) t = stripAccents(t);
  t = [...t].map((ch, i) => (c.upper[i % c.upper.length] ? ch.toLocaleUpperCase('fr') : ch)).join('');
  return `${c.pad}${t}${c.pad}`;
}

describe('the article quiz: typed answers in other words', () => {
  it('has typed questions to test', () => {
    expect(typed.length).toBeGreaterThanOrEqual(3);
  });
  for (const q of typed) {
    it(`${q.id}: every accepted answer, transformed, is still right`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...q.accepted), change(q.type === 'short-answer'), (accepted, c) => {
          const text = transform(accepted, c, q);
          expect(grade(q, answerTo(q, text)).verdict, text).toBe('correct');
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('the article quiz: wrong stays wrong', () => {
  // Each choice question read as a typed one whose answer is a right option: no wrong option may pass.
  const asTyped = quiz.questions.flatMap((q): { question: ShortAnswerQuestion; wrong: string[] }[] => {
    if (q.type !== 'single' && q.type !== 'multiple' && !(q.type === 'cloze' && q.mode === 'choice')) return [];
    const right = new Set(Array.isArray(q.correct) ? q.correct : [q.correct]);
    const wrong = q.options.filter((o) => !right.has(o.id)).map((o) => o.text);
    return q.options
      .filter((o) => right.has(o.id))
      .map((o) => ({
        question: { ...q, type: 'short-answer', accepted: [o.text], accentsMatter: true, answerLang: 'fr' } as ShortAnswerQuestion,
        wrong,
      }));
  });
  it('has choice questions to test', () => {
    expect(asTyped.length).toBeGreaterThanOrEqual(10);
  });
  it('the text of a wrong option, transformed, never passes for a right one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...asTyped), fc.nat(), change(true), ({ question, wrong }, pick, c) => {
        const text = transform(wrong[pick % wrong.length] ?? '', c, question);
        expect(grade(question, { type: 'short-answer', text }).verdict, text).not.toBe('correct');
      }),
      { numRuns: RUNS * 3 },
    );
  });

  const shortOnes = typed.filter((q): q is ShortAnswerQuestion => q.type === 'short-answer');
  const SPOILERS = ['pas %', 'not %', "ce n'est pas %", 'jamais %', '% ou 10', '10 ou %', 'ni %', '% or 12', 'plus de %', 'environ %', '% et 3', 'sans %'];
  it('a right answer next to a negation or a second value is not accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shortOnes), fc.nat(), fc.constantFrom(...SPOILERS), (q, pick, spoiler) => {
        const text = spoiler.replace('%', q.accepted[pick % q.accepted.length] ?? '');
        expect(grade(q, { type: 'short-answer', text }).verdict, text).not.toBe('correct');
      }),
      { numRuns: RUNS },
    );
  });
});
