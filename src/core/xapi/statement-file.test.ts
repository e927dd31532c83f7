// The statements Liseuse writes (its own builders), read back into the v1 results file they stand for.
import { describe, expect, it } from 'vitest';
import type { Question } from '../quiz';
import { EXTENSIONS } from './profile';
import { parseImportedFile, resultFileFromStatements, UNKNOWN_SOURCE } from './statement-file';
import { answeredStatement, attemptStatements, lookedUpStatement, readStatement, statusStatement, voidedStatement } from './statements';

const lesson = { id: 'kim-russie', title: 'Kim en Russie' };
const learner = { id: '0b7e1f5c-3d0e-4a57-9a83-7a1f2a64c001', name: 'Léa' };
const computer = '3f2a9c4e-1b7d-4c8e-9a0f-2d6b5e8c1a47';
const attemptId = '7c1f0000-0000-4000-8000-0000000000aa';
const id = (n: number): string => `7c1f0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const evidence = { paragraph: 1, quote: 'x', start: 0, end: 1, sentence: { start: 0, end: 1, index: 0 } };
const base = { prompt: 'Qui ?', promptLang: 'fr', explanation: '', explanationLang: 'en', evidence, skill: 'detail' } as const;
const matching = { ...base, id: 'pairs', type: 'matching', pairs: [{ id: 'p1', left: 'train', right: 'rail' }, { id: 'p2', left: 'avion', right: 'air' }], leftLang: 'fr', rightLang: 'en' } as unknown as Question;
const typed = { ...base, id: 'trip-length', type: 'short-answer', accepted: ['sept jours'], accentsMatter: false, answerLang: 'fr' } as unknown as Question;
const questionsOf = (lessonId: string, version: number): Question[] | undefined => (lessonId === lesson.id && version === 2 ? [matching, typed] : undefined);

const event = (n: number, at: string) => ({ id: id(n), at, learner, lesson, computer });
const quizFacts = { attemptId, kind: 'comprehension' as const, lessonVersion: 2 };
const attempt = { seed: 77, startedAt: '2026-12-01T09:59:00.000Z', questions: ['pairs', 'trip-length'] };

function leasDay(): unknown[] {
  const first = answeredStatement({ ...event(1, '2026-12-01T10:00:00.000Z'), ...quizFacts, attempt, question: matching, answer: { type: 'matching', pairs: { p1: 'p2', p2: 'p1' } }, grade: { score: 0, verdict: 'wrong' }, timeMs: 4200 });
  const second = answeredStatement({ ...event(2, '2026-12-01T10:01:00.000Z'), ...quizFacts, question: typed, answer: { type: 'short-answer', text: 'sept jour' }, grade: { score: 0, verdict: 'almost' }, timeMs: 3000 });
  // The teacher accepts "sept jour": the second answer is voided and replaced.
  const regrade = answeredStatement({ ...event(3, '2026-12-02T08:00:00.000Z'), ...quizFacts, question: typed, answer: { type: 'short-answer', text: 'sept jour' }, grade: { score: 1, verdict: 'correct' }, timeMs: 3000, replaces: id(2) });
  const [completed, verdict] = attemptStatements({ ...event(4, '2026-12-01T10:01:00.000Z'), ...quizFacts, score: 0, startedAt: attempt.startedAt }, id(5));
  const word = { lemma: 'train', paragraph: 2, token: 40 };
  return [
    readStatement({ ...event(6, '2026-12-01T09:50:00.000Z'), seconds: 300, secondsRead: 300, position: null }),
    readStatement({ ...event(7, '2026-12-01T09:55:00.000Z'), seconds: 45, secondsRead: 345, position: { paragraph: 2, token: 40 } }),
    lookedUpStatement({ ...event(8, '2026-12-01T09:56:00.000Z'), ...word, sense: 'train' }),
    statusStatement({ ...event(9, '2026-12-01T09:57:00.000Z'), ...word, status: 'known' }),
    first,
    second,
    completed,
    verdict,
    voidedStatement({ id: id(10), at: '2026-12-02T08:00:00.000Z', voids: id(2) }),
    regrade,
  ];
}

describe('parseImportedFile', () => {
  it('reads a JSON array as a statement file and anything else as a v1 file, with the v1 checks first', () => {
    expect(() => parseImportedFile('[]', questionsOf)).toThrow(/statement file that cannot be imported: it holds no statements/);
    expect(() => parseImportedFile('{"hello":"world"}', questionsOf)).toThrow(/not a Liseuse results file/);
    expect(() => parseImportedFile('[{"__proto__":{}}]', questionsOf)).toThrow(/forbidden key "__proto__"/);
  });
});

describe('resultFileFromStatements', () => {
  it('maps a learner’s statements onto the v1 shape, which the v1 schema takes', () => {
    const file = parseImportedFile(JSON.stringify(leasDay()), questionsOf);
    expect(file).toMatchObject({ source: computer, learner: { id: learner.id, name: 'Léa', createdAt: '2026-12-01T09:50:00.000Z' }, lessons: [{ id: lesson.id, title: lesson.title }] });
    expect(file.attempts).toHaveLength(1);
    const [only] = file.attempts;
    expect(only).toMatchObject({ id: attemptId, lessonId: lesson.id, lessonVersion: 2, kind: 'comprehension', seed: 77, startedAt: attempt.startedAt, finishedAt: '2026-12-01T10:01:00.000Z', questions: ['pairs', 'trip-length'] });
    // The voided answer is left out; the regrade's stands, its response read back into the answer it encodes.
    expect(only!.answers.map((a) => [a.id, a.questionId, a.answer, a.timeMs])).toEqual([
      [id(1), 'pairs', { type: 'matching', pairs: { p1: 'p2', p2: 'p1' } }, 4200],
      [id(3), 'trip-length', { type: 'short-answer', text: 'sept jour' }, 3000],
    ]);
    // 0-based paragraph in the file, as the lesson counts; the statement says 3 (1-based).
    expect(file.lookups).toEqual([{ id: id(8), lessonId: lesson.id, token: 40, paragraph: 2, lemma: 'train', at: '2026-12-01T09:56:00.000Z' }]);
    expect(file.statusChanges).toEqual([{ id: id(9), lessonId: lesson.id, token: 40, lemma: 'train', status: 'known', at: '2026-12-01T09:57:00.000Z' }]);
    expect(file.reading).toEqual([{ lessonId: lesson.id, secondsRead: 345 }]);
  });

  it('sums the reading durations when no statement carries a running total (another tool’s)', () => {
    const reads = [1, 2, 3].map((n) => {
      const statement = readStatement({ ...event(n, `2026-12-01T10:0${n}:00.000Z`), seconds: 60, secondsRead: 60 * n, position: null });
      return { ...statement, result: { duration: statement.result!.duration } };
    });
    expect(resultFileFromStatements(reads, questionsOf).reading).toEqual([{ lessonId: lesson.id, secondsRead: 180 }]);
  });

  it('gives the documented defaults to statements without the attempt and computer extensions', () => {
    const bare = leasDay().map((s) => {
      const statement = s as { context?: { extensions?: Record<string, unknown> } };
      if (!statement.context?.extensions) return s;
      const { [EXTENSIONS.attempt]: _a, [EXTENSIONS.computer]: _c, ...extensions } = statement.context.extensions;
      return { ...statement, context: { ...statement.context, extensions } };
    });
    const file = resultFileFromStatements(bare, questionsOf);
    expect(file.source).toBe(UNKNOWN_SOURCE);
    // Seed 0; started at the first answer less its 4.2 s; asking what it answers, in the order answered.
    expect(file.attempts[0]).toMatchObject({ seed: 0, startedAt: '2026-12-01T09:59:55.800Z', questions: JSON.stringify(['pairs', 'trip-length']) });
  });

  it('reads each answer against the question of its own lesson version', () => {
    // Version 1 asked "trip-length" as true or false; version 2 asks it typed.
    const asked = { ...typed, type: 'true-false', correct: true } as unknown as Question;
    const byVersion = (lessonId: string, version: number): Question[] | undefined => (lessonId !== lesson.id ? undefined : version === 1 ? [asked] : [matching, typed]);
    const earlier = answeredStatement({ ...event(30, '2026-11-01T10:00:00.000Z'), ...quizFacts, attemptId: id(31), lessonVersion: 1, question: asked, answer: { type: 'true-false', value: true }, grade: { score: 1, verdict: 'correct' }, timeMs: 1000 });
    const later = answeredStatement({ ...event(32, '2026-12-01T10:00:00.000Z'), ...quizFacts, question: typed, answer: { type: 'short-answer', text: 'sept jours' }, grade: { score: 1, verdict: 'correct' }, timeMs: 1000 });
    const file = parseImportedFile(JSON.stringify([earlier, later]), byVersion);
    expect(file.attempts.map((a) => [a.lessonVersion, a.answers.map((x) => x.answer)])).toEqual([
      [1, [{ type: 'true-false', value: true }]],
      [2, [{ type: 'short-answer', text: 'sept jours' }]],
    ]);
  });

  it('refuses two learners by name, but not the teacher who voids', () => {
    const hugo = { id: '9a9a9a9a-3d0e-4a57-9a83-7a1f2a64c002', name: 'Hugo' };
    const his = readStatement({ id: id(20), at: '2026-12-01T11:00:00.000Z', learner: hugo, lesson, seconds: 5, secondsRead: 5, position: null });
    expect(() => resultFileFromStatements([...leasDay(), his], questionsOf)).toThrow(/2 learners \(Léa \(0b7e1f5c\), Hugo \(9a9a9a9a\)\); a statement file is one learner’s/);
  });

  it('refuses an unknown verb, a question this computer does not have, a response that is no answer', () => {
    const [read] = leasDay() as { verb: { id: string } }[];
    expect(() => resultFileFromStatements([{ ...read, verb: { id: 'http://example.com/hacked' } }], questionsOf)).toThrow(/statement 1 has the verb "http:\/\/example.com\/hacked", which Liseuse does not record/);
    // This computer does not have the question the statements answer.
    expect(() => resultFileFromStatements(leasDay(), () => undefined)).toThrow(/answers question "pairs", which lesson "kim-russie" does not have/);
    const broken = leasDay().map((s) => ((s as { id: string }).id === id(1) ? { ...(s as object), result: { ...(s as { result: object }).result, response: 'p1[.]p2[.]p3' } } : s));
    expect(() => resultFileFromStatements(broken, questionsOf)).toThrow(/the response to "pairs" is not an answer to that question/);
  });
});
