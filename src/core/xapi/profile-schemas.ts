// The exact shapes of the statements Liseuse's xAPI profile writes (statements.ts, docs/xapi-profile.md), one
// valibot schema per verb: the one home of that rule. Both readers of statements from outside check a statement
// against it before they believe a word of it: read-back.ts (a class report from the school's LRS) and
// statement-file.ts (a learner's statement file imported as results). What they do with a misfit differs on
// purpose: a report leaves the statement out and counts it with its reason (one bad statement among a school's
// must not hide the class), an import refuses the file with it (a file is taken whole or not at all).
//
// Every field a reader takes from a statement is here, as strict as what statements.ts writes. Fields nothing
// reads are not checked (verb.display, activity definitions but the lesson's title, contextActivities.category,
// platform, language, version, result.completion, score raw/min/max, a word's sense, a read's position): a
// statement refused over them would lose evidence for nothing, and another tool's statements differ there. The
// verdict and teacher-comment result extensions are read by one reader each, as evidence with a fallback.
import * as v from 'valibot';
import { OPEN_ANSWER_MAX } from '../grading';
import { UuidSchema as Uuid } from '../ids';
import { ACCOUNT_HOME_PAGE, EXTENSIONS, VERBS } from './profile';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Iri = Text(1000);
const Timestamp = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((t) => Number.isFinite(Date.parse(t)), 'is not a date'),
);
const Duration = v.pipe(v.string(), v.regex(/^PT(?:\d{1,7}H)?(?:\d{1,9}M)?(?:\d{1,9}(?:\.\d{1,3})?S)?$/, 'is not a duration Liseuse writes'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000));
const Paragraph = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));
const Version = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));
const Score = v.object({ scaled: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) });
/** A lemma as long as a results file may carry one: the same word must be able to travel both ways. */
const Lemma = v.pipe(v.string(), v.nonEmpty(), v.maxLength(100));
/** The longest response Liseuse writes is an open answer; a choice, match or order of 8 ids of 64 is shorter. */
const Response = Text(OPEN_ANSWER_MAX);

const Actor = v.object({
  objectType: v.optional(v.literal('Agent')),
  account: v.object({ homePage: v.literal(ACCOUNT_HOME_PAGE, 'is not a Liseuse account'), name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  name: v.optional(Text(200)),
});
const ActivityRef = v.object({ objectType: v.optional(v.literal('Activity')), id: Iri });
const StatementRef = v.object({ objectType: v.literal('StatementRef'), id: Uuid });
/** The lesson, with the title a statement file brings to a computer that lacks it (200: authoring's and v1's bound). */
const LessonParent = v.object({ ...ActivityRef.entries, definition: v.optional(v.object({ name: v.optional(v.record(Text(20), Text(200))) })) });

/** An extension map: IRI keys, and the extensions a reader takes typed (the others are dropped from the output). */
const extensions = <E extends v.ObjectEntries>(entries: E) => v.pipe(v.record(Iri, v.unknown()), v.object(entries));
const Computer = { [EXTENSIONS.computer]: v.optional(Uuid) };

/** The attempt's seed, start and questions (EXTENSIONS.attempt); the question list is checked by the results file. */
const AttemptSchema = v.object({
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32)),
  startedAt: Timestamp,
  questions: v.pipe(v.array(v.unknown()), v.maxLength(500)),
});
/** Every statement but a lesson read names its lesson as parent; another tool may add parents of its own. */
const InLesson = {
  contextActivities: v.object({ parent: v.pipe(v.array(LessonParent), v.minLength(1), v.maxLength(10)) }),
  extensions: v.optional(extensions(Computer)),
};
const QuizContext = v.object({
  ...InLesson,
  registration: Uuid,
  statement: v.optional(StatementRef),
  extensions: extensions({
    [EXTENSIONS.quizKind]: v.picklist(['comprehension', 'vocabulary']),
    [EXTENSIONS.lessonVersion]: v.optional(Version),
    [EXTENSIONS.attempt]: v.optional(AttemptSchema),
    ...Computer,
  }),
});
const verb = (id: string) => v.object({ id: v.literal(id) });
const common = { id: Uuid, actor: Actor, timestamp: Timestamp, object: ActivityRef };

