// A lesson's comprehension quiz: the schema of quiz.json, and the loader that checks every question against the
// lesson's text (each piece of evidence must be an exact quote lying within one sentence of its paragraph).
import * as v from 'valibot';
import { LessonError, type Lesson } from './lesson';
import { splitSentences, type Range } from './tokenizer';

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'short-answer', 'cloze', 'matching', 'ordering'] as const;
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

export const QuizQuestionSchema = v.variant('type', [
  SingleSchema,
  MultipleSchema,
  TrueFalseSchema,
  ShortAnswerSchema,
  v.variant('mode', [ClozeTypedSchema, ClozeChoiceSchema]),
  MatchingSchema,
  OrderingSchema,
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

// ---- The loaded quiz: defaults filled in, evidence resolved to offsets in the lesson text. ----

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

export type ClozeQuestion = TypedClozeQuestion | ChoiceClozeQuestion;
export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | ClozeQuestion
  | MatchingQuestion
  | OrderingQuestion;

export interface Quiz {
  lesson: string;
  title?: string;
  questions: Question[];
}

// ---- Loading ----

const excerpt = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Finds a quote in a paragraph (1-based) and the sentence holding it. Returns a problem, phrased for the
 * quiz's author, when the quote is missing, ambiguous or spans sentences.
 */
export function locateEvidence(lesson: Lesson, paragraph: number, quote: string): Evidence | string {
  const range = lesson.paragraphs[paragraph - 1];
  if (!range) return `paragraph ${paragraph} does not exist (the text has ${lesson.paragraphs.length})`;
  const body = lesson.text.slice(range.start, range.end);
  const found = occurrences(body, quote);
  if (found.length === 0) {
    const elsewhere = lesson.paragraphs.findIndex((p) => lesson.text.slice(p.start, p.end).includes(quote));
    return `quote "${excerpt(quote)}" is not in paragraph ${paragraph}${elsewhere >= 0 ? ` (it is in paragraph ${elsewhere + 1})` : ''}`;
  }
  if (found.length > 1) {
    return `quote "${excerpt(quote)}" occurs ${found.length} times in paragraph ${paragraph}; quote more so it points to one place`;
  }
  const start = range.start + (found[0] ?? 0);
  const end = start + quote.length;
  const sentences = splitSentences(lesson.text, range);
  const k = sentences.findIndex((s) => s.start <= start && end <= s.end);
  const sentence = sentences[k];
  if (!sentence) return `quote "${excerpt(quote)}" runs across sentences of paragraph ${paragraph}; quote within one sentence`;
  return { paragraph, quote, start, end, sentence: { ...sentence, index: range.sentences[k] ?? k } };
}

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('fr');

function checkUnique<T>(items: readonly T[], key: (item: T) => string, what: string, where: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) problems.push(`${where}: duplicate ${what} "${k}"`);
    seen.add(k);
  }
}

function checkOptions(options: readonly Option[], where: string, problems: string[]): void {
  checkUnique(options, (o) => o.id, 'option id', where, problems);
  checkUnique(options, (o) => fold(o.text), 'option text', where, problems);
}

function checkCorrectOption(options: readonly Option[], id: string, where: string, problems: string[]): void {
  if (!options.some((o) => o.id === id)) {
    problems.push(`${where}: correct option "${id}" is not one of its options (${options.map((o) => o.id).join(', ')})`);
  }
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);

function resolveCloze(evidence: Evidence, blank: string, where: string, problems: string[]): Cloze | undefined {
  const found = occurrences(evidence.quote, blank);
  if (found.length !== 1) {
    problems.push(
      found.length === 0
        ? `${where}: blank "${blank}" is not in the evidence quote`
        : `${where}: blank "${blank}" occurs ${found.length} times in the evidence quote; it must occur once`,
    );
    return undefined;
  }
  const at = found[0] ?? 0;
  const before = evidence.quote.slice(0, at);
  const after = evidence.quote.slice(at + blank.length);
  if (isLetter(before.at(-1)) || isLetter(after[0])) {
    problems.push(`${where}: blank "${blank}" must be whole words of the quote, not part of a word`);
    return undefined;
  }
  return { before, blank, after, start: evidence.start + at, end: evidence.start + at + blank.length };
}

