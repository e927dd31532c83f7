// Answers to quiz questions for tests to send: a well-formed one to any question as the learner's screen shows it
// (the kill test, the xAPI tests and the benchmarks fill attempts with it), and the right one to a question as the
// quiz file has it (the quiz's own tests and the simulated classes of the report tests).
import type { Answer } from '../../src/core/grading';
import type { Question } from '../../src/core/quiz';
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

/** The answer that scores 1 (an open answer waits for the teacher whatever it says). */
export function rightAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.correct };
    case 'multiple':
      return { type: 'multiple', choices: q.correct };
    case 'true-false':
      return { type: 'true-false', value: q.correct };
    case 'short-answer':
      return { type: 'short-answer', text: q.accepted[0] ?? '' };
    case 'cloze':
      return q.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: q.cloze.blank } : { type: 'cloze', mode: 'choice', choice: q.correct };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
  }
}

/** A well-formed answer below full marks: another option, an empty match, a reversed order, a typo. */
export function wrongAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.id !== q.correct)!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => !q.correct.includes(o.id)).map((o) => o.id) };
    case 'true-false':
      return { type: 'true-false', value: !q.correct };
    case 'short-answer':
      return { type: 'short-answer', text: `${q.accepted[0]!}x` };
    case 'cloze':
      return q.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: 'rien' } : { type: 'cloze', mode: 'choice', choice: q.options.find((o) => o.id !== q.correct)!.id };
    case 'matching':
      return { type: 'matching', pairs: {} };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id).reverse() };
    case 'open':
      return { type: 'open', text: 'Je ne sais pas.' };
  }
}
