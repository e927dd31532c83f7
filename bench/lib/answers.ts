// A well-formed answer to any question a learner is shown (right or wrong does not matter to the benchmarks).
import type { Answer } from '../../src/core/grading';
import type { QuestionView } from '../../src/core/quiz-view';

export function plausibleAnswer(question: QuestionView): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.options[0]?.id ?? '' };
    case 'multiple':
      return { type: 'multiple', choices: question.options.slice(0, 2).map((o) => o.id) };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'short-answer':
      return { type: 'short-answer', text: 'sept jours' };
    case 'cloze':
      return question.mode === 'typed'
        ? { type: 'cloze', mode: 'typed', text: 'pouvoir' }
        : { type: 'cloze', mode: 'choice', choice: question.options[0]?.id ?? '' };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.left.map((l, i) => [l.id, question.right[i]?.id ?? l.id])) };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
  }
}
