// Progress aggregates against a real SQLite file: look-ups and statuses made through the contract, quiz attempts
// stored as the quiz feature stores them (ids for the comprehension quiz, whole questions for vocabulary practice).
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vocabularyPractice } from '../../core/vocabulary';
import type { Result } from '../../shared/errors';
import type { Learner, LessonView } from '../../shared/types';
import type { LearnerProgress } from '../../shared/contract/progress';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { LessonStore } from '../lesson-store';
import { unpackLesson } from '../../shared/lesson-wire';

const LESSONS = resolve('resources/lessons');
const LESSON = 'kim-russie';
const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const iso = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('progress', () => {
  let dataDir: string;
  let backend: Backend;
  let lesson: LessonView;
  let ana: Learner;
  let bruno: Learner;
  const quiz = new LessonStore(LESSONS).quiz(LESSON);

  const occurrence = (lemma: string, nth = 0): { token: number; paragraph: number } => {
    const found = lesson.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss?.lemma === lemma).map((t) => ({ token: t.i, paragraph: p.index })))[nth];
    if (!found) throw new Error(`no "${lemma}" #${nth}`);
    return found;
  };
  const lookUp = async (learner: Learner, lemma: string, nth = 0): Promise<void> => {
    value(await backend.call('reading:lookup', { learnerId: learner.id, lessonId: LESSON, ...occurrence(lemma, nth) }));
  };
  const progressOf = async (learner: Learner): Promise<LearnerProgress> => value(await backend.call('progress:get', { learnerId: learner.id }));

  /** A quiz attempt with its answers, as rows: questionId -> score. Finished when `finishedAt` is given. */
  const addAttempt = (
    learner: Learner,
    kind: 'comprehension' | 'vocabulary',
    questions: unknown[],
    scores: Record<string, number>,
    finishedAt: string | null,
  ): string => {
    const id = randomUUID();
    const values = Object.values(scores);
    const score = finishedAt ? values.reduce((a, b) => a + b, 0) / questions.length : null;
    backend.db
      .prepare('INSERT INTO quiz_attempts (id, learner_id, lesson_id, kind, seed, questions, started_at, finished_at, score) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)')
      .run(id, learner.id, LESSON, kind, JSON.stringify(questions), iso(0), finishedAt, score);
    for (const [questionId, s] of Object.entries(scores)) {
      backend.db
        .prepare('INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?, 1000, ?)')
        .run(randomUUID(), id, questionId, '{}', s, s === 1 ? 'correct' : s === 0 ? 'wrong' : 'partial', finishedAt ?? iso(0));
    }
    return id;
  };
  const comprehensionIds = quiz.questions.map((q) => q.id);
  const paragraphOfQuestion = (id: string): number => quiz.questions.find((q) => q.id === id)?.evidence.paragraph ?? -1;

  beforeEach(async () => {
    dataDir = makeTempDir('liseuse-progress-');
    backend = createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: '0', now: () => new Date(T0) });
    lesson = unpackLesson(value(await backend.call('lessons:get', { lessonId: LESSON })));
    ana = value(await backend.call('learners:create', { name: 'Ana' }));
    bruno = value(await backend.call('learners:create', { name: 'Bruno' }));
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dataDir);
  });

  it('a new learner has nothing yet', async () => {
    expect(await progressOf(ana)).toEqual({
      learner: ana,
      words: { lookedUp: 0, learning: 0, known: 0, due: 0, inReview: 0 },
      secondsRead: 0,
      attempts: [],
      trouble: [],
      teacherNotes: [],
    });
  });

  it('counts distinct lemmas looked up, words learning and known, words due, and reading time', async () => {
    await lookUp(ana, 'voyage');
    await lookUp(ana, 'voyage', 1);
    await lookUp(ana, 'voyage', 2);
    await lookUp(ana, 'retenir');
    for (const [lemma, status] of [['train', 'learning'], ['gare', 'learning'], ['voyage', 'known']] as const) {
      value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: LESSON, token: occurrence(lemma).token, status }));
    }
    value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: LESSON, seconds: 600 }));
    value(await backend.call('reading:addTime', { learnerId: ana.id, lessonId: LESSON, seconds: 95 }));
    await lookUp(bruno, 'pays');
    const { words, secondsRead } = await progressOf(ana);
    // voyage is known: not in review. retenir, train and gare are.
    expect(words).toEqual({ lookedUp: 2, learning: 2, known: 1, due: 3, inReview: 3 });
    expect(secondsRead).toBe(695);
    expect((await progressOf(bruno)).words).toEqual({ lookedUp: 1, learning: 0, known: 0, due: 1, inReview: 1 });
  });

  it('lists finished attempts of both kinds in the order they were finished, with lesson titles; unfinished ones are left out', async () => {
    const all = Object.fromEntries(comprehensionIds.map((id) => [id, 1]));
    const half = Object.fromEntries(comprehensionIds.map((id, i) => [id, i % 2]));
    const second = addAttempt(ana, 'comprehension', comprehensionIds, all, iso(30));
    const first = addAttempt(ana, 'comprehension', comprehensionIds, half, iso(10));
    addAttempt(ana, 'comprehension', comprehensionIds, { [comprehensionIds[0] as string]: 1 }, null);
    addAttempt(bruno, 'comprehension', comprehensionIds, all, iso(5));
    const { attempts } = await progressOf(ana);
    expect(attempts.map((a) => [a.id, a.kind, a.finishedAt, a.lessonTitle])).toEqual([
      [first, 'comprehension', iso(10), 'Kim Jong-un rentre de Russie'],
      [second, 'comprehension', iso(30), 'Kim Jong-un rentre de Russie'],
    ]);
    expect(attempts[0]?.score).toBeCloseTo(Math.floor(comprehensionIds.length / 2) / comprehensionIds.length);
    expect(attempts[1]?.score).toBe(1);
  });

  it('counts look-ups per paragraph and wrong answers per paragraph of their evidence, for both kinds of quiz', async () => {
    // Paragraph 1: three look-ups. Paragraph 3: one.
    await lookUp(ana, 'voyage');
    await lookUp(ana, 'retenir');
    await lookUp(ana, 'retenir');
    await lookUp(ana, 'train');
    expect(occurrence('voyage').paragraph).toBe(0);
    expect(occurrence('train').paragraph).toBe(2);

    // Comprehension: "armoured-train" (paragraph 3) wrong twice, "trip-length" (paragraph 1) partly right once.
    const [armoured, tripLength, newPage] = ['armoured-train', 'trip-length', 'new-page'];
    expect([armoured, tripLength, newPage].map((id) => paragraphOfQuestion(id as string))).toEqual([3, 1, 2]);
    addAttempt(ana, 'comprehension', comprehensionIds, { [armoured as string]: 0, [tripLength as string]: 0.5, [newPage as string]: 1 }, null);
    addAttempt(ana, 'comprehension', comprehensionIds, { [armoured as string]: 0 }, null);

    // Vocabulary practice: the paragraph comes from each stored question's evidence.
    const generated = vocabularyPractice(new LessonStore(LESSONS).get(LESSON), { seed: 7, lookedUp: [], count: 4 });
    const [wrongOne, rightOne] = generated;
    if (!wrongOne || !rightOne) throw new Error('expected generated questions');
    addAttempt(ana, 'vocabulary', generated, { [wrongOne.id]: 0, [rightOne.id]: 1 }, null);

    // Another learner's mistakes are not Ana's.
    addAttempt(bruno, 'comprehension', comprehensionIds, { [newPage as string]: 0 }, null);
    await lookUp(bruno, 'pays');

    const { trouble } = await progressOf(ana);
    const byParagraph = Object.fromEntries(trouble.map((t) => [t.paragraph, [t.lookups, t.wrongAnswers]]));
    const expected: Record<number, [number, number]> = { 1: [3, 1], 3: [1, 2] };
    const vocabularyParagraph = wrongOne.evidence.paragraph;
    const [l, w] = expected[vocabularyParagraph] ?? [0, 0];
    expected[vocabularyParagraph] = [l, w + 1];
    expect(byParagraph).toEqual(expected);
    // Most trouble first; each with the lesson and the paragraph's first words.
    const totals = trouble.map((t) => t.lookups + t.wrongAnswers);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    const first = trouble.find((t) => t.paragraph === 1);
    expect(first).toMatchObject({ lessonId: LESSON, lessonTitle: 'Kim Jong-un rentre de Russie' });
    expect(first?.excerpt).toMatch(/^Ce voyage, qui a retenu Kim en Russie .*…$/);
  });
});
