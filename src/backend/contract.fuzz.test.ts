// Property-based fuzzing of the contract boundary with fast-check: every call of the table gets wrong inputs of
// every kind (and some valid ones) through backend.call, and random requests hit the real browser-mode server.
// The oracle is the call's own valibot schema: what it refuses must come back as invalid_input, what it accepts
// may only fail with a typed domain error. Nothing may throw, leak a stack, pollute a prototype or kill the server.
import * as fc from 'fast-check';
import * as v from 'valibot';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../shared/contract/call-names';
import { contract, type CallName } from '../shared/contract';
import type { Result } from '../shared/errors';
import { THEMES } from '../shared/contract/reading';
import { WORD_STATUSES, type Learner, type LessonView } from '../shared/types';
import type { AttemptView } from '../shared/contract/quiz';
import { REVIEW_RATINGS } from '../core/review-ratings';
import { PIN_FORMAT } from '../shared/contract/teacher';
import { createBackend, type Backend } from './backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { MAX_BODY_BYTES, startServer, TOKEN_HEADER, type RunningServer } from '../server/http-server';
import { unpackLesson, type LessonWire } from '../shared/lesson-wire';
import { grade } from '../core/grading';
import { MAX_RESULT_BYTES } from '../core/reports/result-file';
import { readAnswer } from '../core/stored-quiz';
import { LessonStore } from './lesson-store';

const RUNS_PER_CALL = Number(process.env.FUZZ_RUNS ?? 250);
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 600);
const LESSON = 'kim-russie';
const TOKEN = 'fuzz-token-0123456789abcdefghijklmnopqrstuvwxyz';

/** Codes a schema-valid input may still earn from the services (wrong ids, wrong paragraph, locked teacher area). */
const DOMAIN_CODES = ['not_found', 'conflict', 'invalid_input', 'unauthorized'];
/** What a message must never look like: a stack frame, a source location, a Node internal, an error class dump. */
const STACK_LIKE = [/\n\s*at\s/, /\bat\s+\S+\s+\(.*:\d+:\d+\)/, /node:internal/, /\.(?:ts|js|mjs|cjs):\d+/, /\b(?:TypeError|RangeError|ReferenceError|SyntaxError):/];

// ---- what happened, for the closing line ----

interface Tally {
  cases: number;
  refused: number;
  valid: number;
  ok: number;
}
const tallies = new Map<CallName, Tally>(CALL_NAMES.map((name) => [name, { cases: 0, refused: 0, valid: 0, ok: 0 }]));
const validCodes = new Map<string, number>();
let longestMessage = 0;
let longestMessageCall = '';
const unhandled: unknown[] = [];
const logged: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

// Any promise the backend or the server forgets to handle would land here; the tests below assert none did.
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

// ---- nasty values ----

const HUGE = 'x'.repeat(1_000_000);
const HUGE_UNICODE = 'é🇫🇷\u202e'.repeat(100_000);

function ownKey<T extends object>(target: T, key: string, value: unknown): T {
  // defineProperty, not assignment: "__proto__" must become an own, enumerable key as JSON.parse makes it.
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function deeplyNested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf');

const pollutingObject = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  () => JSON.parse('{"__proto__": {"__proto__": {"polluted": "yes"}}}') as unknown,
  () => ownKey({}, '__proto__', { toString: 'polluted', valueOf: 'polluted' }),
).map((make) => make());

/** Values that are wrong for almost any field (the schema decides; a few are right for some fields). */
const nastyShallow: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -0, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 31), 2 ** 32, 10_000_001),
  fc.double(),
  fc.integer({ min: -1_000_000_000, max: -1 }),
  fc.bigInt(),
  fc.constantFrom<unknown>('', ' ', '\u0000', '\uD800', '\u202e', '../../etc/passwd', '0', 'true', 'null', '{}', '%00', 'DROP TABLE learners;--', "'; --"),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.boolean(),
  fc.constantFrom<unknown>(null, undefined, [], {}, new Date(0), new Date(NaN), new Map([['a', 1]]), new Set([1]), new Uint8Array(4), Object.create(null)),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  pollutingObject,
);

/** The shallow ones, plus megabyte strings and values nested thousands deep. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyShallow, weight: 8 },
  { arbitrary: fc.constantFrom<unknown>(HUGE, HUGE_UNICODE), weight: 1 },
  { arbitrary: fc.constantFrom(200, 5_000).map((depth) => deeplyNested(depth, depth > 1000)), weight: 1 },
);

/** fc.anything with everything a structured clone (IPC) or JSON (HTTP) could carry, and then some. */
const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

// ---- valid values, per field name of the contract ----

interface World {
  learner: Learner;
  attempt: AttemptView;
  lesson: LessonView;
  /** A real teacher session, so the calls behind the PIN are reached too. */
  teacherToken: string;
  /** A real results file (results:export of the fuzz learner), for the importer to be fed mutations of. */
  resultsFile: unknown;
}

/** Calls that must not get the real teacher token: they would delete the fuzz learner or end the session. */
const NO_REAL_TEACHER_TOKEN: readonly CallName[] = ['learners:delete', 'teacher:lock'];

