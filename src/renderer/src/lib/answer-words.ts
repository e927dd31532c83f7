// The words core leaves to the screen in a described answer: a true-false answer's values and a near miss's two
// tries (core/reports/class-report.ts gives 'true' / 'false' and both tries in no language).
import { truthInWords, type TruthWords } from '../../../core/reports/class-report';
import { locale } from '../i18n/locale.svelte';
import { strings } from '../strings';

export function answerWords(): { tries: (first: string, second: string) => string; truth: TruthWords } {
  return { tries: strings.reports.tries, truth: { true: strings.quiz.trueLabel, false: strings.quiz.falseLabel } };
}

/** A feedback's answer text as shown: a true-false value in the interface's words, anything else as it came. */
export function shownAnswer(feedback: { trueFalse?: true }, text: string): string {
  return feedback.trueFalse ? truthInWords(text, answerWords().truth) : text;
}

/** The language of a feedback's answers: the interface's for a true-false value (it is worded in it), else their own. */
export function shownAnswerLang(feedback: { trueFalse?: true; answerLang: string }): string {
  return feedback.trueFalse ? locale.current : feedback.answerLang;
}
