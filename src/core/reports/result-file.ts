// The file a learner carries from one computer to another: their attempts, look-ups, statuses and reading
// time, with stable ids so that importing it twice changes nothing. Checked here before anything is written.
import * as v from 'valibot';
import { LearnerNameSchema } from '../learner-name';

export const RESULT_FORMAT = 'liseuse-results';
export const RESULT_VERSION = 1;
/** Larger files are refused before they are parsed. */
export const MAX_RESULT_BYTES = 2_000_000;

const Uuid = v.pipe(v.string(), v.uuid());
const Iso = v.pipe(v.string(), v.isoTimestamp());
const LessonId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const Short = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Score = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const ResultFileSchema = v.strictObject({
  format: v.literal(RESULT_FORMAT),
  version: v.literal(RESULT_VERSION),
  exportedAt: Iso,
  /** The installation the file came from: reading time is kept per source so re-imports do not add it twice. */
  source: Uuid,
  learner: v.strictObject({ id: Uuid, name: LearnerNameSchema, createdAt: Iso }),
  attempts: v.pipe(
    v.array(
      v.strictObject({
        id: Uuid,
        lessonId: LessonId,
        kind: v.picklist(['comprehension', 'vocabulary']),
        seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32)),
        questions: Short(200_000),
        startedAt: Iso,
        finishedAt: v.nullable(Iso),
        score: v.nullable(Score),
        answers: v.pipe(
          v.array(
            v.strictObject({
              id: Uuid,
              questionId: Short(64),
              answer: Short(5_000),
              score: Score,
              verdict: v.picklist(['correct', 'partial', 'almost', 'wrong', 'awaiting']),
              timeMs: Count,
              answeredAt: Iso,
            }),
          ),
          v.maxLength(500),
        ),
      }),
    ),
    v.maxLength(2_000),
  ),
  lookups: v.pipe(
    v.array(v.strictObject({ id: Uuid, lessonId: LessonId, token: Count, paragraph: Count, lemma: Short(100), at: Iso })),
    v.maxLength(50_000),
  ),
  statusChanges: v.pipe(
    v.array(
      v.strictObject({ id: Uuid, lessonId: LessonId, token: Count, lemma: Short(100), status: v.picklist(['new', 'learning', 'known']), at: Iso }),
    ),
    v.maxLength(50_000),
  ),
  reading: v.pipe(v.array(v.strictObject({ lessonId: LessonId, secondsRead: Count })), v.maxLength(1_000)),
});

export type ResultFile = v.InferOutput<typeof ResultFileSchema>;

export class ResultFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultFileError';
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Size first, then JSON with prototype-polluting keys refused during parsing, then format, version and schema. */
export function parseResultFile(text: string): ResultFile {
  // UTF-16 length times 3 bounds the UTF-8 size from above; the exact count only when that bound is exceeded.
  if (text.length * 3 > MAX_RESULT_BYTES && new TextEncoder().encode(text).length > MAX_RESULT_BYTES) {
    throw new ResultFileError(`the file is larger than ${MAX_RESULT_BYTES / 1_000_000} MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ResultFileError(`it contains a forbidden key "${key}"`);
      return value;
    });
  } catch (error) {
    if (error instanceof ResultFileError) throw error;
    throw new ResultFileError('it is not valid JSON (it may be cut short or damaged)');
  }
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
