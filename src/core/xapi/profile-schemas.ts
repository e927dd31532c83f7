// The exact shapes of the statements Liseuse's xAPI profile writes (docs/xapi-profile.md), one valibot schema per
// verb: what read-back (and anything else taking statements from outside) checks a statement against before it
// believes a word of it. Anything that does not fit is left out with a reason.
import * as v from 'valibot';
import { ACCOUNT_HOME_PAGE, EXTENSIONS, VERBS } from './profile';

const MAX_TEXT = 2000;
const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const Iri = v.pipe(v.string(), v.maxLength(1000));
const Uuid = v.pipe(v.string(), v.uuid());
const Timestamp = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((t) => Number.isFinite(Date.parse(t)), 'is not a date'),
);
const Duration = v.pipe(v.string(), v.regex(/^PT(?:\d{1,7}H)?(?:\d{1,9}M)?(?:\d{1,9}(?:\.\d{1,3})?S)?$/, 'is not a duration Liseuse writes'));
const Paragraph = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));
const Version = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000));

const Actor = v.object({
  objectType: v.optional(v.literal('Agent')),
  account: v.object({ homePage: v.literal(ACCOUNT_HOME_PAGE), name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
const ActivityRef = v.object({ objectType: v.optional(v.literal('Activity')), id: Iri });
const Extensions = v.optional(v.record(v.string(), v.unknown()));
const ContextBase = {
  contextActivities: v.optional(v.object({ parent: v.optional(v.array(ActivityRef)) })),
  extensions: Extensions,
};
const QuizContext = v.object({
  ...ContextBase,
  registration: Uuid,
  statement: v.optional(v.object({ objectType: v.literal('StatementRef'), id: Uuid })),
  extensions: v.object({
    [EXTENSIONS.quizKind]: v.picklist(['comprehension', 'vocabulary']),
    [EXTENSIONS.lessonVersion]: v.optional(Version),
    [EXTENSIONS.computer]: v.optional(Text),
  }),
});
const verb = (id: string) => v.object({ id: v.literal(id) });
const common = { id: Uuid, actor: Actor, timestamp: Timestamp };

export const AnsweredSchema = v.object({
  ...common,
  verb: verb(VERBS.answered.id),
  object: ActivityRef,
  result: v.object({
    response: Text,
    duration: v.optional(Duration),
    score: v.optional(v.object({ scaled: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) })),
    extensions: Extensions,
  }),
  context: QuizContext,
});
export const CompletedSchema = v.object({
  ...common,
  verb: verb(VERBS.completed.id),
  object: ActivityRef,
  result: v.optional(v.object({ duration: v.optional(Duration) })),
  context: QuizContext,
});
export const VerdictSchema = v.object({ ...common, verb: v.object({ id: v.picklist([VERBS.passed.id, VERBS.failed.id]) }), object: ActivityRef, context: QuizContext });
export const ReadSchema = v.object({
  ...common,
  verb: verb(VERBS.experienced.id),
  object: ActivityRef,
  result: v.object({ duration: Duration }),
  context: v.optional(v.object(ContextBase)),
});
const WordResult = { [EXTENSIONS.lemma]: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)), [EXTENSIONS.paragraph]: Paragraph };
export const LookupSchema = v.object({
  ...common,
  verb: verb(VERBS.interacted.id),
  object: ActivityRef,
  result: v.object({ extensions: v.object(WordResult) }),
  context: v.object(ContextBase),
});
export const StatusSchema = v.object({
  ...common,
  verb: verb(VERBS.marked.id),
  object: ActivityRef,
  result: v.object({ extensions: v.object({ ...WordResult, [EXTENSIONS.status]: v.picklist(['new', 'learning', 'known']) }) }),
  context: v.object(ContextBase),
});
export const VoidingSchema = v.object({ id: Uuid, verb: verb(VERBS.voided.id), object: v.object({ objectType: v.literal('StatementRef'), id: Uuid }) });

export const SCHEMAS = {
  [VERBS.answered.id]: AnsweredSchema,
  [VERBS.completed.id]: CompletedSchema,
  [VERBS.passed.id]: VerdictSchema,
  [VERBS.failed.id]: VerdictSchema,
  [VERBS.experienced.id]: ReadSchema,
  [VERBS.interacted.id]: LookupSchema,
  [VERBS.marked.id]: StatusSchema,
  [VERBS.voided.id]: VoidingSchema,
} as const;

export type Answered = v.InferOutput<typeof AnsweredSchema>;
export type WordStatement = v.InferOutput<typeof LookupSchema>;
// Computed keys lose their types in the inferred output: the schema has checked both.
export const lemmaOf = (w: WordStatement): string => w.result.extensions[EXTENSIONS.lemma] as string;
export const paragraphOf = (w: WordStatement): number => w.result.extensions[EXTENSIONS.paragraph] as number;
export type Completed = v.InferOutput<typeof CompletedSchema>;