export const AnsweredSchema = v.object({
  ...common,
  verb: verb(VERBS.answered.id),
  result: v.object({
    response: Response,
    duration: v.optional(Duration),
    score: v.optional(Score),
    success: v.optional(v.boolean()),
    extensions: v.optional(v.record(Iri, v.unknown())),
  }),
  context: QuizContext,
});
export const CompletedSchema = v.object({
  ...common,
  verb: verb(VERBS.completed.id),
  result: v.optional(v.object({ score: v.optional(Score), duration: v.optional(Duration) })),
  context: QuizContext,
});
export const VerdictSchema = v.object({ ...common, verb: v.object({ id: v.picklist([VERBS.passed.id, VERBS.failed.id]) }), context: QuizContext });
export const ReadSchema = v.object({
  ...common,
  verb: verb(VERBS.experienced.id),
  result: v.object({ duration: Duration, extensions: v.optional(extensions({ [EXTENSIONS.secondsRead]: v.optional(Count) })) }),
  context: v.optional(v.object({ extensions: v.optional(extensions(Computer)) })),
});
const WordResult = { [EXTENSIONS.lemma]: Lemma, [EXTENSIONS.paragraph]: Paragraph, [EXTENSIONS.token]: Count };
export const LookupSchema = v.object({
  ...common,
  verb: verb(VERBS.interacted.id),
  result: v.object({ extensions: extensions(WordResult) }),
  context: v.object(InLesson),
});
export const StatusSchema = v.object({
  ...common,
  verb: verb(VERBS.marked.id),
  result: v.object({ extensions: extensions({ ...WordResult, [EXTENSIONS.status]: v.picklist(['new', 'learning', 'known']) }) }),
  context: v.object(InLesson),
});
export const VoidingSchema = v.object({ id: Uuid, verb: verb(VERBS.voided.id), object: StatementRef });

const SCHEMAS = {
  [VERBS.answered.id]: AnsweredSchema,
  [VERBS.completed.id]: CompletedSchema,
  [VERBS.passed.id]: VerdictSchema,
  [VERBS.failed.id]: VerdictSchema,
  [VERBS.experienced.id]: ReadSchema,
  [VERBS.interacted.id]: LookupSchema,
  [VERBS.marked.id]: StatusSchema,
  [VERBS.voided.id]: VoidingSchema,
} as const;
export type ProfileSchema = (typeof SCHEMAS)[keyof typeof SCHEMAS];

/** The schema of a verb Liseuse sends, or undefined: an own key only, so "constructor" or "__proto__" is no verb. */
export const schemaOf = (verbId: unknown): ProfileSchema | undefined =>
  typeof verbId === 'string' && Object.hasOwn(SCHEMAS, verbId) ? SCHEMAS[verbId as keyof typeof SCHEMAS] : undefined;

/** Why a statement does not fit, as the teacher reads it: where (its path) and what, from the first issue. */
export function misfit(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return `${path ? `${path.slice(0, 80)}: ` : ''}${(issue?.message ?? 'does not fit the profile').slice(0, 120)}`;
}

export type Answered = v.InferOutput<typeof AnsweredSchema>;
export type Completed = v.InferOutput<typeof CompletedSchema>;
export type Read = v.InferOutput<typeof ReadSchema>;
export type WordStatement = v.InferOutput<typeof LookupSchema>;
export type Status = v.InferOutput<typeof StatusSchema>;
export type Voiding = v.InferOutput<typeof VoidingSchema>;
export type Attempt = v.InferOutput<typeof AttemptSchema>;
export type Parent = v.InferOutput<typeof LessonParent>;
// Computed keys lose their types in the inferred output: the schema has checked them.
export const lemmaOf = (w: WordStatement): string => w.result.extensions[EXTENSIONS.lemma] as string;
export const paragraphOf = (w: WordStatement): number => w.result.extensions[EXTENSIONS.paragraph] as number;
export const tokenOf = (w: WordStatement): number => w.result.extensions[EXTENSIONS.token] as number;
