// What a learner sees of a question (options in this attempt's order, no answer key), and what feedback shows
// once it is answered: the right answer in words and the sentence of the text that answers it.
import type { Answer, Grade } from './grading';
import { seedFrom, shuffle } from './random';
import { describeAnswer } from './reports/class-report';
import type { Evidence, Lang, Option, Question } from './quiz';

interface ViewBase {
  id: string;
  prompt: string;
  promptLang: Lang;
}

export type QuestionView = ViewBase &
  (
    | { type: 'single' | 'multiple'; options: Option[]; optionLang: Lang }
    | { type: 'true-false' }
    | { type: 'short-answer'; answerLang: Lang }
    | { type: 'cloze'; mode: 'typed'; before: string; after: string }
    | { type: 'cloze'; mode: 'choice'; before: string; after: string; options: Option[]; optionLang: Lang }
    | { type: 'matching'; left: Option[]; right: Option[]; leftLang: Lang; rightLang: Lang }
    | { type: 'ordering'; items: Option[]; itemLang: Lang }
    | { type: 'open'; answerLang: Lang }
  );

export interface Feedback {
  questionId: string;
  score: number;
  verdict: Grade['verdict'];
  marks?: Grade['marks'];
  explanation: string;
  explanationLang: Lang;
  /** The right answer, as lines a person reads ("sept jours", "KCNA → North Korea's news agency"). */
  answer: string[];
  answerLang: Lang;
  /** What the learner answered, in words; in the right answer's language; null when the stored answer cannot be read. */
  given: string | null;
  evidence: { paragraph: number; quote: string; start: number; end: number };
  /** The learner's first try when it was a near miss; the verdict and score are those of the second. */
  firstTry?: string;
  /** A true-false question's: `answer` and `given` are its values, 'true' or 'false', for the screen to word. */
  trueFalse?: true;
  /** How a question with partial credit shares it out: over its right options, its pairs, or its items' order. */
  credit?: { by: 'options' | 'pairs' | 'order'; parts: number };
  /** An open answer the teacher has graded: the score given and the comment for the learner. */
  teacher?: TeacherFeedback;
}

export interface TeacherFeedback {
  /** 0..1 */
  score: number;
  comment: string;
  gradedAt: string;
}

function creditOf(question: Question): Feedback['credit'] {
  switch (question.type) {
    case 'multiple':
      return { by: 'options', parts: question.correct.length };
    case 'matching':
      return { by: 'pairs', parts: question.pairs.length };
    case 'ordering':
      return { by: 'order', parts: question.items.length - 1 };
    default:
      return undefined;
  }
}

/** The question for one attempt: its options shuffled by the attempt's seed, nothing that gives the answer away. */
export function questionView(question: Question, attemptSeed: number): QuestionView {
  const order = <T>(items: readonly T[], salt: string): T[] => shuffle(items, seedFrom(attemptSeed, question.id, salt));
  const base: ViewBase = { id: question.id, prompt: question.prompt, promptLang: question.promptLang };
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: question.type, options: order(question.options, 'options'), optionLang: question.optionLang };
    case 'true-false':
      return { ...base, type: 'true-false' };
    case 'short-answer':
      return { ...base, type: 'short-answer', answerLang: question.answerLang };
    case 'cloze':
      return question.mode === 'typed'
        ? { ...base, type: 'cloze', mode: 'typed', before: question.cloze.before, after: question.cloze.after }
        : {
            ...base,
            type: 'cloze',
            mode: 'choice',
            before: question.cloze.before,
            after: question.cloze.after,
            options: order(question.options, 'options'),
            optionLang: question.optionLang,
          };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        left: order(question.pairs.map((p) => ({ id: p.id, text: p.left })), 'left'),
        right: order(question.pairs.map((p) => ({ id: p.id, text: p.right })), 'right'),
        leftLang: question.leftLang,
        rightLang: question.rightLang,
      };
    case 'ordering': {
      let items = order(question.items.map((i) => ({ id: i.id, text: i.text })), 'items');
      // Never hand out the answer: a shuffle that happens to be the right order is rotated by one.
      if (items.every((item, i) => item.id === question.items[i]?.id)) items = [...items.slice(1), ...items.slice(0, 1)];
      return { ...base, type: 'ordering', items, itemLang: question.itemLang };
    }
    case 'open':
      return { ...base, type: 'open', answerLang: question.answerLang };
  }
}

function rightAnswer(question: Question): { lines: string[]; lang: Lang } {
  const optionText = (options: Option[], id: string): string => options.find((o) => o.id === id)?.text ?? id;
  switch (question.type) {
    case 'single':
      return { lines: [optionText(question.options, question.correct)], lang: question.optionLang };
    case 'multiple':
      return { lines: question.correct.map((id) => optionText(question.options, id)), lang: question.optionLang };
    case 'true-false':
      // Its value: the screen words it in the interface language (Feedback.trueFalse).
      return { lines: [question.correct ? 'true' : 'false'], lang: 'en' };
    case 'short-answer':
      return { lines: [question.accepted[0] ?? ''], lang: question.answerLang };
    case 'cloze':
      return { lines: [question.cloze.blank], lang: 'fr' };
    case 'matching':
      return { lines: question.pairs.map((p) => `${p.left} → ${p.right}`), lang: question.leftLang };
    case 'ordering':
      return { lines: question.items.map((i, n) => `${n + 1}. ${i.text}`), lang: question.itemLang };
    case 'open':
      // No one right answer: the explanation says what a good one holds; the guidance stays with the teacher.
      return { lines: [], lang: question.answerLang };
  }
}

/** `given` is the learner's answer as stored; absent when the stored row cannot be read. */
export function feedbackFor(question: Question, grade: Grade, given?: Answer, teacher?: TeacherFeedback): Feedback {
  const answer = rightAnswer(question);
  const evidence: Evidence = question.evidence;
  const credit = creditOf(question);
  return {
    questionId: question.id,
    score: grade.score,
    verdict: grade.verdict,
    ...(grade.marks ? { marks: grade.marks } : {}),
    explanation: question.explanation,
    explanationLang: question.explanationLang,
    answer: answer.lines,
    answerLang: answer.lang,
    given: given === undefined ? null : describeAnswer(question, JSON.stringify(given)),
    evidence: { paragraph: evidence.paragraph, quote: evidence.quote, start: evidence.sentence.start, end: evidence.sentence.end },
    ...(credit && credit.parts > 1 ? { credit } : {}),
    ...(teacher ? { teacher } : {}),
    ...(question.type === 'true-false' ? { trueFalse: true as const } : {}),
  };
}
