// A well-formed answer to any quiz question as the learner's screen shows it: what the kill test, the xAPI tests and
// the benchmarks send to fill an attempt (right or wrong does not matter to any of them).
import type { Answer } from '../../src/core/grading';
import type { QuestionView } from '../../src/core/quiz-view';

export type { QuestionView };

/** A wrong-or-right but well-formed answer for each question type. */
export function answerFor(question: QuestionView): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.options[0]?.id ?? 'x' };
    case 'multiple':
      return { type: 'multiple', choices: [question.options[0]?.id ?? 'x'] };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'short-answer':
      return { type: 'short-answer', text: 'sept jours' };
    case 'cloze':
      return question.mode === 'typed'
        ? { type: 'cloze', mode: 'typed', text: 'blindé' }
        : { type: 'cloze', mode: 'choice', choice: question.options[0]?.id ?? 'x' };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.left.map((l) => [l.id, l.id])) };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
  }
}
