// The xAPI response of every answer reads back as the same answer: the LRS report grades what the learner gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../../test/support/article';
import type { Answer } from '../grading';
import { loadQuiz } from '../quiz/load';
import type { Question } from '../quiz';
import { answerFromResponse, interactionResponse } from './interactions';

const quiz = loadQuiz(readArticleFile('quiz.json'), loadArticle());

/** Any answer a learner can give to the question (right, wrong or partial), for fast-check. */
function answers(question: Question): fc.Arbitrary<Answer> {
  const text = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' });
  switch (question.type) {
    case 'single':
      return fc.constantFrom(...question.options.map((o) => o.id)).map((choice) => ({ type: 'single', choice }));
    case 'multiple':
      return fc.shuffledSubarray(question.options.map((o) => o.id)).map((choices) => ({ type: 'multiple', choices }));
    case 'true-false':
      return fc.boolean().map((value) => ({ type: 'true-false', value }));
    case 'short-answer':
      return fc.oneof(text, fc.constantFrom(...question.accepted)).map((t) => ({ type: 'short-answer', text: t }));
    case 'open':
      return text.map((t) => ({ type: 'open', text: t }));
    case 'cloze':
      return question.mode === 'typed'
        ? fc.oneof(text, fc.constantFrom(...question.accepted)).map((t) => ({ type: 'cloze', mode: 'typed', text: t }))
        : fc.constantFrom(...question.options.map((o) => o.id)).map((choice) => ({ type: 'cloze', mode: 'choice', choice }));
    case 'matching': {
      const ids = question.pairs.map((p) => p.id);
      return fc
        .tuple(fc.shuffledSubarray(ids), fc.array(fc.constantFrom(...ids), { minLength: ids.length, maxLength: ids.length }))
        .map(([lefts, rights]) => ({ type: 'matching', pairs: Object.fromEntries(lefts.map((left, i) => [left, rights[i]!])) }));
    }
    case 'ordering':
      return fc.shuffledSubarray(question.items.map((i) => i.id), { minLength: question.items.length }).map((order) => ({ type: 'ordering', order }));
  }
}

describe('answerFromResponse', () => {
  const types = [...new Set(quiz.questions.map((q) => (q.type === 'cloze' ? `cloze-${q.mode}` : q.type)))];

  it('the article quiz has every question type, so the round trip below covers them all', () => {
    expect(types.sort()).toEqual(['cloze-choice', 'cloze-typed', 'matching', 'multiple', 'open', 'ordering', 'short-answer', 'single', 'true-false']);
  });

  for (const question of quiz.questions) {
    it(`reads back every answer to "${question.id}" (${question.type}) from its xAPI response`, () => {
      fc.assert(
        fc.property(answers(question), (answer) => {
          expect(answerFromResponse(question, interactionResponse(answer))).toEqual(answer);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('refuses responses no answer encodes', () => {
    const byType = (type: string): Question => quiz.questions.find((q) => q.type === type)!;
    expect(answerFromResponse(byType('true-false'), 'yes')).toBeUndefined();
    expect(answerFromResponse(byType('matching'), 'seulement[.]reconnu[.]divers')).toBeUndefined();
    expect(answerFromResponse(byType('matching'), 'seulement[.]reconnu[,]seulement[.]divers')).toBeUndefined();
    expect(answerFromResponse(byType('matching'), 'nopair')).toBeUndefined();
    // A hostile key becomes an own property (which AnswerSchema then refuses), never a prototype.
    const hostile = answerFromResponse(byType('matching'), '__proto__[.]x');
    expect(Object.getPrototypeOf((hostile as { pairs: object }).pairs)).toBe(Object.prototype);
  });
});
