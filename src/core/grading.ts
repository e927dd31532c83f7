// Grading of quiz answers (pure), the answer shapes that cross the contract, and the seeded shuffle for option order.
import * as v from 'valibot';
import { gradeText } from './grading/text';
import { IdSchema, type MultipleChoiceQuestion, type Question } from './quiz';

// ---- Answers ----

const TypedText = v.pipe(v.string(), v.maxLength(500, 'is longer than 500 characters'));
/** An open question's answer: a sentence or a short paragraph. */
export const OPEN_ANSWER_MAX = 2000;
const OpenText = v.pipe(v.string(), v.trim(), v.nonEmpty('is empty'), v.maxLength(OPEN_ANSWER_MAX, `is longer than ${OPEN_ANSWER_MAX} characters`));

/** What the learner sends for each question type; validate with this wherever an answer crosses a process boundary. */
export const AnswerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('single'), choice: IdSchema }),
  v.strictObject({ type: v.literal('multiple'), choices: v.pipe(v.array(IdSchema), v.maxLength(16)) }),
  v.strictObject({ type: v.literal('true-false'), value: v.boolean() }),
  v.strictObject({ type: v.literal('short-answer'), text: TypedText }),
  v.variant('mode', [
    v.strictObject({ type: v.literal('cloze'), mode: v.literal('typed'), text: TypedText }),
    v.strictObject({ type: v.literal('cloze'), mode: v.literal('choice'), choice: IdSchema }),
  ]),
  /** Left pair id -> the pair id whose right side the learner matched to it. Unmatched lefts are simply absent. */
  v.strictObject({ type: v.literal('matching'), pairs: v.record(IdSchema, IdSchema) }),
  /** Every item id once, in the learner's order. */
  v.strictObject({ type: v.literal('ordering'), order: v.pipe(v.array(IdSchema), v.maxLength(16)) }),
  v.strictObject({ type: v.literal('open'), text: OpenText }),
]);

export type Answer = v.InferOutput<typeof AnswerSchema>;

/** How long a learner took over an answer, in ms: up to a day (a tab left open overnight still saves). */
export const AnswerTimeMsSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 3600 * 1000));

/** 'awaiting': an open question's answer the teacher has not graded yet; it counts in no score until then. */
export type Verdict = 'correct' | 'partial' | 'almost' | 'wrong' | 'awaiting';

/** Per option, pair or item id: chosen and right, chosen but wrong, or right but not chosen. */
export type Mark = 'right' | 'wrong' | 'missed';

export interface Grade {
  /** 0..1 */
  score: number;
  verdict: Verdict;
  detail: string;
  marks?: Record<string, Mark>;
}

/** An answer that does not fit its question (another type, unknown ids): a caller's bug, not a learner's mistake. */
export class AnswerError extends Error {
  readonly code = 'answer-mismatch';
  constructor(message: string) {
    super(message);
    this.name = 'AnswerError';
  }
}

export { ALMOST, editDistance } from './grading/text';
export { normaliseAnswer, stripAccents } from './grading/normalise';

// ---- Choices ----

function optionIds(options: readonly { id: string }[], ids: readonly string[]): void {
  const known = new Set(options.map((o) => o.id));
  for (const id of ids) if (!known.has(id)) throw new AnswerError(`unknown option "${id}"`);
}

function gradeSingle(options: readonly { id: string; text: string }[], correct: string, choice: string): Grade {
  optionIds(options, [choice]);
  const right = options.find((o) => o.id === correct)?.text ?? correct;
  if (choice === correct) return { score: 1, verdict: 'correct', detail: 'correct', marks: { [choice]: 'right' } };
  return { score: 0, verdict: 'wrong', detail: `wrong: the answer is “${right}”`, marks: { [choice]: 'wrong', [correct]: 'missed' } };
}

/**
 * Multiple choice, partial credit: score = max(0, (correct options chosen − wrong options chosen) / number of
 * correct options). Each wrong pick cancels a right one, so ticking everything earns nothing; the score never
 * goes below 0.
 */
export const MULTIPLE_CHOICE_RULE =
  'Each right option you tick earns a share; each wrong option you tick takes one share away (never below 0).';

function gradeMultiple(question: MultipleChoiceQuestion, choices: readonly string[]): Grade {
  optionIds(question.options, choices);
  const chosen = new Set(choices);
  const correct = new Set(question.correct);
  let right = 0;
  let wrong = 0;
  const marks: Record<string, Mark> = {};
  for (const option of question.options) {
    if (chosen.has(option.id) && correct.has(option.id)) {
      right++;
      marks[option.id] = 'right';
    } else if (chosen.has(option.id)) {
      wrong++;
      marks[option.id] = 'wrong';
    } else if (correct.has(option.id)) {
      marks[option.id] = 'missed';
    }
  }
  const score = Math.max(0, (right - wrong) / correct.size);
  const verdict: Verdict = score === 1 ? 'correct' : score > 0 ? 'partial' : 'wrong';
  const detail = `${verdict}: ${right} of ${correct.size} right options ticked, ${wrong} wrong; score = max(0, (${right} − ${wrong}) / ${correct.size}). ${MULTIPLE_CHOICE_RULE}`;
  return { score, verdict, detail, marks };
}