/** A JSON value with a few random edits: a field dropped, replaced by a nasty value, or its array doubled. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const collect = (value: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(value)) value.slice(0, 5).forEach((item, i) => collect(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
  };
  collect(base, []);
  const edit = fc.record({ at: fc.nat({ max: paths.length - 1 }), op: fc.constantFrom('drop', 'replace', 'double', 'huge'), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyShallow) });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    for (const { at, op, value } of edits) {
      const path = paths[at] as (string | number)[];
      if (path.length === 0) continue;
      let parent: Record<string | number, unknown> | undefined = copy;
      for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown> | undefined;
      const key = path.at(-1) as string | number;
      if (!parent || typeof parent !== 'object') continue;
      if (op === 'drop') delete parent[key];
      else if (op === 'double' && Array.isArray(parent[key])) parent[key] = [...(parent[key] as unknown[]), ...(parent[key] as unknown[])];
      else if (op === 'huge') parent[key] = 'ÿ'.repeat(100_000);
      else parent[key] = value;
    }
    return copy;
  });
}

const uuid = fc.uuid({ version: 4 });
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);

function answerFor(world: World): fc.Arbitrary<unknown> {
  const ids = fc.oneof(kebab, fc.constantFrom(...world.attempt.questions.flatMap(optionIdsOf)));
  const text = fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom('sept jours', 'Sept  Jours.', 'sèpt jours', 'Vladivostok', 'blindé'));
  return fc.oneof(
    fc.record({ type: fc.constant('single'), choice: ids }),
    fc.record({ type: fc.constant('multiple'), choices: fc.array(ids, { maxLength: 16 }) }),
    fc.record({ type: fc.constant('true-false'), value: fc.boolean() }),
    fc.record({ type: fc.constant('short-answer'), text }),
    fc.record({ type: fc.constant('cloze'), mode: fc.constant('typed'), text }),
    fc.record({ type: fc.constant('cloze'), mode: fc.constant('choice'), choice: ids }),
    fc.dictionary(ids, ids, { maxKeys: 8 }).map((pairs) => ({ type: 'matching', pairs })),
    fc.array(ids, { maxLength: 16 }).map((order) => ({ type: 'ordering', order })),
  );
}

function optionIdsOf(question: AttemptView['questions'][number]): string[] {
  const q = question as unknown as Record<string, { id: string }[] | undefined>;
  return [...(q.options ?? []), ...(q.left ?? []), ...(q.right ?? []), ...(q.items ?? [])].map((o) => o.id);
}

function validFields(world: World): Record<string, fc.Arbitrary<unknown>> {
  const tokens = world.lesson.paragraphs.flatMap((p) => p.tokens.map((t) => ({ token: t.i, paragraph: p.index })));
  const lastToken = tokens.length - 1;
  return {
    learnerId: fc.oneof({ arbitrary: fc.constant(world.learner.id), weight: 3 }, { arbitrary: uuid, weight: 1 }),
    attemptId: fc.oneof({ arbitrary: fc.constant(world.attempt.id), weight: 3 }, { arbitrary: uuid, weight: 1 }),
    lessonId: fc.oneof({ arbitrary: fc.constant(LESSON), weight: 3 }, { arbitrary: fc.stringMatching(/^[a-z0-9-]{1,64}$/), weight: 1 }),
    token: fc.oneof(fc.integer({ min: 0, max: lastToken + 5 }), fc.integer({ min: 0, max: 10_000_000 })),
    paragraph: fc.oneof(fc.integer({ min: 0, max: world.lesson.paragraphs.length }), fc.integer({ min: 0, max: 10_000_000 })),
    first: fc.oneof(fc.integer({ min: 0, max: lastToken + 5 }), fc.integer({ min: 0, max: 10_000_000 })),
    last: fc.oneof(fc.integer({ min: 0, max: lastToken + 5 }), fc.integer({ min: 0, max: 10_000_000 })),
    status: fc.constantFrom(...WORD_STATUSES),
    seconds: fc.integer({ min: 1, max: 3600 }),
    settings: fc.record({
      theme: fc.constantFrom(...THEMES),
      fontSize: fc.integer({ min: 14, max: 36 }),
      lineHeight: fc.double({ min: 1.2, max: 2.4, noNaN: true }),
      dyslexicFont: fc.boolean(),
      interlinear: fc.constantFrom('off', 'all', 'unknown'),
      speech: fc.boolean(),
    }),
    kind: fc.constantFrom('comprehension', 'vocabulary'),
    questionId: fc.oneof(fc.constantFrom(...world.attempt.questions.map((q) => q.id)), kebab),
    answer: answerFor(world),
    timeMs: fc.integer({ min: 0, max: 24 * 3600 * 1000 }),
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('Zoé', 'ÉLODIE', 'élodie', '  Ana  ', 'Ana', '李')),
    teacherToken: fc.stringMatching(/^[\w-]{20,100}$/),
    pin: fc.stringMatching(PIN_FORMAT),
    recoveryCode: fc.oneof(fc.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/), fc.string({ maxLength: 60 })),
    lemma: fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom('dormir', 'retenir', 'la', 'Kim')),
    rating: fc.constantFrom(...REVIEW_RATINGS),
    report: fc.constantFrom('class', 'attempts', 'learner'),
    format: fc.constantFrom('csv', 'pdf', 'json'),
    sameName: fc.constantFrom('merge', 'keep-both'),
    fileName: fc.oneof(fc.constantFrom('results.json', '../../etc/passwd', 'C:\\x.json', ' a '), fc.string({ minLength: 1, maxLength: 255 })),
    content: fc.oneof(
      { arbitrary: mutated(world.resultsFile).map((file) => JSON.stringify(file, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? ''), weight: 4 },
      { arbitrary: fc.constant(JSON.stringify(world.resultsFile)), weight: 1 },
      { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((x) => JSON.stringify(x)), weight: 1 },
    ),
  };
}

type QuestionView = AttemptView['questions'][number];

/** An answer of the right type for a question, made of its own option, pair or item ids. */
function fittingAnswer(question: QuestionView): fc.Arbitrary<unknown> {
  const q = question as unknown as { type: string; mode?: string; options?: { id: string }[]; left?: { id: string }[]; right?: { id: string }[]; items?: { id: string }[] };
  const ids = (list: { id: string }[] | undefined): string[] => (list ?? []).map((o) => o.id);
  const text = fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom('sept jours', 'Sept  Jours.', 'une semaine', 'blindé', 'Vladivostok'));
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...ids(q.options)).map((choice) => ({ type: 'single', choice }));
    case 'multiple':
      return fc.subarray(ids(q.options)).map((choices) => ({ type: 'multiple', choices }));
    case 'true-false':
      return fc.boolean().map((value) => ({ type: 'true-false', value }));
    case 'short-answer':
      return text.map((t) => ({ type: 'short-answer', text: t }));
    case 'cloze':
      return q.mode === 'typed' ? text.map((t) => ({ type: 'cloze', mode: 'typed', text: t })) : fc.constantFrom(...ids(q.options)).map((choice) => ({ type: 'cloze', mode: 'choice', choice }));
    case 'matching':
      return fc
        .array(fc.tuple(fc.constantFrom(...ids(q.left)), fc.constantFrom(...ids(q.right))), { maxLength: ids(q.left).length })
        .map((pairs) => ({ type: 'matching', pairs: Object.fromEntries(pairs) }));
    case 'ordering':
      return fc.shuffledSubarray(ids(q.items), { minLength: ids(q.items).length }).map((order) => ({ type: 'ordering', order }));
    default:
      return fc.constant({ type: q.type });
  }
}

