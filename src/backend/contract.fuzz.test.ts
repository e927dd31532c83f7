// Property-based fuzzing of the contract boundary with fast-check: every call of the table gets wrong inputs of
// every kind (and some valid ones) through backend.call. The oracle is the call's own valibot schema: what it
// refuses must come back as invalid_input, what it accepts may only fail with a typed domain error. Nothing may
// throw, leak a stack or pollute a prototype. Results files are fuzzed in results-file.fuzz.test.ts, the HTTP layer
// in src/server/http.fuzz.test.ts; the arbitraries live in test/support/fuzz-values.ts.
import * as fc from 'fast-check';
import * as v from 'valibot';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../shared/contract/call-names';
import { contract, type CallName } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { Learner } from '../shared/types';
import type { AttemptView } from '../shared/contract/quiz';
import { createBackend, type Backend } from './backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { unpackLesson, type LessonWire } from '../shared/lesson-wire';
import { anything, coherent, deeplyNested, HUGE, LESSON, nasty, ownKey, pollutingKey, pollutingObject, validFields, type World } from '../../test/support/fuzz-values';
import { describeInput, watchFuzz } from '../../test/support/fuzz-oracle';

const RUNS_PER_CALL = Number(process.env.FUZZ_RUNS ?? 250);

/**
 * Codes a schema-valid input may still earn from the services (wrong ids, wrong paragraph, locked teacher area,
 * a file that cannot be a lesson's text).
 */
const DOMAIN_CODES = ['not_found', 'conflict', 'invalid_input', 'unauthorized', 'file_unsupported', 'file_empty', 'file_binary', 'file_too_large', 'file_damaged', 'file_encrypted', 'file_no_text'];

// What happened, for the closing line.
interface Tally {
  cases: number;
  refused: number;
  valid: number;
  ok: number;
}
const tallies = new Map<CallName, Tally>(CALL_NAMES.map((name) => [name, { cases: 0, refused: 0, valid: 0, ok: 0 }]));
const validCodes = new Map<string, number>();
const { unhandled, logged, longest, expectCleanMessage } = watchFuzz();

/** Calls that must not get the real teacher token: they would delete the fuzz learner or end the session. */
const NO_REAL_TEACHER_TOKEN: readonly CallName[] = ['learners:delete', 'teacher:lock'];

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
        `(${[...validCodes].map(([code, n]) => `${code}×${n}`).join(' ')}); longest error message ${longest.length} chars (${longest.call}); unhandled rejections ${unhandled.length}`,
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
