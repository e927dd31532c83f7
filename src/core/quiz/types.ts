// The loaded quiz: defaults filled in, evidence resolved to offsets in the lesson text.
import type { Range } from '../tokenizer';
import type { Lang, Skill } from './schema';

export interface Evidence {
  /** 1-based. */
  paragraph: number;
  quote: string;
  /** Offsets of the quote in the lesson text. */
  start: number;
  end: number;
  /** The sentence holding the quote: what the reader highlights. `index` indexes lesson.sentences. */
  sentence: Range & { index: number };
}

export interface Option {
  id: string;
  text: string;
}

interface QuestionBase {
  id: string;
  prompt: string;
  promptLang: Lang;
  explanation: string;
  explanationLang: Lang;
  evidence: Evidence;
  skill: Skill;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: Option[];
  optionLang: Lang;
  correct: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple';
  options: Option[];
  optionLang: Lang;
  correct: string[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  correct: boolean;
}

export interface ShortAnswerQuestion extends QuestionBase {
  type: 'short-answer';
  accepted: string[];
  accentsMatter: boolean;
  answerLang: Lang;
}

/** The text around the gap, always French: quote = before + blank + after. */
export interface Cloze extends Range {
  before: string;
  blank: string;
  after: string;
}

export interface TypedClozeQuestion extends QuestionBase {
  type: 'cloze';
  mode: 'typed';
  cloze: Cloze;
  /** The blanked text first, then the file's other variants. */
  accepted: string[];
  accentsMatter: boolean;
}

export interface ChoiceClozeQuestion extends QuestionBase {
  type: 'cloze';
  mode: 'choice';
  cloze: Cloze;
  options: Option[];
  optionLang: Lang;
  correct: string;
}

export interface MatchingPair {
  id: string;
  left: string;
  right: string;
  evidence?: Evidence;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: MatchingPair[];
  leftLang: Lang;
  rightLang: Lang;
}

export interface OrderingItem {
  id: string;
  text: string;
  evidence?: Evidence;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the right order. */
  items: OrderingItem[];
  itemLang: Lang;
}

export interface OpenQuestion extends QuestionBase {
  type: 'open';
  answerLang: Lang;
  /** For the teacher who grades; never sent to the learner. */
  guidance?: string;
}

export type ClozeQuestion = TypedClozeQuestion | ChoiceClozeQuestion;
export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | ClozeQuestion
  | MatchingQuestion
  | OrderingQuestion
  | OpenQuestion;

export interface Quiz {
  lesson: string;
  title?: string;
  questions: Question[];
}