/** Valid inputs that also make sense together (a word and its own paragraph, an answer that fits its question). */
function coherent(name: CallName, world: World, valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> | undefined {
  const words = world.lesson.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss).map((t) => ({ token: t.i, paragraph: p.index, lemma: t.gloss?.lemma ?? '' })));
  switch (name) {
    case 'reading:lookup':
    case 'reading:setStatus':
    case 'reading:savePosition':
      return fc.tuple(valid, fc.constantFrom(...words)).map(([input, word]) => ({
        ...input,
        learnerId: world.learner.id,
        lessonId: LESSON,
        token: word.token,
        ...('paragraph' in input ? { paragraph: word.paragraph } : {}),
      }));
    case 'quiz:answer':
      return fc
        .constantFrom(...world.attempt.questions)
        .chain((question) => fittingAnswer(question).map((answer) => ({ questionId: question.id, answer })))
        .chain((qa) => fc.integer({ min: 0, max: 600_000 }).map((timeMs) => ({ learnerId: world.learner.id, attemptId: world.attempt.id, ...qa, timeMs })));
    case 'review:addPhrase':
      // A few words on from one word: often a phrase of one sentence, sometimes across sentences (refused).
      return fc.tuple(valid, fc.integer({ min: 0, max: words.length - 2 }), fc.integer({ min: 1, max: 4 })).map(([input, i, more]) => ({
        ...input,
        learnerId: world.learner.id,
        lessonId: LESSON,
        first: words[i]!.token,
        last: words[Math.min(i + more, words.length - 1)]!.token,
      }));
    case 'review:grade':
      return fc.tuple(valid, fc.constantFrom(...words)).map(([input, word]) => ({ ...input, learnerId: world.learner.id, lemma: word.lemma }));
    default:
      return undefined;
  }
}

/** The valid generators for one call: the real teacher token where it is harmless. */
function fieldsFor(name: CallName, world: World, fields: Record<string, fc.Arbitrary<unknown>>): Record<string, fc.Arbitrary<unknown>> {
  if (NO_REAL_TEACHER_TOKEN.includes(name)) return fields;
  return { ...fields, teacherToken: fc.oneof({ arbitrary: fc.constant(world.teacherToken), weight: 3 }, { arbitrary: fields.teacherToken as fc.Arbitrary<unknown>, weight: 1 }) };
}

/** The keys of a call's input object, read from its valibot schema (optional(strictObject) or strictObject). */
function keysOf(name: CallName): string[] {
  let schema = contract[name].input as unknown as { type: string; wrapped?: unknown; entries?: Record<string, unknown> };
  if (schema.type === 'optional') schema = schema.wrapped as typeof schema;
  if (schema.type !== 'strict_object' || !schema.entries) throw new Error(`${name}: the fuzzer expects a strictObject input, got ${schema.type}`);
  return Object.keys(schema.entries);
}

function validInput(name: CallName, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const keys = keysOf(name);
  return fc.record(Object.fromEntries(keys.map((key) => [key, fields[key] as fc.Arbitrary<unknown>])));
}

