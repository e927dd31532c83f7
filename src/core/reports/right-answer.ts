// The right answer to a question in words, as the teacher's exports print it beside the learner's.
import type { Question } from '../quiz';

const texts = (options: readonly { id: string; text: string }[], ids: readonly string[]): string =>
  ids.map((id) => options.find((o) => o.id === id)?.text ?? id).join(' | ');

/** Typed questions give their first accepted answer; choices the right options' texts; pairs and orders in full; open ones none. */
export function rightAnswerText(question: Question): string {
  switch (question.type) {
    case 'single':
      return texts(question.options, [question.correct]);
    case 'multiple':
      return texts(question.options, question.correct);
    case 'true-false':
      // Its value, worded by the export (truthInWords in class-report.ts).
      return question.correct ? 'true' : 'false';
    case 'short-answer':
      return question.accepted[0] ?? '';
    case 'cloze':
      return question.mode === 'typed' ? (question.accepted[0] ?? '') : texts(question.options, [question.correct]);
    case 'matching':
      return question.pairs.map((p) => `${p.left} → ${p.right}`).join(' | ');
    case 'ordering':
      return question.items.map((item, i) => `${i + 1}. ${item.text}`).join(' ');
    case 'open':
      // No one right answer: the teacher grades it.
      return '';
  }
}
