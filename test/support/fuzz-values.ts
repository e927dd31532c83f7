// The fast-check arbitraries the contract fuzzes share: values wrong for almost any field, valid values per field
// name of the contract (over a World of real ids made by the fuzz backend), and edits of a real results file.
import * as fc from 'fast-check';
import { THEMES } from '../../src/shared/contract/reading';
import { INTERFACE_LANGUAGES } from '../../src/shared/contract/fields';
import { CSV_LOCALES, QUIZ_EXPORT_FORMATS } from '../../src/shared/contract/lms';
import { WORD_STATUSES, type Learner, type LessonView } from '../../src/shared/types';
import type { AttemptView } from '../../src/shared/contract/quiz';
import type { CallName } from '../../src/shared/contract';
import { REVIEW_RATINGS } from '../../src/core/review-ratings';
import { PIN_FORMAT } from '../../src/shared/contract/teacher';

/** The shipped lesson every fuzz reads, answers and exports. */
export const LESSON = 'kim-russie';

// Nasty values.

export const HUGE = 'x'.repeat(1_000_000);
const HUGE_UNICODE = 'é🇫🇷\u202e'.repeat(100_000);

export function ownKey<T extends object>(target: T, key: string, value: unknown): T {
  // defineProperty, not assignment: "__proto__" must become an own, enumerable key as JSON.parse makes it.
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

export function deeplyNested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

export const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf');

export const pollutingObject = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  () => JSON.parse('{"__proto__": {"__proto__": {"polluted": "yes"}}}') as unknown,
  () => ownKey({}, '__proto__', { toString: 'polluted', valueOf: 'polluted' }),
).map((make) => make());

/** Values that are wrong for almost any field (the schema decides; a few are right for some fields). */
export const nastyShallow: fc.Arbitrary<unknown> = fc.oneof(
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
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyShallow, weight: 8 },
  { arbitrary: fc.constantFrom<unknown>(HUGE, HUGE_UNICODE), weight: 1 },
  { arbitrary: fc.constantFrom(200, 5_000).map((depth) => deeplyNested(depth, depth > 1000)), weight: 1 },
);