/** Every kind of wrong input for one call, plus some valid ones so the services behind it are reached too. */
function inputsFor(name: CallName, world: World, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = keysOf(name);
  const valid = validInput(name, fields);
  const strategies: fc.WeightedArbitrary<unknown>[] = [
    // 1. anything at all, as the whole input
    { arbitrary: anything, weight: 3 },
    // 2. a nasty value as the whole input
    { arbitrary: nasty, weight: 2 },
    // 3. an otherwise valid input with one extra key, often one that pollutes prototypes
    {
      arbitrary: fc
        .tuple(valid, fc.oneof(pollutingKey, fc.string({ maxLength: 20 }), fc.constant(HUGE)), fc.oneof(nasty, pollutingObject))
        .filter(([input, key]) => !keys.includes(key) && !Object.hasOwn(input, key))
        .map(([input, key, value]) => ownKey({ ...input }, key, value)),
      weight: 3,
    },
    // 4. a valid input with the whole thing nested one level deeper, or wrapped in an array
    { arbitrary: valid.chain((input) => fc.constantFrom<unknown>([input], { input }, JSON.stringify(input))), weight: 1 },
    // 5. a deeply nested value
    { arbitrary: fc.constantFrom(500, 10_000).map((depth) => deeplyNested(depth, depth < 1000)), weight: 1 },
  ];
  if (keys.length > 0) {
    strategies.push(
      // 6. the right keys, every value of a wrong type
      { arbitrary: fc.record(Object.fromEntries(keys.map((key) => [key, nasty]))), weight: 3 },
      // 7. a valid input with one field replaced by a nasty value
      {
        arbitrary: fc.tuple(valid, fc.constantFrom(...keys), nasty).map(([input, key, value]) => ownKey({ ...input }, key, value)),
        weight: 4,
      },
      // 8. a valid input with one field missing
      {
        arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([input, key]) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== key))),
        weight: 1,
      },
      // 9. valid by schema: reaches the services with random ids, tokens, answers
      { arbitrary: valid, weight: 3 },
    );
    // 10. valid and coherent: a real word in its paragraph, an answer that fits its question
    const sensible = coherent(name, world, valid);
    if (sensible) strategies.push({ arbitrary: sensible, weight: 3 });
  } else {
    strategies.push({ arbitrary: fc.constantFrom<unknown>(undefined, {}), weight: 1 });
  }
  return fc.oneof(...strategies);
}

function expectCleanMessage(message: unknown, context: string): void {
  expect(typeof message, context).toBe('string');
  expect((message as string).length, context).toBeGreaterThan(0);
  for (const pattern of STACK_LIKE) expect(message, `${context}: message looks like a stack or source location`).not.toMatch(pattern);
  if ((message as string).length > longestMessage) {
    longestMessage = (message as string).length;
    longestMessageCall = context.split(' ')[0] ?? '';
  }
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined ? String(input) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}

// ---- the backend ----

