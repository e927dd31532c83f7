// A teacher's corrections to a typed question's accepted answers on this computer: what they added and what they
// removed, and the question as graded here once they apply. Grading itself stays grade()'s: only the list changes.
import { grade, type Answer } from './grading';
import type { Question, ShortAnswerQuestion, TypedClozeQuestion } from './quiz';

/** One correction: `answer` added to the accepted list (accepted) or taken out of it (not accepted). */
export interface AcceptedOverride {
  answer: string;
  accepted: boolean;
}

export type TypedQuestion = ShortAnswerQuestion | TypedClozeQuestion;

export const isTyped = (question: Question): question is TypedQuestion =>
  question.type === 'short-answer' || (question.type === 'cloze' && question.mode === 'typed');

/** The question as graded on this computer: its own accepted answers, plus the teacher's, minus the removed ones. */
export function withOverrides<Q extends Question>(question: Q, overrides: readonly AcceptedOverride[]): Q {
  if (!isTyped(question) || overrides.length === 0) return question;
  const removed = new Set(overrides.filter((o) => !o.accepted).map((o) => o.answer));
  const added = overrides.filter((o) => o.accepted && !question.accepted.includes(o.answer)).map((o) => o.answer);
  return { ...question, accepted: [...question.accepted, ...added].filter((a) => !removed.has(a)) };
}

/** A typed answer to this question, as the learner would have sent it. */
export function typedAnswer(question: TypedQuestion, text: string): Answer {
  return question.type === 'short-answer' ? { type: 'short-answer', text } : { type: 'cloze', mode: 'typed', text };
}

/** The text of a stored typed answer, or null when the stored JSON is not one. */
export function typedText(raw: string): string | null {
  try {
    const answer = JSON.parse(raw) as Answer;
    if (answer.type === 'short-answer' || (answer.type === 'cloze' && answer.mode === 'typed')) return typeof answer.text === 'string' ? answer.text : null;
  } catch {
    // A damaged row: not a typed answer.
  }
  return null;
}

/** Which of the question's accepted answers make `text` right: those a rejection of `text` must take out. */
export function acceptedVariantsMatching(question: TypedQuestion, text: string): string[] {
  return question.accepted.filter((variant) => grade({ ...question, accepted: [variant] }, typedAnswer(question, text)).verdict === 'correct');
}
