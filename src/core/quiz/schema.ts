// The schema of a lesson's quiz.json (valibot) and the constants it is built from.
import * as v from 'valibot';

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'short-answer', 'cloze', 'matching', 'ordering', 'open'] as const;
export const SKILLS = ['fact', 'inference', 'vocabulary', 'order'] as const;
export const LANGS = ['en', 'fr'] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Skill = (typeof SKILLS)[number];
/** Language of a learner-visible string, so the UI can set lang="fr" where French is shown or typed. */
export type Lang = (typeof LANGS)[number];

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
export const IdSchema = v.pipe(
  v.string(),
  v.maxLength(64, 'must be at most 64 characters'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters and digits joined by single hyphens)'),
);
const LangSchema = v.picklist(LANGS);

const EvidenceSchema = v.strictObject({
  /** 1-based, like the paragraph numbers a reader sees. */
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** An exact substring of that paragraph, lying within one of its sentences. */
  quote: Text,
});

const OptionSchema = v.strictObject({ id: IdSchema, text: Text });
const Options = v.pipe(v.array(OptionSchema), v.minLength(2, 'needs at least 2 options'), v.maxLength(8, 'has more than 8 options'));

// Language defaults: explanationLang 'en'; a cloze's options 'fr' (they fill a gap in the French text);
// every other *Lang field the question's promptLang.
const base = {
  id: IdSchema,
  prompt: Text,
  promptLang: LangSchema,
  explanation: Text,
  explanationLang: v.optional(LangSchema),
  evidence: EvidenceSchema,
  skill: v.picklist(SKILLS),
};

const SingleSchema = v.strictObject({
  ...base,
  type: v.literal('single'),
  options: Options,
  optionLang: v.optional(LangSchema),
  correct: IdSchema,
});

const MultipleSchema = v.strictObject({
  ...base,
  type: v.literal('multiple'),
  options: Options,
  optionLang: v.optional(LangSchema),
  correct: v.pipe(v.array(IdSchema), v.minLength(1, 'needs at least one correct option')),
});

const TrueFalseSchema = v.strictObject({
  ...base,
  type: v.literal('true-false'),
  /** The prompt is the statement to judge. */
  correct: v.boolean(),
});

const ShortAnswerSchema = v.strictObject({
  ...base,
  type: v.literal('short-answer'),
  accepted: v.pipe(v.array(Text), v.minLength(1, 'needs at least one accepted answer')),
  accentsMatter: v.boolean(),
  answerLang: v.optional(LangSchema),
});

// A cloze blanks `blank` inside the evidence quote; the learner sees the quote with a gap.
const ClozeTypedSchema = v.strictObject({
  ...base,
  type: v.literal('cloze'),
  mode: v.literal('typed'),
  blank: Text,
  /** Variants accepted besides the blanked text itself. */
  accepted: v.optional(v.array(Text)),
  accentsMatter: v.boolean(),
});

const ClozeChoiceSchema = v.strictObject({
  ...base,
  type: v.literal('cloze'),
  mode: v.literal('choice'),
  blank: Text,
  options: Options,
  optionLang: v.optional(LangSchema),
  correct: IdSchema,
});

const ItemEvidence = v.optional(EvidenceSchema);

const MatchingSchema = v.strictObject({
  ...base,
  type: v.literal('matching'),
  pairs: v.pipe(
    v.array(v.strictObject({ id: IdSchema, left: Text, right: Text, evidence: ItemEvidence })),
    v.minLength(2, 'needs at least 2 pairs'),
    v.maxLength(8, 'has more than 8 pairs'),
  ),
  leftLang: LangSchema,
  rightLang: LangSchema,
});

const OrderingSchema = v.strictObject({
  ...base,
  type: v.literal('ordering'),
  /** In the right order; the UI shuffles them. */
  items: v.pipe(
    v.array(v.strictObject({ id: IdSchema, text: Text, evidence: ItemEvidence })),
    v.minLength(3, 'needs at least 3 items'),
    v.maxLength(8, 'has more than 8 items'),
  ),
  itemLang: v.optional(LangSchema),
});

// An open question: a sentence or a short paragraph the learner writes (a summary, an opinion), graded by the
// teacher out of 1. The explanation is shown once answered; the guidance is for the teacher only.
const OpenSchema = v.strictObject({
  ...base,
  type: v.literal('open'),
  answerLang: v.optional(LangSchema),
  /** What a good answer holds, or a model answer: shown to the teacher who grades, never to the learner. */
  guidance: v.optional(Text),
});

export const QuizQuestionSchema = v.variant('type', [
  SingleSchema,
  MultipleSchema,
  TrueFalseSchema,
  ShortAnswerSchema,
  v.variant('mode', [ClozeTypedSchema, ClozeChoiceSchema]),
  MatchingSchema,
  OrderingSchema,
  OpenSchema,
]);

export const QuizFileSchema = v.strictObject({
  version: v.literal(1),
  /** The id of the lesson this quiz belongs to (its folder name). */
  lesson: IdSchema,
  title: v.optional(Text),
  questions: v.pipe(v.array(QuizQuestionSchema), v.minLength(1, 'needs at least one question')),
});

export type QuizFile = v.InferOutput<typeof QuizFileSchema>;
export type QuizQuestionInput = v.InferOutput<typeof QuizQuestionSchema>;
