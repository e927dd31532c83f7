import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../../test/support/article';
import { LessonError } from '../lesson';
import { loadQuiz } from './load';
import { blankForm, formOf, questionOf } from './question-form';
import type { Question } from './types';

const lesson = loadArticle();
const RAW = JSON.parse(readArticleFile('quiz.json')) as { lesson: string; questions: Record<string, unknown>[] };
const load = (questions: unknown[]) => loadQuiz(JSON.stringify({ version: 1, lesson: RAW.lesson, questions }), lesson);

/** What a learner would see as right: option texts rather than ids, which the form renumbers. */
function rightOf(q: Question): unknown {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const correct = Array.isArray(q.correct) ? q.correct : [q.correct];
      return q.options.filter((o) => correct.includes(o.id)).map((o) => o.text);
    }
    case 'cloze':
      return q.mode === 'choice' ? q.options.find((o) => o.id === q.correct)?.text : q.accepted;
    case 'matching':
      return q.pairs.map((p) => [p.left, p.right, p.evidence?.quote]);
    case 'ordering':
      return q.items.map((i) => [i.text, i.evidence?.quote]);
    case 'true-false':
      return q.correct;
    case 'short-answer':
      return q.accepted;
    case 'open':
      return q.guidance;
  }
}

describe('the quiz editor form', () => {
  it('round-trips every question of the article (every type the engine has) to the same question', () => {
    const before = load(RAW.questions);
    const after = load(RAW.questions.map((q) => questionOf(formOf(q))));
    expect(new Set(before.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(7);
    expect(after.questions.map((q) => [q.id, q.type, q.prompt, q.evidence.quote, rightOf(q)])).toEqual(
      before.questions.map((q) => [q.id, q.type, q.prompt, q.evidence.quote, rightOf(q)]),
    );
  });

  it('makes a short answer with accepted answers and evidence from plain fields', () => {
    const form = {
      ...blankForm('short-answer', 'days'),
      prompt: 'How many days did Kim stay?',
      explanation: 'Seven days.',
      accepted: 'sept jours\n\n 7 jours ',
      evidence: { paragraph: 1, quote: 'qui a retenu Kim en Russie pendant sept jours' },
    };
    const [q] = load([questionOf(form)]).questions;
    expect(q).toMatchObject({ type: 'short-answer', accepted: ['sept jours', '7 jours'], evidence: { paragraph: 1 } });
  });

  it('marks correct options with a star; an unfinished question is named by the loader, not dropped', () => {
    const form = { ...blankForm('single', 'unfinished'), prompt: 'Which?', options: 'one\n* two' };
    const q = questionOf(form);
    expect(q).toMatchObject({ options: [{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }], correct: 'b' });
    expect(() => load([q])).toThrow(LessonError);
    try {
      load([q]);
    } catch (error) {
      expect((error as LessonError).problems.join(' ')).toMatch(/explanation|evidence/);
    }
  });
});
