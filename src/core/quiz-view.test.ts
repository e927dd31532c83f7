import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../test/support/article';
import { grade } from './grading';
import { loadQuiz, type Question } from './quiz';
import { feedbackFor, questionView } from './quiz-view';

const lesson = loadArticle();
const quiz = loadQuiz(readArticleFile('quiz.json'), lesson);
const byType = (type: Question['type']): Question => quiz.questions.find((q) => q.type === type)!;

describe('questionView', () => {
  it('never carries the answer key', () => {
    for (const question of quiz.questions) {
      const view = JSON.stringify(questionView(question, 42));
      expect(view).not.toMatch(/"correct"|"accepted"|"explanation"|"evidence"|"blank"/);
    }
  });

  it('orders options the same way for the same attempt seed, and differently across attempts', () => {
    const question = byType('single');
    expect(questionView(question, 7)).toEqual(questionView(question, 7));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(questionView(question, seed))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shows an ordering question already in the right order', () => {
    const question = byType('ordering');
    if (question.type !== 'ordering') throw new Error('no ordering question');
    for (let seed = 0; seed < 200; seed++) {
      const view = questionView(question, seed);
      if (view.type !== 'ordering') throw new Error('wrong view');
      expect(view.items.map((i) => i.id)).not.toEqual(question.items.map((i) => i.id));
    }
  });

  it('cuts a cloze sentence around its gap', () => {
    const question = byType('cloze');
    const view = questionView(question, 1);
    if (view.type !== 'cloze' || question.type !== 'cloze') throw new Error('wrong view');
    expect(view.before + question.cloze.blank + view.after).toBe(question.evidence.quote);
  });
});

describe('feedbackFor', () => {
  it('gives the right answer in words and the sentence of the text that holds the evidence', () => {
    const question = quiz.questions.find((q) => q.id === 'trip-length')!;
    const given = { type: 'short-answer', text: 'dix jours' } as const;
    const feedback = feedbackFor(question, grade(question, given), given);
    expect(feedback.verdict).toBe('wrong');
    expect(feedback.answer).toEqual(['sept jours']);
    expect(feedback.given).toBe('dix jours');
    expect(lesson.text.slice(feedback.evidence.start, feedback.evidence.end)).toContain(feedback.evidence.quote);
    expect(feedback.evidence.paragraph).toBe(1);
  });

  it('says how a question with partial credit shares it out, so the screen can give each share as a percentage', () => {
    const multiple = byType('multiple');
    if (multiple.type !== 'multiple') throw new Error('no multiple-choice question');
    expect(feedbackFor(multiple, grade(multiple, { type: 'multiple', choices: [] })).credit).toEqual({ by: 'options', parts: multiple.correct.length });
    const ordering = byType('ordering');
    if (ordering.type !== 'ordering') throw new Error('no ordering question');
    const order = ordering.items.map((i) => i.id);
    expect(feedbackFor(ordering, grade(ordering, { type: 'ordering', order })).credit).toEqual({ by: 'order', parts: ordering.items.length - 1 });
    const short = byType('short-answer');
    expect(feedbackFor(short, grade(short, { type: 'short-answer', text: 'x' })).credit).toBeUndefined();
  });
});
