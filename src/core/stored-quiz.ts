// The JSON the quiz tables store (an answer, an attempt's question list) and its one reader: every read of stored
// JSON goes through readStoredJson, so a damaged or foreign row reads as "unreadable" instead of failing a screen.
import * as v from 'valibot';
import { AnswerSchema, type Answer } from './grading';
import { IdSchema, LANGS, type Question } from './quiz';
import type { VocabularyQuestion } from './vocabulary';

/** The stored value checked against its schema, or undefined when it is not JSON or not of that shape. */
export function readStoredJson<S extends v.GenericSchema>(schema: S, text: string): v.InferOutput<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(schema, json);
  return parsed.success ? parsed.output : undefined;
}

export const readAnswer = (text: string): Answer | undefined => readStoredJson(AnswerSchema, text);

/** A comprehension attempt's question ids, in the order they were asked. */
export const QuestionIdsSchema = v.pipe(v.array(IdSchema), v.maxLength(500));

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = v.pipe(v.string(), v.maxLength(5_000));
const Lang = v.picklist(LANGS);
const Options = v.pipe(v.array(v.strictObject({ id: IdSchema, text: Text })), v.minLength(2), v.maxLength(8));
const EvidenceSchema = v.strictObject({
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(1)),
  quote: Text,
  start: Offset,
  end: Offset,
  sentence: v.strictObject({ start: Offset, end: Offset, index: Offset }),
});
const ClozeSchema = v.strictObject({ before: Text, blank: Text, after: Text, start: Offset, end: Offset });
const common = {
  id: IdSchema,
  prompt: Text,
  promptLang: Lang,
  explanationLang: Lang,
  evidence: EvidenceSchema,
  skill: v.literal('vocabulary'),
  options: Options,
  optionLang: Lang,
};

/**
 * A generated vocabulary question as a results file carries it: everything the learner saw, without the key
 * (`correct`, `explanation`). The key is rebuilt from the question id, which names the right option (see
 * vocabulary.ts), so a file cannot choose its own right answer.
 */
export const CarriedVocabularyQuestionSchema = v.variant('type', [
  // Not strict: a file from an earlier Liseuse still carries the key, which is dropped here, never believed.
  v.object({ ...common, type: v.literal('single') }),
  v.object({ ...common, type: v.literal('cloze'), mode: v.literal('choice'), cloze: ClozeSchema }),
]);
export type CarriedVocabularyQuestion = v.InferOutput<typeof CarriedVocabularyQuestionSchema>;

/** A stored vocabulary question: the carried form plus its key. */
const StoredVocabularyQuestionSchema = v.variant('type', [
  v.strictObject({ ...common, type: v.literal('single'), correct: IdSchema, explanation: Text }),
  v.strictObject({ ...common, type: v.literal('cloze'), mode: v.literal('choice'), cloze: ClozeSchema, correct: IdSchema, explanation: Text }),
]);
export const StoredVocabularyQuestionsSchema = v.pipe(v.array(StoredVocabularyQuestionSchema), v.maxLength(500));

/** The right option of a generated vocabulary question, from its id: "vocab-meaning-blinde-adj" -> "blinde-adj". */
export const vocabularyKeyOf = (questionId: string): string | undefined => /^vocab-(?:meaning|cloze)-(.+)$/.exec(questionId)?.[1];

/** A vocabulary question without its key, to go in a results file. */
export function withoutKey(question: VocabularyQuestion): CarriedVocabularyQuestion {
  const { correct: _correct, explanation: _explanation, ...carried } = question;
  return carried as CarriedVocabularyQuestion;
}

/** The question with its key rebuilt from its id, or undefined when its id names no option it offers. */
export function withKey(question: CarriedVocabularyQuestion): Question | undefined {
  const correct = vocabularyKeyOf(question.id);
  const right = question.options.find((o) => o.id === correct);
  if (!correct || !right) return undefined;
  return { ...question, correct, explanation: `« ${right.text} »` } as Question;
}