// ---- Matching and ordering ----

const verdictOf = (score: number): Verdict => (score === 1 ? 'correct' : score > 0 ? 'partial' : 'wrong');

/** Matching: score = share of pairs matched right; a left side left unmatched counts as wrong. */
function gradeMatching(pairIds: readonly string[], answer: Readonly<Record<string, string>>): Grade {
  const known = new Set(pairIds);
  for (const [left, right] of Object.entries(answer)) {
    if (!known.has(left) || !known.has(right)) throw new AnswerError(`unknown pair "${known.has(left) ? right : left}"`);
  }
  const marks: Record<string, Mark> = {};
  let right = 0;
  for (const id of pairIds) {
    const chosen = answer[id];
    marks[id] = chosen === undefined ? 'missed' : chosen === id ? 'right' : 'wrong';
    if (chosen === id) right++;
  }
  const score = right / pairIds.length;
  return { score, verdict: verdictOf(score), detail: `${verdictOf(score)}: ${right} of ${pairIds.length} pairs right`, marks };
}

/** Indices (into `values`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] ?? -1) out.push(i);
  return out.reverse();
}

/**
 * Ordering: score = (L − 1) / (n − 1), where L is the length of the longest run of items, not necessarily
 * adjacent, that the learner put in the right relative order (the longest increasing subsequence). The right
 * order scores 1 and the reversed order 0; moving one item out of place costs one step, not every position
 * it shifted, which is what a share of "items in the right position" would charge.
 */
function gradeOrdering(itemIds: readonly string[], order: readonly string[]): Grade {
  const position = new Map(itemIds.map((id, i) => [id, i]));
  if (order.length !== itemIds.length || new Set(order).size !== order.length || order.some((id) => !position.has(id))) {
    throw new AnswerError(`the order must list each of the ${itemIds.length} items once`);
  }
  const ranks = order.map((id) => position.get(id) ?? 0);
  const kept = new Set(longestIncreasing(ranks).map((i) => order[i]));
  const n = itemIds.length;
  const score = n <= 1 ? 1 : (kept.size - 1) / (n - 1);
  const marks: Record<string, Mark> = {};
  for (const id of order) marks[id] = kept.has(id) ? 'right' : 'wrong';
  const detail = `${verdictOf(score)}: ${kept.size} of ${n} items already in the right order relative to each other; score = (${kept.size} − 1) / (${n} − 1)`;
  return { score, verdict: verdictOf(score), detail, marks };
}

// ---- The one entry point ----

const typedRules = (question: Question & { accepted: string[]; accentsMatter: boolean }) => ({
  accepted: question.accepted,
  accentsMatter: question.accentsMatter,
  promptLang: question.promptLang,
  context: `${question.prompt} ${question.evidence.quote}`,
});

export function grade(question: Question, answer: Answer): Grade {
  const mismatch = (): AnswerError =>
    new AnswerError(`a ${answer.type} answer does not fit ${question.type} question "${question.id}"`);
  switch (question.type) {
    case 'single':
      if (answer.type !== 'single') throw mismatch();
      return gradeSingle(question.options, question.correct, answer.choice);
    case 'multiple':
      if (answer.type !== 'multiple') throw mismatch();
      return gradeMultiple(question, answer.choices);
    case 'true-false': {
      if (answer.type !== 'true-false') throw mismatch();
      return answer.value === question.correct
        ? { score: 1, verdict: 'correct', detail: 'correct' }
        : { score: 0, verdict: 'wrong', detail: `wrong: the statement is ${question.correct ? 'true' : 'false'}` };
    }
    case 'short-answer':
      if (answer.type !== 'short-answer') throw mismatch();
      return gradeText(answer.text, { ...typedRules(question), kind: 'short-answer' });
    case 'cloze':
      if (answer.type !== 'cloze' || answer.mode !== question.mode) throw mismatch();
      if (question.mode === 'typed' && answer.mode === 'typed') return gradeText(answer.text, { ...typedRules(question), kind: 'cloze' });
      if (question.mode === 'choice' && answer.mode === 'choice') return gradeSingle(question.options, question.correct, answer.choice);
      throw mismatch();
    case 'matching':
      if (answer.type !== 'matching') throw mismatch();
      return gradeMatching(
        question.pairs.map((p) => p.id),
        answer.pairs,
      );
    case 'ordering':
      if (answer.type !== 'ordering') throw mismatch();
      return gradeOrdering(
        question.items.map((i) => i.id),
        answer.order,
      );
    case 'open':
      if (answer.type !== 'open') throw mismatch();
      return { score: 0, verdict: 'awaiting', detail: 'awaiting the teacher' };
  }
}
