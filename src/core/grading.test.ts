import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ALMOST, AnswerError, AnswerSchema, editDistance, grade, normaliseAnswer, type Answer } from './grading';
import type {
  ChoiceClozeQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  OrderingQuestion,
  ShortAnswerQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
  TypedClozeQuestion,
} from './quiz';

const base = {
  prompt: 'p',
  promptLang: 'en' as const,
  explanation: 'e',
  explanationLang: 'en' as const,
  skill: 'fact' as const,
  evidence: { paragraph: 1, quote: 'q', start: 0, end: 1, sentence: { start: 0, end: 10, index: 0 } },
};

const options = (...ids: string[]) => ids.map((id) => ({ id, text: `text of ${id}` }));

const single: SingleChoiceQuestion = { ...base, id: 's', type: 'single', options: options('a', 'b', 'c'), optionLang: 'en', correct: 'b' };
const multiple: MultipleChoiceQuestion = {
  ...base,
  id: 'm',
  type: 'multiple',
  options: options('a', 'b', 'c', 'd', 'e'),
  optionLang: 'en',
  correct: ['a', 'b', 'c'],
};
const trueFalse: TrueFalseQuestion = { ...base, id: 't', type: 'true-false', correct: false };
const short = (accepted: string[], accentsMatter: boolean): ShortAnswerQuestion => ({
  ...base,
  id: 'sa',
  type: 'short-answer',
  accepted,
  accentsMatter,
  answerLang: 'fr',
});
const cloze = { before: 'Le train ', blank: 'blindé', after: ' de Kim', start: 9, end: 15 };
const typedCloze: TypedClozeQuestion = { ...base, id: 'ct', type: 'cloze', mode: 'typed', cloze, accepted: ['blindé'], accentsMatter: true };
const choiceCloze: ChoiceClozeQuestion = {
  ...base,
  id: 'cc',
  type: 'cloze',
  mode: 'choice',
  cloze,
  options: [
    { id: 'blinde', text: 'blindé' },
    { id: 'rapide', text: 'rapide' },
  ],
  optionLang: 'fr',
  correct: 'blinde',
};
const matching: MatchingQuestion = {
  ...base,
  id: 'mt',
  type: 'matching',
  leftLang: 'fr',
  rightLang: 'en',
  pairs: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, left: `fr ${id}`, right: `en ${id}` })),
};
const ordering: OrderingQuestion = {
  ...base,
  id: 'o',
  type: 'ordering',
  itemLang: 'en',
  items: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id })),
};

const text = (t: string): Answer => ({ type: 'short-answer', text: t });

describe('single choice', () => {
  it('scores the right option 1 and any other 0', () => {
    expect(grade(single, { type: 'single', choice: 'b' })).toMatchObject({ score: 1, verdict: 'correct', marks: { b: 'right' } });
    expect(grade(single, { type: 'single', choice: 'a' })).toMatchObject({ score: 0, verdict: 'wrong', marks: { a: 'wrong', b: 'missed' } });
  });
  it('refuses an option the question does not have', () => {
    expect(() => grade(single, { type: 'single', choice: 'z' })).toThrow(AnswerError);
  });
});

describe('multiple choice: score = max(0, (right ticked − wrong ticked) / right options)', () => {
  const pick = (...choices: string[]) => grade(multiple, { type: 'multiple', choices });
  it('all right options and nothing else is correct', () => {
    expect(pick('c', 'a', 'b')).toMatchObject({ score: 1, verdict: 'correct' });
  });
  it('some right options earn their share', () => {
    expect(pick('a', 'b')).toMatchObject({ score: 2 / 3, verdict: 'partial', marks: { a: 'right', b: 'right', c: 'missed' } });
  });
  it('a wrong pick lowers the score', () => {
    expect(pick('a', 'b', 'd').score).toBeCloseTo(1 / 3);
    expect(pick('a', 'b', 'c', 'd')).toMatchObject({ verdict: 'partial', marks: { d: 'wrong' } });
    expect(pick('a', 'b', 'c', 'd').score).toBeCloseTo(2 / 3);
  });
  it('never goes below 0', () => {
    expect(pick('a', 'd', 'e')).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(pick('d', 'e')).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(pick()).toMatchObject({ score: 0, verdict: 'wrong' });
  });
  it('ticking everything earns nothing more than guessing', () => {
    expect(pick('a', 'b', 'c', 'd', 'e').score).toBeCloseTo(1 / 3);
  });
  it('counts a repeated id once and states the rule in the detail', () => {
    const result = pick('a', 'a', 'a');
    expect(result.score).toBeCloseTo(1 / 3);
    expect(result.detail).toContain('max(0, (1 − 0) / 3)');
  });
});