describe('contract fuzzing: backend.call', () => {
  let dataDir: string;
  let backend: Backend;
  let world: World;
  let fields: Record<string, fc.Arbitrary<unknown>>;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    dataDir = makeTempDir('liseuse-fuzz-');
    backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0.0.0-fuzz', logError: (e) => logged.push(e) });
    const learner = (await backend.call('learners:create', { name: 'Fuzz' })) as Result<Learner>;
    if (!learner.ok) throw new Error(learner.error.message);
    const lesson = (await backend.call('lessons:get', { lessonId: LESSON })) as Result<LessonWire>;
    if (!lesson.ok) throw new Error(lesson.error.message);
    const view = unpackLesson(lesson.value);
    const attempt = (await backend.call('quiz:start', { learnerId: learner.value.id, lessonId: LESSON, kind: 'comprehension' })) as Result<AttemptView>;
    if (!attempt.ok) throw new Error(attempt.error.message);
    const session = (await backend.call('teacher:setPin', { pin: '246813' })) as Result<{ teacherToken: string }>;
    if (!session.ok) throw new Error(session.error.message);
    // Some history for the results file: a look-up, a status, an answer.
    const word = view.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss).map((t) => ({ token: t.i, paragraph: p.index })))[0];
    await backend.call('reading:lookup', { learnerId: learner.value.id, lessonId: LESSON, ...word });
    await backend.call('reading:setStatus', { learnerId: learner.value.id, lessonId: LESSON, token: word?.token, status: 'learning' });
    const question = attempt.value.questions.find((q) => q.type === 'true-false');
    await backend.call('quiz:answer', { learnerId: learner.value.id, attemptId: attempt.value.id, questionId: question?.id, answer: { type: 'true-false', value: true }, timeMs: 5 });
    const exported = (await backend.call('results:export', { learnerId: learner.value.id })) as Result<{ download?: { base64: string } }>;
    if (!exported.ok || !exported.value.download) throw new Error(`results:export: ${JSON.stringify(exported).slice(0, 200)}`);
    const resultsFile = JSON.parse(Buffer.from(exported.value.download.base64, 'base64').toString('utf8')) as unknown;
    world = { learner: learner.value, lesson: view, attempt: attempt.value, teacherToken: session.value.teacherToken, resultsFile };
    fields = validFields(world);
  });

  afterAll(() => {
    backend?.close();
    removeTempDir(dataDir);
    const all = [...tallies.values()];
    const total = all.reduce((sum, t) => sum + t.cases, 0);
    console.log(
      `contract fuzz: ${total} backend.call cases over ${CALL_NAMES.length} calls (min ${Math.min(...all.map((t) => t.cases))} per call); ` +
        `${all.reduce((s, t) => s + t.refused, 0)} refused by schema as invalid_input, ${all.reduce((s, t) => s + t.valid, 0)} valid by schema ` +
        `(${[...validCodes].map(([code, n]) => `${code}×${n}`).join(' ')}); longest error message ${longestMessage} chars (${longestMessageCall}); unhandled rejections ${unhandled.length}`,
    );
    if (process.env.FUZZ_VERBOSE) for (const [name, t] of tallies) console.log(`  ${name}: ${t.cases} cases, ${t.refused} refused by schema, ${t.valid} valid (${t.ok} ok)`);
  });

  it('every field of every call has a valid generator (a new call or field needs one here)', () => {
    for (const name of CALL_NAMES) for (const key of keysOf(name)) expect(fields[key], `${name}.${key}`).toBeDefined();
  });

  it.each(CALL_NAMES)(`%s: ${RUNS_PER_CALL} wrong and odd inputs give typed errors, never a throw`, async (name) => {
    const schema = contract[name].input;
    const tally = tallies.get(name) as Tally;
    await fc.assert(
      fc.asyncProperty(inputsFor(name, world, fieldsFor(name, world, fields)), async (input) => {
        const context = `${name} ${describeInput(input)}`;
        const validBySchema = v.safeParse(schema, input).success;
        let result: Result<unknown>;
        try {
          result = await backend.call(name, input);
        } catch (error) {
          throw new Error(`${context}: backend.call threw ${String(error)}`, { cause: error });
        }
        tally.cases++;
        expect(() => JSON.stringify(result), `${context}: result must serialise`).not.toThrow();
        if (!validBySchema) {
          tally.refused++;
          expect(result.ok, context).toBe(false);
          if (!result.ok) {
            expect(result.error.code, context).toBe('invalid_input');
            expectCleanMessage(result.error.message, context);
            expect(result.error.message.length, `${context}: a schema refusal quotes at most a little of the input`).toBeLessThan(1000);
          }
        } else {
          tally.valid++;
          const code = result.ok ? 'ok' : result.error.code;
          validCodes.set(code, (validCodes.get(code) ?? 0) + 1);
          if (result.ok) tally.ok++;
          else {
            expect(DOMAIN_CODES, `${context}: ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
            expectCleanMessage(result.error.message, context);
          }
        }
        expect(Object.keys(result).sort(), context).toEqual(result.ok ? ['ok', 'value'] : ['error', 'ok']);
        expect(logged, `${context}: reached the unexpected-failure log`).toEqual([]);
        expect(({} as Record<string, unknown>).polluted, `${context}: polluted Object.prototype`).toBeUndefined();
      }),
      { numRuns: RUNS_PER_CALL },
    );
    // Still usable: a read and a write with valid input succeed after the storm.
    const state = await backend.call('reading:state', { learnerId: world.learner.id, lessonId: LESSON });
    expect(state.ok).toBe(true);
    const addTime = await backend.call('reading:addTime', { learnerId: world.learner.id, lessonId: LESSON, seconds: 1 });
    expect(addTime).toMatchObject({ ok: true });
    expect(tally.cases).toBeGreaterThanOrEqual(RUNS_PER_CALL);
  }, 120_000);

  it('afterwards: no unhandled rejection, no unexpected failure logged, Object.prototype untouched, database sound', async () => {
    expect(unhandled).toEqual([]);
    expect(logged).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(backend.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backend.db.pragma('foreign_key_check')).toEqual([]);
    const created = await backend.call('learners:create', { name: 'After the fuzz' });
    expect(created).toMatchObject({ ok: true, value: { name: 'After the fuzz' } });
    // However they got in (learners:create, learners:rename, results:import), learners keep names the contract allows.
    const learners = (await backend.call('learners:list', {})) as Result<Learner[]>;
    expect(learners.ok).toBe(true);
    for (const learner of learners.ok ? learners.value : []) {
      expect(v.safeParse(contract['learners:create'].input, { name: learner.name }).success, `learner name ${describeInput(learner.name)}`).toBe(true);
      expect(learner.name, 'learner names are stored trimmed').toBe(learner.name.trim());
      expect(learner.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

/** valibot quotes a refused value whole ("… but received …"): the backend clips each issue, so a megabyte of input never comes back. */
describe('contract boundary: error message size', () => {
  it('an invalid_input message stays under 1000 characters whatever the input', async () => {
    const dataDir = makeTempDir('liseuse-fuzz-msg-');
    const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0', logError: () => {} });
    try {
      const result = await backend.call('learners:create', ownKey({ name: 'Ana' }, 'k'.repeat(100_000), 1));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeLessThan(1000);
    } finally {
      backend.close();
      removeTempDir(dataDir);
    }
  });
});

/** A results file is input too: what it carries must meet the same rules as the calls that make the same rows. */
describe('contract boundary: results:import holds files to the contract', () => {
  async function withImport(run: (importFile: (edit: (file: Record<string, unknown>) => void) => Promise<Result<unknown>>, backend: Backend) => Promise<void>): Promise<void> {
    const dataDir = makeTempDir('liseuse-fuzz-import-');
    const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0', logError: () => {} });
    try {
      const ana = (await backend.call('learners:create', { name: 'Ana' })) as Result<Learner>;
      const session = (await backend.call('teacher:setPin', { pin: '246813' })) as Result<{ teacherToken: string }>;
      const exported = (await backend.call('results:export', { learnerId: ana.ok ? ana.value.id : '' })) as Result<{ download: { base64: string } }>;
      if (!ana.ok || !session.ok || !exported.ok) throw new Error('setup failed');
      const file = JSON.parse(Buffer.from(exported.value.download.base64, 'base64').toString('utf8')) as Record<string, unknown>;
      await run(async (edit) => {
        const copy = structuredClone(file);
        edit(copy);
        return backend.call('results:import', { teacherToken: session.value.teacherToken, fileName: 'results.json', content: JSON.stringify(copy) });
      }, backend);
    } finally {
      backend.close();
      removeTempDir(dataDir);
    }
  }

  // Found by this suite: a results file could once bring in names that learners:create refuses.
  it.each(['Bob\u0000', '\u202eevil', 'Zoé\u200b'])('a learner name with control or format characters (%j) is refused, as learners:create refuses it', async (name) => {
    await withImport(async (importFile) => {
      const result = await importFile((file) => {
        file.learner = { ...(file.learner as object), id: '11111111-1111-4111-8111-111111111111', name };
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });

  // Found by this suite: a refusal once quoted the file's bad value whole (100 KB back).
  it('a refused file is named with a short reason, not quoted back', async () => {
    await withImport(async (importFile) => {
      const result = await importFile((file) => {
        file.learner = { ...(file.learner as object), createdAt: 'ÿ'.repeat(100_000) };
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeLessThan(1000);
    });
  });
});

/**
 * Generated results files, as a forger or a broken disk would make them: malformed (random edits of a real file),
 * oversized, forged (full marks, finished, another learner's or this computer's ids, impossible reading time,
 * unknown questions and lessons) and poisoned (answers and question lists of the wrong shape). The oracle: a file
 * is refused by name, or what it wrote is exactly what grade() gives; attempts taken here never change; every
 * report still answers.
 */
describe('contract boundary: generated results files', () => {
  const RUNS = Number(process.env.FUZZ_FILE_RUNS ?? 120);

  it(`${RUNS} malformed, oversized, forged and poisoned files: refused by name, or imported regraded`, { timeout: 240_000 }, async () => {
    const root = makeTempDir('liseuse-fuzz-files-');
    const lessonsDir = resolve('resources/lessons');
    const home = createBackend({ dataDir: join(root, 'home'), lessonsDir, mode: 'browser', version: '0', logError: () => {} });
    const school = createBackend({ dataDir: join(root, 'school'), lessonsDir, mode: 'browser', version: '0', logError: (e) => logged.push(e) });
    const ok = async <T>(result: Promise<Result<unknown>>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    try {
      const quiz = new LessonStore(lessonsDir).quiz(LESSON);
      const byId = new Map(quiz.questions.map((q) => [q.id, q]));
      const ana = await ok<Learner>(home.call('learners:create', { name: 'Ana' }));
      const attempt = await ok<AttemptView>(home.call('quiz:start', { learnerId: ana.id, lessonId: LESSON, kind: 'comprehension' }));
      for (const question of attempt.questions.slice(0, 6)) {
        const answer = fc.sample(fittingAnswer(question), { numRuns: 1, seed: 7 })[0];
        await ok(home.call('quiz:answer', { learnerId: ana.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 1000 }));
      }
      const { teacherToken } = await ok<{ teacherToken: string }>(school.call('teacher:setPin', { pin: '246813' }));
      const bea = await ok<Learner>(school.call('learners:create', { name: 'Bea' }));
      const local = await ok<AttemptView>(school.call('quiz:start', { learnerId: bea.id, lessonId: LESSON, kind: 'comprehension' }));
      const exported = await ok<{ download: { base64: string } }>(home.call('results:export', { learnerId: ana.id }));
      const base = JSON.parse(Buffer.from(exported.download.base64, 'base64').toString('utf8')) as { attempts: Record<string, unknown>[]; learner: Record<string, unknown>; reading: Record<string, unknown>[] };
      const outcomes = { imported: 0, asked: 0, refused: 0 };
      const localRows = (): unknown => school.db.prepare('SELECT a.*, (SELECT json_group_array(q.id) FROM quiz_answers q WHERE q.attempt_id = a.id) AS answers FROM quiz_attempts a WHERE a.source IS NULL ORDER BY a.id').all();
      const before = localRows();

      const edit = (change: (file: typeof base) => void): typeof base => {
        const copy = structuredClone(base);
        change(copy);
        return copy;
      };
      const answersOf = (file: typeof base) => (file.attempts[0]?.answers ?? []) as Record<string, unknown>[];
      const forged = fc.oneof(
        fc.constant(edit((f) => answersOf(f).forEach((a) => Object.assign(a, { score: 1, verdict: 'correct' })))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { finishedAt: '2026-01-01T10:00:00.000Z', score: 1 }))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { id: local.id }))),
        fc.constant(edit((f) => Object.assign(f.learner, { id: bea.id, name: 'Bea' }))),
        fc.constant(edit((f) => { Object.assign(f.learner, { id: bea.id }); Object.assign(f.attempts[0]!, { id: local.id, finishedAt: '2026-01-01T10:00:00.000Z', score: 1 }); })),
        fc.integer({ min: 0, max: 100_000_000 }).map((seconds) => edit((f) => f.reading.forEach((r) => (r.secondsRead = seconds)))),
        kebab.map((id) => edit((f) => answersOf(f).forEach((a) => (a.questionId = id)))),
        kebab.map((id) => edit((f) => f.attempts.forEach((a) => (a.lessonId = id)))),
        fc.uuid().map((id) => edit((f) => Object.assign(f.learner, { id }))),
        fc.uuid({ version: 4 }).map((id) => edit((f) => Object.assign(f.learner, { id, name: 'Bea' }))),
      );
      const poisoned = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((x) => edit((f) => answersOf(f).forEach((a) => (a.answer = JSON.stringify(x))))),
        fc.string({ maxLength: 40 }).map((x) => edit((f) => answersOf(f).forEach((a) => (a.answer = x)))),
        fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }).map((x) => JSON.stringify(x))).map((x) => edit((f) => (f.attempts[0]!.questions = x))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { kind: 'vocabulary' }))),
      );
      const oversized = fc.constantFrom('x', 'é', '\\n').map((unit) => JSON.stringify(base).replace('"learner":', `"pad":"${unit.repeat(Math.ceil((MAX_RESULT_BYTES + 1) / unit.length))}","learner":`));
      const files = fc.oneof(
        { arbitrary: mutated(base).map((x) => JSON.stringify(x, (_k, y: unknown) => (typeof y === 'bigint' ? Number(y) : y)) ?? ''), weight: 3 },
        { arbitrary: forged.map((x) => JSON.stringify(x)), weight: 3 },
        { arbitrary: poisoned.map((x) => JSON.stringify(x)), weight: 2 },
        { arbitrary: oversized, weight: 1 },
      );

      await fc.assert(
        fc.asyncProperty(files, fc.constantFrom(undefined, 'merge', 'keep-both'), async (content, sameName) => {
          const result = await school.call('results:import', { teacherToken, fileName: 'gen.json', content, ...(sameName ? { sameName } : {}) });
          outcomes[result.ok ? ('needsDecision' in (result.value as object) ? 'asked' : 'imported') : 'refused']++;
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_input');
            expect(result.error.message).toMatch(/^gen\.json: |^content: A results file is at most/);
          }
          expect(localRows()).toEqual(before);
          const stored = school.db.prepare(`SELECT q.question_id, q.answer, q.score, q.verdict FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.source IS NOT NULL AND a.kind = 'comprehension'`).all() as { question_id: string; answer: string; score: number; verdict: string }[];
          for (const row of stored) {
            const question = byId.get(row.question_id);
            const answer = readAnswer(row.answer);
            expect(question && answer, row.question_id).toBeTruthy();
            if (question && answer) expect({ score: row.score, verdict: row.verdict }).toEqual({ score: grade(question, answer).score, verdict: grade(question, answer).verdict });
          }
          for (const learner of await ok<Learner[]>(school.call('learners:list', {}))) {
            await ok(school.call('reports:learner', { teacherToken, lessonId: LESSON, learnerId: learner.id }));
            await ok(school.call('quiz:overview', { learnerId: learner.id, lessonId: LESSON }));
          }
          await ok(school.call('reports:class', { teacherToken, lessonId: LESSON }));
        }),
        { numRuns: RUNS },
      );
      console.log(`results-file fuzz: ${RUNS} generated files: ${outcomes.imported} imported (regraded), ${outcomes.asked} asked about a same-name learner, ${outcomes.refused} refused by name`);
    } finally {
      home.close();
      school.close();
      removeTempDir(root);
    }
  });
});

// ---- the HTTP layer ----

interface Reply {
  status: number;
  body: string;
}

describe('contract fuzzing: browser-mode HTTP server', () => {
  let root: string;
  let backend: Backend;
  let running: RunningServer;
  let requests = 0;
  let rawSockets = 0;
  const statuses = new Map<number, number>();

  function send(method: string, path: string, headers: Record<string, string | string[]>, body: Buffer | undefined, chunked: boolean): Promise<Reply> {
    return new Promise((done, fail) => {
      let replied = false;
      const outgoing = httpRequest({ host: '127.0.0.1', port: running.port, method, path, headers, agent: false }, (res) => {
        replied = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      });
      // The server may answer 413 and close before it has read a large body.
      outgoing.on('error', (error) => (replied ? undefined : fail(error)));
      if (body) {
        if (chunked) for (let i = 0; i < body.length; i += 16 * 1024) outgoing.write(body.subarray(i, i + 16 * 1024));
        else outgoing.write(body);
      }
      outgoing.end();
    });
  }

  const alive = async (): Promise<void> => {
    const reply = await send('POST', '/api/app:info', { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, Buffer.from('{}'), false);
    expect(reply.status).toBe(200);
  };

  beforeAll(async () => {
    root = makeTempDir('liseuse-http-fuzz-');
    mkdirSync(join(root, 'static'), { recursive: true });
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>fuzz</title>');
    backend = createBackend({ dataDir: join(root, 'data'), lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0.0.0-fuzz', logError: (e) => logged.push(e) });
    running = await startServer({ backend, staticDir: join(root, 'static'), token: TOKEN });
  });

  afterAll(async () => {
    await running?.close();
    backend?.close();
    removeTempDir(root);
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`HTTP fuzz: ${requests} requests to /api/* (statuses ${byStatus}) and ${rawSockets} raw-byte connections; server stayed up`);
  });

  const pathArb = fc.oneof(
    { arbitrary: fc.constantFrom(...CALL_NAMES).map((name) => `/api/${name}`), weight: 5 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `/api/${encodeURIComponent(s)}`), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '/api/',
        '/api/%E0%A4%A',
        '/api/%00',
        '/api/__proto__',
        '/api/constructor',
        '/api/toString',
        '/api/..%2f..%2fetc%2fpasswd',
        '/api/app:info?x=1#y',
        '/api/app%3Ainfo',
        '/api//app:info',
        '//api/app:info',
        `/api/${'a'.repeat(10_000)}`,
        '/api/learners:create/../app:info',
      ),
      weight: 2,
    },
  );

  const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);
  const headersArb = fc.record(
    {
      token: fc.oneof(
        { arbitrary: fc.constant<string | string[] | undefined>(TOKEN), weight: 6 },
        { arbitrary: fc.constantFrom<string | string[] | undefined>(undefined, '', `${TOKEN} `, TOKEN.toUpperCase(), [TOKEN, TOKEN]), weight: 1 },
        { arbitrary: headerValue, weight: 1 },
      ),
      type: fc.oneof(
        { arbitrary: fc.constantFrom<string | undefined>('application/json', 'application/json; charset=utf-8'), weight: 6 },
        { arbitrary: fc.constantFrom<string | undefined>(undefined, 'text/plain', 'application/jsonx', 'multipart/form-data; boundary=x', ''), weight: 1 },
        { arbitrary: headerValue, weight: 1 },
      ),
      origin: fc.oneof(
        { arbitrary: fc.constant<string | undefined>(undefined), weight: 6 },
        { arbitrary: fc.constantFrom('null', 'http://evil.example', 'http://127.0.0.1', 'SELF'), weight: 1 },
      ),
      host: fc.oneof({ arbitrary: fc.constant<string | undefined>(undefined), weight: 8 }, { arbitrary: fc.constantFrom('evil.example', 'localhost:SELF', '127.0.0.1'), weight: 1 }),
      extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue, { maxKeys: 4 }),
    },
    { requiredKeys: ['token', 'type', 'extra'] },
  );

  // Deep nesting and megabyte strings come as ready-made bodies below, not through JSON.stringify here.
  const TOO_BIG = 'x'.repeat(MAX_BODY_BYTES + 50);
  const jsonish = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), nastyShallow);
  const bodyArb = fc.oneof(
    { arbitrary: jsonish.map((value) => JSON.stringify(value, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? ''), weight: 5 },
    { arbitrary: fc.constantFrom('{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"name":"x","__proto__":{"admin":true}}'), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
    { arbitrary: fc.constantFrom('{}', '{"learnerId":"00000000-0000-4000-8000-000000000000","lessonId":"kim-russie"}', '{"name":"Ana"}'), weight: 2 },
    { arbitrary: fc.constantFrom('['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000), TOO_BIG, ''), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

  it(`${HTTP_RUNS} random requests to /api/* never get a 5xx, and the server stays up`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant('POST'), weight: 8 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'), weight: 1 }),
        pathArb,
        headersArb,
        bodyArb,
        fc.boolean(),
        async (method, path, h, rawBody, chunked) => {
          const self = `127.0.0.1:${running.port}`;
          const headers: Record<string, string | string[]> = { ...h.extra };
          if (h.token !== undefined) headers[TOKEN_HEADER] = h.token;
          if (h.type !== undefined) headers['content-type'] = h.type;
          if (h.origin !== undefined) headers.origin = h.origin.replace('SELF', `http://${self}`);
          if (h.host !== undefined) headers.host = h.host.replace('SELF', String(running.port));
          const body = rawBody === undefined ? undefined : Buffer.from(rawBody);
          const reply = await send(method, path, headers, body, chunked);
          requests++;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const context = `${method} ${path.slice(0, 80)} ${JSON.stringify(headers).slice(0, 300)} body ${body ? body.length : 'none'} → ${reply.status} ${reply.body.slice(0, 200)}`;
          expect(reply.status, context).toBeGreaterThanOrEqual(200);
          expect(reply.status, context).toBeLessThan(500);
          const wellFormed = method === 'POST' && h.token === TOKEN && h.origin === undefined && h.host === undefined && path.startsWith('/api/');
          if (wellFormed && h.type?.startsWith('application/json') && body && body.length > MAX_BODY_BYTES) expect(reply.status, context).toBe(413);
          if (method !== 'HEAD') {
            const parsed = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
            expect(typeof parsed.ok, context).toBe('boolean');
            if (!parsed.ok) expectCleanMessage(parsed.error?.message, context);
          }
          expect(logged, context).toEqual([]);
          await alive();
        },
      ),
      { numRuns: HTTP_RUNS },
    );
    expect(running.server.listening).toBe(true);
  }, 180_000);

  it('random bytes on a raw connection are answered as a client error (or dropped), and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(`POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1\r\n${s}\r\n\r\n`)),
          fc.constantFrom(
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: 10\r\nContent-Length: 2\r\n\r\n{}'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: -1\r\n\r\n'),
            Buffer.from('POST /api/app:info HTTP/1.1\r\nHost: HOST\r\nContent-Length: 99999999999999999999\r\n\r\n'),
            Buffer.from('GET /\u0000 HTTP/1.1\r\nHost: HOST\r\n\r\n'),
          ),
        ),
        async (bytes) => {
          const payload = Buffer.from(bytes.toString('latin1').replaceAll('HOST', `127.0.0.1:${running.port}`), 'latin1');
          const answer = await new Promise<string>((done) => {
            const socket = connect(running.port, '127.0.0.1', () => socket.end(payload));
            let text = '';
            socket.setTimeout(2000, () => socket.destroy());
            socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
            socket.on('close', () => done(text));
            socket.on('error', () => done(text));
          });
          rawSockets++;
          expect(answer, answer.slice(0, 200)).not.toMatch(/^HTTP\/1\.[01] 5\d\d/);
          await alive();
        },
      ),
      { numRuns: 150 },
    );
    expect(unhandled).toEqual([]);
  }, 120_000);
});
