// The file a learner carries from one computer to another: their attempts, look-ups, statuses and reading
// time, with stable ids so that importing it twice changes nothing. Checked here before anything is written;
// what it claims (scores, verdicts) is evidence, regraded by the importer, never stored as given.
import * as v from 'valibot';
import { LessonIdSchema, UuidSchema } from '../ids';
import { LearnerNameSchema } from '../learner-name';
import { IdSchema } from '../quiz';
import { AnswerSchema, AnswerTimeMsSchema } from '../grading';
import { CarriedVocabularyQuestionSchema, QuestionIdsSchema } from '../stored-quiz';

export const RESULT_FORMAT = 'liseuse-results';
export const RESULT_VERSION = 1;
/** The one size limit of a results file (UTF-8 bytes): larger files are refused before they are parsed. */
export const MAX_RESULT_BYTES = 2_000_000;
/** More reading than this on one lesson is not plausible: a hundred hours. */
export const MAX_READING_SECONDS = 100 * 3600;

/** What the teacher may answer when a file's learner has the name of another learner here. */
export const SAME_NAME_CHOICES = ['merge', 'keep-both'] as const;
export type SameNameChoice = (typeof SAME_NAME_CHOICES)[number];

const Iso = v.pipe(v.string(), v.isoTimestamp());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const Short = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Score = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const refusingForbiddenKeys = (key: string, value: unknown): unknown => {
  if (FORBIDDEN_KEYS.has(key)) throw new ResultFileError(`it contains a forbidden key "${key}"`);
  return value;
};

/** JSON text inside the file (an answer, a question list), parsed and checked against the schema of what it holds. */
const jsonOf = <S extends v.GenericSchema>(maxLength: number, schema: S) =>
  v.pipe(Short(maxLength), v.parseJson({ reviver: refusingForbiddenKeys }, 'is not JSON'), schema);

const AnswerRecord = v.strictObject({
  id: UuidSchema,
  questionId: IdSchema,
  // The answer as the learner gave it, of the shape the contract takes; its score and verdict are regraded.
  answer: jsonOf(5_000, AnswerSchema),
  score: Score,
  verdict: v.picklist(['correct', 'partial', 'almost', 'wrong', 'awaiting']),
  timeMs: AnswerTimeMsSchema,
  answeredAt: Iso,
});

const attemptFields = {
  id: UuidSchema,
  lessonId: LessonIdSchema,
  /** The lesson version it was answered on; files from before versions have none: version 1. */
  lessonVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32)),
  startedAt: Iso,
  finishedAt: v.nullable(Iso),
  score: v.nullable(Score),
  answers: v.pipe(v.array(AnswerRecord), v.maxLength(500)),
};

export const ResultFileSchema = v.strictObject({
  format: v.literal(RESULT_FORMAT),
  version: v.literal(RESULT_VERSION),
  exportedAt: Iso,
  /** The installation the file came from: reading time is kept per source so re-imports do not add it twice. */
  source: UuidSchema,
  learner: v.strictObject({ id: UuidSchema, name: LearnerNameSchema, createdAt: Iso }),
  /** The titles of the lessons the records name, so a computer without one can say which it is. */
  lessons: v.optional(v.pipe(v.array(v.strictObject({ id: LessonIdSchema, title: Short(200) })), v.maxLength(1_000))),
  attempts: v.pipe(
    v.array(
      v.variant('kind', [
        // The questions as JSON text: ids for the lesson's quiz, whole questions (without their key) for practice.
        v.strictObject({ ...attemptFields, kind: v.literal('comprehension'), questions: jsonOf(200_000, QuestionIdsSchema) }),
        v.strictObject({ ...attemptFields, kind: v.literal('vocabulary'), questions: jsonOf(200_000, v.pipe(v.array(CarriedVocabularyQuestionSchema), v.maxLength(500))) }),
      ]),
    ),
    v.maxLength(2_000),
  ),
  lookups: v.pipe(
    v.array(v.strictObject({ id: UuidSchema, lessonId: LessonIdSchema, token: Count, paragraph: Count, lemma: Short(100), at: Iso })),
    v.maxLength(50_000),
  ),
  statusChanges: v.pipe(
    v.array(
      v.strictObject({ id: UuidSchema, lessonId: LessonIdSchema, token: Count, lemma: Short(100), status: v.picklist(['new', 'learning', 'known']), at: Iso }),
    ),
    v.maxLength(50_000),
  ),
  reading: v.pipe(
    v.array(
      v.strictObject({
        lessonId: LessonIdSchema,
        secondsRead: v.pipe(Count, v.maxValue(MAX_READING_SECONDS, `is more reading than is plausible (over ${MAX_READING_SECONDS / 3600} hours on one lesson)`)),
      }),
    ),
    v.maxLength(1_000),
  ),
});

/** A file as checked: its inner JSON parsed. */
export type ResultFile = v.InferOutput<typeof ResultFileSchema>;
/** A file as written: answers and question lists as JSON text. */
export type ResultFileInput = v.InferInput<typeof ResultFileSchema>;

export class ResultFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultFileError';
  }
}

/** Size first, then JSON with prototype-polluting keys refused during parsing, then format, version and schema. */
export function parseResultFile(text: string): ResultFile {
  return checkResultFile(readResultJson(text));
}

/** The JSON of an imported file, its size checked first and prototype-polluting keys refused while parsing. */
export function readResultJson(text: string): unknown {
  // UTF-16 length times 3 bounds the UTF-8 size from above; the exact count only when that bound is exceeded.
  if (text.length * 3 > MAX_RESULT_BYTES && new TextEncoder().encode(text).length > MAX_RESULT_BYTES) {
    throw new ResultFileError(`the file is larger than ${MAX_RESULT_BYTES / 1_000_000} MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text, refusingForbiddenKeys);
  } catch (error) {
    if (error instanceof ResultFileError) throw error;
    throw new ResultFileError('it is not valid JSON (it may be cut short or damaged)');
  }
  return json;
}

/** Parsed JSON checked as a results file: format, version, then the schema. */
export function checkResultFile(json: unknown): ResultFile {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== RESULT_FORMAT) {
    throw new ResultFileError('it is not a Liseuse results file');
  }
  if (typeof head.version === 'number' && head.version > RESULT_VERSION) {
    throw new ResultFileError(`it was made by a newer Liseuse (format version ${head.version}); update Liseuse to import it`);
  }
  const parsed = v.safeParse(ResultFileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    // valibot quotes the refused value: keep the reason short whatever the file holds.
    const reason = (issue?.message ?? 'unknown problem').slice(0, 120);
    throw new ResultFileError(`its content is not valid${path ? ` at ${path.slice(0, 80)}` : ''}: ${reason}`);
  }
  return parsed.output;
}