describe('true / false', () => {
  it('grades the statement', () => {
    expect(grade(trueFalse, { type: 'true-false', value: false })).toMatchObject({ score: 1, verdict: 'correct' });
    expect(grade(trueFalse, { type: 'true-false', value: true })).toMatchObject({ score: 0, verdict: 'wrong' });
  });
});

describe('short answers', () => {
  const days = short(['sept jours', 'une semaine'], false);
  it('accepts every listed variant', () => {
    expect(grade(days, text('sept jours')).verdict).toBe('correct');
    expect(grade(days, text('une semaine')).verdict).toBe('correct');
    expect(grade(days, text('trois mois'))).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(grade(days, text('   '))).toMatchObject({ score: 0, verdict: 'wrong' });
  });
  it('forgives case', () => {
    expect(grade(days, text('SEPT Jours')).verdict).toBe('correct');
  });
  it('forgives the apostrophe used', () => {
    const q = short(['l’agence'], true);
    expect(grade(q, text("l'agence")).verdict).toBe('correct');
    expect(grade(short(["aujourd'hui"], true), text('aujourd’hui')).verdict).toBe('correct');
  });
  it('forgives spacing: ends, inner runs, before ? ! : ; and inside « »', () => {
    expect(grade(days, text('  sept    jours ')).verdict).toBe('correct');
    expect(grade(days, text('sept\u00A0jours')).verdict).toBe('correct');
    const q = short(['« une nouvelle page » !'], true);
    expect(grade(q, text('«une nouvelle page»!')).verdict).toBe('correct');
    expect(grade(q, text('«  une nouvelle page  »   !')).verdict).toBe('correct');
    expect(grade(short(['vraiment ?'], true), text('vraiment?')).verdict).toBe('correct');
    expect(grade(short(['ceci : cela ;'], true), text('ceci: cela;')).verdict).toBe('correct');
  });
  it('forgives a final full stop and œ typed as oe', () => {
    expect(grade(days, text('Sept jours.')).verdict).toBe('correct');
    expect(grade(short(['cœur'], true), text('coeur')).verdict).toBe('correct');
  });
  it('forgives accents when the question says they do not matter, and says so', () => {
    const q = short(['à ce jour'], false);
    const result = grade(q, text('a ce jour'));
    expect(result).toMatchObject({ score: 1, verdict: 'correct' });
    expect(result.detail).toContain('à ce jour');
    expect(grade(q, text('à ce jour')).detail).toBe('correct');
  });
  it('requires accents when they matter: one wrong accent is almost', () => {
    const q = short(['à ce jour'], true);
    expect(grade(q, text('à ce jour')).verdict).toBe('correct');
    expect(grade(q, text('a ce jour'))).toEqual({ score: 0, verdict: 'almost', detail: ALMOST });
    expect(grade(short(['prévenu'], true), text('prèvenu'))).toMatchObject({ score: 0, verdict: 'almost' });
  });
  it('one missing, extra or wrong letter, or one swapped pair, is almost', () => {
    const q = short(['semaine'], true);
    expect(grade(q, text('semane'))).toEqual({ score: 0, verdict: 'almost', detail: 'almost: check the spelling' });
    expect(grade(q, text('semainne')).verdict).toBe('almost');
    expect(grade(q, text('semaina')).verdict).toBe('almost');
    expect(grade(q, text('smeaine')).verdict).toBe('almost');
  });
  it('a near miss against any accepted variant counts', () => {
    expect(grade(days, text('une semiane')).verdict).toBe('almost');
    expect(grade(days, text('sept jour')).verdict).toBe('almost');
  });
  it('two errors are wrong', () => {
    const q = short(['semaine'], true);
    expect(grade(q, text('semne')).verdict).toBe('wrong');
    expect(grade(q, text('smeaien')).verdict).toBe('wrong');
    expect(grade(short(['prévenu'], true), text('prevenue')).verdict).toBe('wrong');
    expect(grade(short(['élevé'], true), text('eleve')).verdict).toBe('wrong');
  });
  it('a different number or a different short word is not a spelling slip', () => {
    expect(grade(short(['9', 'neuf'], false), text('8')).verdict).toBe('wrong');
    expect(grade(short(['en'], true), text('un')).verdict).toBe('wrong');
    expect(grade(short(['à'], true), text('a')).verdict).toBe('almost');
  });
});

describe('cloze', () => {
  it('typed: graded like a short answer, accents per question', () => {
    expect(grade(typedCloze, { type: 'cloze', mode: 'typed', text: 'Blindé' }).verdict).toBe('correct');
    expect(grade(typedCloze, { type: 'cloze', mode: 'typed', text: 'blinde' }).verdict).toBe('almost');
    expect(grade(typedCloze, { type: 'cloze', mode: 'typed', text: 'rapide' }).verdict).toBe('wrong');
    expect(grade({ ...typedCloze, accentsMatter: false }, { type: 'cloze', mode: 'typed', text: 'blinde' }).verdict).toBe('correct');
  });
  it('chosen: graded like a single choice', () => {
    expect(grade(choiceCloze, { type: 'cloze', mode: 'choice', choice: 'blinde' }).score).toBe(1);
    expect(grade(choiceCloze, { type: 'cloze', mode: 'choice', choice: 'rapide' }).verdict).toBe('wrong');
  });
  it('refuses an answer of the other mode', () => {
    expect(() => grade(choiceCloze, { type: 'cloze', mode: 'typed', text: 'blindé' })).toThrow(AnswerError);
  });
});

