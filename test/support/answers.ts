// A well-formed answer to any quiz question as the learner's screen shows it: what the kill test and the xAPI
// tests send to fill an attempt; and, knowing the question's key, its right answer and a wrong one.
import type { Answer } from '../../src/core/grading';
import type { Question } from '../../src/core/quiz';

export interface QuestionView {
  id: string;
  type: string;
  mode?: string;
  options?: { id: string }[];
  left?: { id: string }[];
  items?: { id: string }[];
}

/** A wrong-or-right but well-formed answer for each question type. */
export function answerFor(question: QuestionView): unknown {
  const first = question.options?.[0]?.id ?? 'x';
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: first };
    case 'multiple':
      return { type: 'multiple', choices: [first] };
    case 'true-false':
      return { type: 'true-false', value: true };
    case 'short-answer':
      return { type: 'short-answer', text: 'sept jours' };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: 'blindé' } : { type: 'cloze', mode: 'choice', choice: first };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries((question.left ?? []).map((l) => [l.id, l.id])) };
    case 'ordering':
      return { type: 'ordering', order: (question.items ?? []).map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
    default:
      throw new Error(`no answer for question type ${question.type}`);
  }
}

/** The right answer to a question, as the learner would send it. */
export function rightAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.correct };
    case 'multiple':
      return { type: 'multiple', choices: q.correct };
    case 'true-false':
      return { type: 'true-false', value: q.correct };
    case 'short-answer':
      return { type: 'short-answer', text: q.accepted[0]! };
    case 'cloze':
      return q.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: q.accepted[0]! } : { type: 'cloze', mode: 'choice', choice: q.correct };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Une visite importante.' };
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