function resolveQuestion(q: QuizQuestionInput, lesson: Lesson, where: string, problems: string[]): Question | undefined {
  const count = problems.length;
  const evidenceOf = (e: { paragraph: number; quote: string }, label: string): Evidence | undefined => {
    const found = locateEvidence(lesson, e.paragraph, e.quote);
    if (typeof found === 'string') {
      problems.push(`${where}: ${label}: ${found}`);
      return undefined;
    }
    return found;
  };
  const evidence = evidenceOf(q.evidence, 'evidence');
  const common = {
    id: q.id,
    prompt: q.prompt,
    promptLang: q.promptLang,
    explanation: q.explanation,
    explanationLang: q.explanationLang ?? 'en',
    skill: q.skill,
  };
  let question: Question | undefined;

  switch (q.type) {
    case 'single':
      checkOptions(q.options, where, problems);
      checkCorrectOption(q.options, q.correct, where, problems);
      if (evidence) question = { ...common, evidence, type: 'single', options: q.options, optionLang: q.optionLang ?? q.promptLang, correct: q.correct };
      break;
    case 'multiple':
      checkOptions(q.options, where, problems);
      checkUnique(q.correct, (id) => id, 'correct option', where, problems);
      for (const id of q.correct) checkCorrectOption(q.options, id, where, problems);
      if (q.options.every((o) => q.correct.includes(o.id))) problems.push(`${where}: every option is correct; add at least one wrong option`);
      if (evidence) question = { ...common, evidence, type: 'multiple', options: q.options, optionLang: q.optionLang ?? q.promptLang, correct: q.correct };
      break;
    case 'true-false':
      if (evidence) question = { ...common, evidence, type: 'true-false', correct: q.correct };
      break;
    case 'short-answer':
      if (evidence) question = { ...common, evidence, type: 'short-answer', accepted: q.accepted, accentsMatter: q.accentsMatter, answerLang: q.answerLang ?? q.promptLang };
      break;
    case 'cloze': {
      const cloze = evidence && resolveCloze(evidence, q.blank, where, problems);
      if (q.mode === 'typed') {
        const accepted = [q.blank, ...(q.accepted ?? []).filter((a) => a !== q.blank)];
        if (evidence && cloze) question = { ...common, evidence, type: 'cloze', mode: 'typed', cloze, accepted, accentsMatter: q.accentsMatter };
      } else {
        checkOptions(q.options, where, problems);
        checkCorrectOption(q.options, q.correct, where, problems);
        const right = q.options.find((o) => o.id === q.correct);
        if (right && right.text !== q.blank) {
          problems.push(`${where}: correct option "${q.correct}" reads "${right.text}" but the blank is "${q.blank}"`);
        }
        if (evidence && cloze) question = { ...common, evidence, type: 'cloze', mode: 'choice', cloze, options: q.options, optionLang: q.optionLang ?? 'fr', correct: q.correct };
      }
      break;
    }
    case 'matching': {
      checkUnique(q.pairs, (p) => p.id, 'pair id', where, problems);
      checkUnique(q.pairs, (p) => fold(p.left), 'left side', where, problems);
      checkUnique(q.pairs, (p) => fold(p.right), 'right side', where, problems);
      const pairs = q.pairs.map((p): MatchingPair => {
        const e = p.evidence && evidenceOf(p.evidence, `pair "${p.id}" evidence`);
        return { id: p.id, left: p.left, right: p.right, ...(e ? { evidence: e } : {}) };
      });
      if (evidence) question = { ...common, evidence, type: 'matching', pairs, leftLang: q.leftLang, rightLang: q.rightLang };
      break;
    }
    case 'ordering': {
      checkUnique(q.items, (i) => i.id, 'item id', where, problems);
      checkUnique(q.items, (i) => fold(i.text), 'item text', where, problems);
      const items = q.items.map((i): OrderingItem => {
        const e = i.evidence && evidenceOf(i.evidence, `item "${i.id}" evidence`);
        return { id: i.id, text: i.text, ...(e ? { evidence: e } : {}) };
      });
      if (evidence) question = { ...common, evidence, type: 'ordering', items, itemLang: q.itemLang ?? q.promptLang };
      break;
    }
  }
  return problems.length === count ? question : undefined;
}

/** Names the question an issue is about, e.g. `question 3 ("trip-length"): type: Invalid type…`. */
function describeIssue(issue: v.BaseIssue<unknown>, json: unknown): string {
  const path = v.getDotPath(issue);
  const match = path ? /^questions\.(\d+)(?:\.(.*))?$/.exec(path) : null;
  if (!match) return `${path ?? '(root)'}: ${issue.message}`;
  const index = Number(match[1]);
  const raw = (json as { questions?: unknown[] }).questions?.[index] as { id?: unknown } | undefined;
  const name = typeof raw?.id === 'string' ? ` ("${raw.id}")` : '';
  return `question ${index + 1}${name}: ${match[2] ?? '(question)'}: ${issue.message}`;
}

/** Parses and cross-checks a lesson's quiz.json; throws LessonError('quiz.json', problems) naming every problem found. */
export function loadQuiz(raw: string, lesson: Lesson): Quiz {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LessonError('quiz.json', [`not valid JSON (${(error as Error).message})`]);
  }
  const result = v.safeParse(QuizFileSchema, json);
  if (!result.success) {
    throw new LessonError('quiz.json', result.issues.map((issue) => describeIssue(issue, json)));
  }
  const file = result.output;
  const problems: string[] = [];
  if (file.lesson !== lesson.manifest.id) {
    problems.push(`lesson: the quiz is for "${file.lesson}" but the lesson is "${lesson.manifest.id}"`);
  }
  const seen = new Set<string>();
  const questions: Question[] = [];
  file.questions.forEach((q, i) => {
    const where = `question ${i + 1} ("${q.id}")`;
    if (seen.has(q.id)) problems.push(`${where}: duplicate question id "${q.id}"`);
    seen.add(q.id);
    const question = resolveQuestion(q, lesson, where, problems);
    if (question) questions.push(question);
  });
  if (problems.length > 0) throw new LessonError('quiz.json', problems);
  return { lesson: file.lesson, ...(file.title ? { title: file.title } : {}), questions };
}
