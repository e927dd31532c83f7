// A well-formed answer to any quiz question as the learner's screen shows it: what the kill test and the xAPI
// tests send to fill an attempt.

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

