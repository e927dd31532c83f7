// The words core leaves to the screen in a described answer: a true-false answer's values, a near miss's two tries
// and an answer that cannot be read (core/reports/class-report.ts gives 'true' / 'false', both tries and null in no
// language).
import { truthInWords, type AnswerWords } from '../../../core/reports/class-report';
import { locale } from '../i18n/locale.svelte';
import { strings } from '../strings';

export function answerWords(): AnswerWords {
  return { tries: strings.reports.tries, truth: { true: strings.quiz.trueLabel, false: strings.quiz.falseLabel }, unreadable: strings.quiz.unreadableAnswer };
}

/** A feedback's answer text as shown: a true-false value or an unreadable answer in the interface's words, anything else as it came. */
export function shownAnswer(feedback: { trueFalse?: true }, text: string | null): string {
  if (text === null) return strings.quiz.unreadableAnswer;
  return feedback.trueFalse ? truthInWords(text, answerWords().truth) : text;
}

/**
 * The language of a feedback's answer text: the interface's for a true-false value or an unreadable answer (they
 * are worded in it), else their own.
 */
export function shownAnswerLang(feedback: { trueFalse?: true; answerLang: string }, text?: string | null): string {
  return feedback.trueFalse || text === null ? locale.current : feedback.answerLang;
}