describe('matching: score = share of pairs matched right', () => {
  const match = (pairs: Record<string, string>) => grade(matching, { type: 'matching', pairs });
  it('all pairs right', () => {
    expect(match({ p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' })).toMatchObject({ score: 1, verdict: 'correct' });
  });
  it('gives partial credit and marks each pair', () => {
    expect(match({ p1: 'p1', p2: 'p3', p3: 'p2', p4: 'p4' })).toMatchObject({
      score: 0.5,
      verdict: 'partial',
      marks: { p1: 'right', p2: 'wrong', p3: 'wrong', p4: 'right' },
    });
    expect(match({ p1: 'p1' })).toMatchObject({ score: 0.25, marks: { p2: 'missed' } });
    expect(match({ p1: 'p2', p2: 'p1' })).toMatchObject({ score: 0, verdict: 'wrong' });
  });
  it('refuses unknown pairs', () => {
    expect(() => match({ p1: 'p9' })).toThrow(AnswerError);
  });
});

describe('ordering: score = (longest run in the right relative order − 1) / (items − 1)', () => {
  const order = (...ids: string[]) => grade(ordering, { type: 'ordering', order: ids });
  it('the right order is correct, the reverse is wrong', () => {
    expect(order('a', 'b', 'c', 'd', 'e')).toMatchObject({ score: 1, verdict: 'correct' });
    expect(order('e', 'd', 'c', 'b', 'a')).toMatchObject({ score: 0, verdict: 'wrong' });
  });
  it('one item moved costs one step, not every position it shifted', () => {
    const result = order('e', 'a', 'b', 'c', 'd');
    expect(result).toMatchObject({ score: 0.75, verdict: 'partial' });
    expect(result.marks).toEqual({ a: 'right', b: 'right', c: 'right', d: 'right', e: 'wrong' });
  });
  it('two swapped pairs', () => {
    expect(order('b', 'a', 'd', 'c', 'e').score).toBeCloseTo(0.5);
  });
  it('refuses an order that is not a permutation of the items', () => {
    expect(() => order('a', 'b', 'c', 'd')).toThrow(AnswerError);
    expect(() => order('a', 'a', 'c', 'd', 'e')).toThrow(AnswerError);
    expect(() => order('a', 'b', 'c', 'd', 'z')).toThrow(AnswerError);
  });
});

describe('answers', () => {
  it('refuses an answer of another type', () => {
    expect(() => grade(single, { type: 'true-false', value: true })).toThrow(/does not fit single question/);
  });
  it('the schema accepts every shape and refuses malformed ones', () => {
    const good: unknown[] = [
      { type: 'single', choice: 'a' },
      { type: 'multiple', choices: ['a', 'b'] },
      { type: 'true-false', value: true },
      { type: 'short-answer', text: 'sept jours' },
      { type: 'cloze', mode: 'typed', text: 'blindé' },
      { type: 'cloze', mode: 'choice', choice: 'blinde' },
      { type: 'matching', pairs: { p1: 'p2' } },
      { type: 'ordering', order: ['a', 'b'] },
    ];
    for (const answer of good) expect(v.safeParse(AnswerSchema, answer).success, JSON.stringify(answer)).toBe(true);
    const bad: unknown[] = [
      { type: 'essay', text: 'x' },
      { type: 'single', choice: 3 },
      { type: 'single', choice: 'a', extra: 1 },
      { type: 'cloze', mode: 'typed', choice: 'a' },
      { type: 'cloze', text: 'a' },
      { type: 'short-answer', text: 'x'.repeat(501) },
      { type: 'matching', pairs: { 'Not An Id': 'a' } },
      null,
    ];
    for (const answer of bad) expect(v.safeParse(AnswerSchema, answer).success, JSON.stringify(answer)).toBe(false);
  });
});

describe('helpers', () => {
  it('normalises answers', () => {
    expect(normaliseAnswer('  L’Agence   de presse. ', true)).toBe("l'agence de presse");
    expect(normaliseAnswer('Élevé', false)).toBe('eleve');
  });
  it('measures edit distance with adjacent transpositions', () => {
    expect(editDistance('semaine', 'semaine')).toBe(0);
    expect(editDistance('semaine', 'smeaine')).toBe(1);
    expect(editDistance('semaine', 'semane')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