/** fc.anything with everything a structured clone (IPC) or JSON (HTTP) could carry, and then some. */
export const anything = fc.anything({
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

// Valid values, per field name of the contract.

export interface World {
  learner: Learner;
  attempt: AttemptView;
  lesson: LessonView;
  /** A real teacher session, so the calls behind the PIN are reached too. */
  teacherToken: string;
  /** A real results file (results:export of the fuzz learner), for the importer to be fed mutations of. */
  resultsFile: unknown;
}

/** A JSON value with a few random edits: a field dropped, replaced by a nasty value, or its array doubled. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
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
export const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);

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

export function validFields(world: World): Record<string, fc.Arbitrary<unknown>> {
  const tokens = world.lesson.paragraphs.flatMap((p) => p.tokens.map((t) => ({ token: t.i, paragraph: p.index })));
  const lastToken = tokens.length - 1;
  const glossTokens = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 400 }),
      gloss: fc.option(fc.record({ at: fc.integer({ min: 0, max: 400 }), form: fc.constantFrom('Kim', 'Ce', 'voyage'), entry: kebab }), { nil: null }),
      confirm: fc.constant(true as const),
    }, { requiredKeys: ['at'] }),
    { maxLength: 3 },
  );
  return {
    learnerId: fc.oneof({ arbitrary: fc.constant(world.learner.id), weight: 3 }, { arbitrary: uuid, weight: 1 }),
    attemptId: fc.oneof({ arbitrary: fc.constant(world.attempt.id), weight: 3 }, { arbitrary: uuid, weight: 1 }),
    lessonId: fc.oneof({ arbitrary: fc.constant(LESSON), weight: 3 }, { arbitrary: fc.stringMatching(/^[a-z0-9-]{1,64}$/), weight: 1 }),
    token: fc.oneof(fc.integer({ min: 0, max: lastToken + 5 }), fc.integer({ min: 0, max: 10_000_000 })),
    paragraph: fc.oneof(fc.integer({ min: 0, max: world.lesson.paragraphs.length }), fc.integer({ min: 0, max: 10_000_000 })),
    part: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000_000 })),
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
      language: fc.constantFrom(...INTERFACE_LANGUAGES),
    }, { requiredKeys: ['theme', 'fontSize', 'lineHeight', 'dyslexicFont', 'interlinear', 'speech'] }),
    language: fc.oneof(fc.constantFrom(...INTERFACE_LANGUAGES), fc.constantFrom('de', 'FR', '')),
    kind: fc.constantFrom('comprehension', 'vocabulary'),
    questionId: fc.oneof(fc.constantFrom(...world.attempt.questions.map((q) => q.id)), kebab),
    text: fc.oneof(fc.string({ minLength: 1, maxLength: 500 }), fc.constantFrom('sept', '7 jours', 'Tumen', '  ')),
    accept: fc.boolean(),
    answer: answerFor(world),
    timeMs: fc.integer({ min: 0, max: 24 * 3600 * 1000 }),
    secondTryOnNearMiss: fc.boolean(),
    shown: fc.boolean(),
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('Zoé', 'ÉLODIE', 'élodie', '  Ana  ', 'Ana', '李')),
    teacherToken: fc.stringMatching(/^[\w-]{20,100}$/),
    pin: fc.stringMatching(PIN_FORMAT),
    answerId: uuid,
    score: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
    comment: fc.string({ maxLength: 1000 }),
    recoveryCode: fc.oneof(fc.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/), fc.string({ maxLength: 60 })),
    lemma: fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom('dormir', 'retenir', 'la', 'Kim')),
    rating: fc.constantFrom(...REVIEW_RATINGS),
    report: fc.constantFrom('class', 'attempts', 'learner'),
    format: fc.constantFrom('csv', 'pdf', 'json', 'tsv', 'apkg', 'xlsx', ...QUIZ_EXPORT_FORMATS),
    csvLocale: fc.oneof(fc.constantFrom(...CSV_LOCALES), fc.constantFrom('de', '')),
    timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'Pacific/Auckland', 'America/St_Johns'),
    note: fc.oneof(fc.string({ maxLength: 520 }), fc.constantFrom('', '  ', 'a trip', '=1+1')),
    ignored: fc.boolean(),
    sameName: fc.constantFrom('merge', 'keep-both'),
    // A closed port on loopback: a valid LRS setting never sends the fuzzer's requests off this machine.
    endpoint: fc.oneof(fc.constantFrom('http://127.0.0.1:9/xapi', 'https://127.0.0.1:9/', 'lrs.school.lan', 'ftp://127.0.0.1/'), fc.string({ maxLength: 600 })),
    username: fc.oneof(fc.constantFrom('test', 'a:b', ''), fc.string({ maxLength: 250 })),
    secret: fc.oneof(fc.constantFrom('test', ''), fc.string({ maxLength: 600 })),
    namesShown: fc.boolean(),
    fileName: fc.oneof(
      fc.constantFrom('results.json', '../../etc/passwd', 'C:\\x.json', ' a ', 'texte.txt', 'page.html', 'doc.docx', 'livre.epub', 'scan.pdf'),
      fc.string({ minLength: 1, maxLength: 255 }),
    ),
    // authoring:readFile: a small file of any bytes, or a text with accents, under names of every format.
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      fc.string({ maxLength: 300 }).map((text) => Buffer.from(text).toString('base64')),
      fc.constant(Buffer.from('Le chat dort. Élève à l’école.').toString('base64')),
    ),
    chapters: fc.record({ from: fc.integer({ min: 0, max: 5 }), to: fc.integer({ min: 0, max: 5 }) }),
    // Lesson authoring: a draft's details, patches and packs (a kim-russie draft is made by editing the built-in lesson).
    title: fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('Une journée à Lyon', '  ', 'Kim')),
    titleEn: fc.string({ minLength: 1, maxLength: 200 }),
    level: fc.constantFrom('A1', 'A2', 'B1', 'B2', 'C1', 'C2'),
    summary: fc.string({ minLength: 1, maxLength: 300 }),
    source: fc.string({ minLength: 1, maxLength: 300 }),
    date: fc.constantFrom('2023-09-17', '2024-02-30', '1999-12-31'),
    authorNotes: fc.string({ minLength: 1, maxLength: 300 }),
    paragraphs: fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('Nous allons à Lyon.', 'Il est parti vers l’est.')), { minLength: 1, maxLength: 5 }),
    revision: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000_000 })),
    // authoring:glosses: the end of a range of paragraphs (its `first` is the token field's, some in the draft).
    end: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 10_000_000 })),
    generation: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000_000 })),
    takenIds: fc.array(fc.oneof(kebab, fc.string({ maxLength: 210 })), { maxLength: 5 }),
    version: fc.integer({ min: 1, max: 4 }),
    lessonVersion: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1_000_000 })),
    entries: fc.array(
      fc.record({ id: kebab, entry: fc.option(fc.record({ lemma: fc.constantFrom('aller', 'Kim'), pos: fc.constantFrom('verb', 'noun'), sense: fc.constantFrom('go', 'a name') }), { nil: null }) }),
      { maxLength: 3 },
    ),
    // Two calls share the name: word statuses take token indexes, a draft's gloss patch takes token edits.
    tokens: fc.oneof(fc.array(fc.integer({ min: 0, max: lastToken + 5 }), { minLength: 1, maxLength: 20 }), glossTokens),
    expressions: fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 400 }), end: fc.integer({ min: 0, max: 400 }), expression: fc.constant(null) }, { requiredKeys: ['start', 'end'] }),
      { maxLength: 2 },
    ),
    translations: fc.array(
      fc.record({ paragraph: fc.integer({ min: 0, max: 12 }), translation: fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.array(fc.string({ minLength: 1, maxLength: 50 }), { minLength: 1, maxLength: 3 })), { nil: null }) }),
      { maxLength: 3 },
    ),
    quiz: fc.record({ questions: fc.array(fc.dictionary(kebab, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }), { maxLength: 3 }) }),
    base64: fc.oneof(fc.base64String({ maxLength: 400 }), fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64'))),
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
export function fittingAnswer(question: QuestionView): fc.Arbitrary<unknown> {
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
    case 'open':
      return fc.string({ minLength: 1, maxLength: 200 }).filter((text) => text.trim() !== '').map((text) => ({ type: 'open', text }));
    default:
      return fc.constant({ type: q.type });
  }
}

/** Valid inputs that also make sense together (a word and its own paragraph, an answer that fits its question). */
export function coherent(name: CallName, world: World, valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> | undefined {
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
    case 'reading:setStatuses':
      return fc.tuple(valid, fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 5 })).map(([input, some]) => ({
        ...input,
        learnerId: world.learner.id,
        lessonId: LESSON,
        tokens: some.map((word) => word.token),
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
