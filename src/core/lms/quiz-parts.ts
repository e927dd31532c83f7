// What the Moodle XML and GIFT writers say alike about a question: its name, its general feedback (the explanation
// and the excerpt it rests on), the answers Moodle must list for a typed answer, and the ordering fallback.
import { stripAccents } from '../grading/normalise';
import type { Lang, Question } from '../quiz';

/** A run of text and its language, so the HTML Moodle shows keeps lang="fr" on French. */
export interface Para {
  text: string;
  lang: Lang;
}

export const questionName = (q: Question, index: number): string => `${index + 1}. ${q.id}`;

/** The explanation, then the text excerpt it rests on: what a learner sees once they have answered. */
export function generalFeedback(q: Question): Para[] {
  return [
    { text: q.explanation, lang: q.explanationLang },
    { text: `From the text, paragraph ${q.evidence.paragraph}:`, lang: 'en' },
    { text: `« ${q.evidence.quote} »`, lang: 'fr' },
  ];
}

/**
 * Every spelling Moodle must list to accept what Liseuse accepts for a typed answer. Moodle's short answer ignores
 * case (usecase 0) but compares accents and apostrophes exactly, so each accepted answer comes with its straight-
 * apostrophe form and, when accents do not matter here, its unaccented forms. (What Liseuse forgives beyond that,
 * numbers in words or a leading article, Moodle cannot express.)
 */
export function typedAnswerSpellings(accepted: readonly string[], accentsMatter: boolean): string[] {
  const spellings = new Map<string, string>();
  for (const answer of accepted) {
    const forms = [answer, answer.replace(/[’‘ʼ]/gu, "'")];
    if (!accentsMatter) forms.push(...forms.map(stripAccents));
    for (const form of forms) {
      const key = form.toLocaleLowerCase('fr');
      if (!spellings.has(key)) spellings.set(key, form);
    }
  }
  return [...spellings.values()];
}

/**
 * A multiple-choice option's share of the grade, in percent: Liseuse's rule, (right picks − wrong picks) / right
 * options, floored at 0, is Moodle's too when each right option gives 100/k and each wrong one takes 100/k.
 */
export const optionFraction = (correct: boolean, correctCount: number): number => (correct ? 100 : -100) / correctCount;

/**
 * GIFT has no ordering question: the honest fallback is a matching of each item to its place (1 = first), graded
 * per item placed right (Liseuse and Moodle's ordering plugin grade the longest run in order instead).
 */
export const ORDERING_AS_MATCHING_NOTE = 'Match each item to its place in the order (1 = first).';
