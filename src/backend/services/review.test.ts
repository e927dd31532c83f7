// The review service through the real backend: a real SQLite file, the shipped lesson, and a clock the test moves.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { GradeOutcome, MyWord, ReviewQueue, ReviewSummary } from '../../shared/contract/review';
import type { Learner, LessonView } from '../../shared/types';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { unpackLesson } from '../../shared/lesson-wire';

const LESSONS = resolve('resources/lessons');
const LESSON = 'kim-russie';
const START = Date.parse('2024-05-01T10:00:00.000Z');

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('review', () => {
  let dataDir: string;
  let backend: Backend;
  let clock: number;
  let lesson: LessonView;
  let ana: Learner;
  let bruno: Learner;
  const logged: unknown[] = [];

  const minutesLater = (minutes: number): void => {
    clock += minutes * 60_000;
  };
  const occurrence = (lemma: string, nth = 0): { token: number; paragraph: number } => {
    const found = lesson.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss?.lemma === lemma).map((t) => ({ token: t.i, paragraph: p.index })))[nth];
    if (!found) throw new Error(`no "${lemma}" #${nth} in the lesson`);
    return found;
  };
  const lookUp = async (learner: Learner, lemma: string, nth = 0): Promise<void> => {
    value(await backend.call('reading:lookup', { learnerId: learner.id, lessonId: LESSON, ...occurrence(lemma, nth) }));
  };
  const mark = async (learner: Learner, lemma: string, status: 'new' | 'learning' | 'known', nth = 0): Promise<void> => {
    value(await backend.call('reading:setStatus', { learnerId: learner.id, lessonId: LESSON, token: occurrence(lemma, nth).token, status }));
  };
  const summary = async (learner: Learner): Promise<ReviewSummary> => value(await backend.call('review:summary', { learnerId: learner.id }));
  const queue = async (learner: Learner): Promise<string[]> =>
    value<ReviewQueue>(await backend.call('review:queue', { learnerId: learner.id })).words.map((w) => w.lemma);
  const grade = async (learner: Learner, lemma: string, rating: 'again' | 'hard' | 'good' | 'easy'): Promise<GradeOutcome> =>
    value(await backend.call('review:grade', { learnerId: learner.id, lemma, rating }));

  beforeEach(async () => {
    dataDir = makeTempDir('liseuse-review-');
    clock = START;
    logged.length = 0;
    backend = createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: '0', now: () => new Date(clock), logError: (e) => logged.push(e) });
    lesson = unpackLesson(value(await backend.call('lessons:get', { lessonId: LESSON })));
    ana = value(await backend.call('learners:create', { name: 'Ana' }));
    bruno = value(await backend.call('learners:create', { name: 'Bruno' }));
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dataDir);
    expect(logged).toEqual([]);
  });

  it('a word looked up gets one card, due at once, whichever form and however often it is looked up', async () => {
    await lookUp(ana, 'voyage');
    await lookUp(ana, 'voyage', 1);
    minutesLater(1);
    await lookUp(ana, 'Russie');
    expect(await summary(ana)).toEqual({ due: 2, inReview: 2 });
    // Longest overdue first.
    expect(await queue(ana)).toEqual(['voyage', 'russie']);
    expect(await summary(bruno)).toEqual({ due: 0, inReview: 0 });
  });

  it('a grammatical word looked up (le, qui, et) stays out of review; marked learning by hand, it enters', async () => {
    await lookUp(ana, 'le');
    await lookUp(ana, 'qui');
    await lookUp(ana, 'et');
    await lookUp(ana, 'voyage');
    expect(await queue(ana)).toEqual(['voyage']);
    minutesLater(1);
    await mark(ana, 'qui', 'learning');
    expect(await queue(ana)).toEqual(['voyage', 'qui']);
  });

  it('"My words" shows each word in the sentence it was first met in, with its gloss there', async () => {
    await lookUp(ana, 'retenir');
    await mark(ana, 'train', 'learning');
    await mark(ana, 'pays', 'known');
    const words = value<MyWord[]>(await backend.call('review:words', { learnerId: ana.id }));
    expect(words.map((w) => [w.lemma, w.status])).toEqual([
      ['train', 'learning'],
      ['retenir', 'new'],
    ]);
    const retenir = words[1] as MyWord;
    expect(retenir.sentence).toEqual({
      before: 'Ce voyage, qui a ',
      word: 'retenu',
      after: ' Kim en Russie pendant sept jours, est le plus long jamais entrepris par le dirigeant nord-coréen depuis son arrivée au pouvoir il y a plus de dix ans.',
    });
    expect(retenir.gloss).toMatchObject({ form: 'retenu', lemma: 'retenir', pos: 'verb', sense: 'kept (in Russia)' });
    expect(retenir).toMatchObject({ lessonId: LESSON, lessonTitle: 'Kim Jong-un rentre de Russie', inQueue: true, reviews: 0 });
    const train = words[0] as MyWord;
    expect(train.sentence?.word).toBe('train');
    expect(train.expression?.text).toBe('train blindé');
  });

  it('grading saves the card and a log; a word graded "good" is due again after its learning step', async () => {
    await lookUp(ana, 'voyage');
    await lookUp(ana, 'train');
    const outcome = await grade(ana, 'voyage', 'good');
    expect(outcome).toEqual({ lemma: 'voyage', due: new Date(START + 10 * 60_000).toISOString(), summary: { due: 1, inReview: 2 } });
    expect(await queue(ana)).toEqual(['train']);
    expect(backend.db.prepare('SELECT lemma, rating, state, reviewed_at FROM review_logs WHERE learner_id = ?').all(ana.id)).toEqual([
      { lemma: 'voyage', rating: 3, state: 0, reviewed_at: new Date(START).toISOString() },
    ]);
    expect(backend.db.prepare('SELECT reps, state, due FROM review_cards WHERE learner_id = ? AND lemma = ?').get(ana.id, 'voyage')).toEqual({
      reps: 1,
      state: 1,
      due: outcome.due,
    });
    minutesLater(10);
    expect(await queue(ana)).toEqual(['train', 'voyage']);
    // A restart keeps the schedule.
    backend.close();
    backend = createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: '0', now: () => new Date(clock), logError: (e) => logged.push(e) });
    expect(await summary(ana)).toEqual({ due: 2, inReview: 2 });
  });

  it('a word marked known leaves the queue, and comes back at once when set to learning again', async () => {
    await lookUp(ana, 'voyage');
    await grade(ana, 'voyage', 'easy');
    await mark(ana, 'voyage', 'known');
    expect(await summary(ana)).toEqual({ due: 0, inReview: 0 });
    // Even once it would be due, a known word is not reviewed.
    minutesLater(60 * 24 * 30);
    expect(await queue(ana)).toEqual([]);
    minutesLater(-60 * 24 * 30);
    await mark(ana, 'voyage', 'learning');
    expect(await queue(ana)).toEqual(['voyage']);
    // Its history is kept.
    expect(backend.db.prepare('SELECT reps FROM review_cards WHERE learner_id = ? AND lemma = ?').get(ana.id, 'voyage')).toEqual({ reps: 1 });
  });

  it('a word marked learning without a look-up gets a card; "new" and "known" alone do not make one', async () => {
    await mark(ana, 'gare', 'known');
    await mark(ana, 'frontière', 'new');
    expect(await summary(ana)).toEqual({ due: 0, inReview: 0 });
    await mark(ana, 'frontière', 'learning');
    expect(await queue(ana)).toEqual(['frontière']);
  });

  it('refuses to grade a word that is not the learner’s, or a rating that does not exist', async () => {
    await lookUp(ana, 'voyage');
    const other = await backend.call('review:grade', { learnerId: bruno.id, lemma: 'voyage', rating: 'good' });
    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const wrong = await backend.call('review:grade', { learnerId: ana.id, lemma: 'voyage', rating: 'perfect' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await summary(ana)).toEqual({ due: 1, inReview: 1 });
  });

  it('a phrase saved from the reader is one of the learner’s words, with its sentence, in review, whatever text the caller has', async () => {
    const words = lesson.paragraphs[0]!.tokens.filter((t) => t.gloss);
    const il = words.find((t) => t.gloss?.form === 'il')!;
    const ans = words.find((t) => t.gloss?.form === 'ans')!;
    const saved = value<MyWord>(await backend.call('review:addPhrase', { learnerId: ana.id, lessonId: LESSON, first: il.i, last: ans.i }));
    expect(saved).toMatchObject({ kind: 'phrase', lemma: 'phrase:il y a plus de dix ans', expression: { sense: 'more than ten years ago' } });
    expect(saved.sentence?.word).toBe('il y a plus de dix ans');
    expect(saved.sentence?.before).toMatch(/^Ce voyage, qui a retenu Kim/u);
    expect(saved.sentence?.after).toBe('.');
    // Saved twice, it is there once; it is in My words and due for review like a word.
    value(await backend.call('review:addPhrase', { learnerId: ana.id, lessonId: LESSON, first: il.i, last: ans.i }));
    const mine = value<MyWord[]>(await backend.call('review:words', { learnerId: ana.id }));
    expect(mine.filter((w) => w.kind === 'phrase').map((w) => w.lemma)).toEqual(['phrase:il y a plus de dix ans']);
    expect(await queue(ana)).toContain('phrase:il y a plus de dix ans');
    expect((await grade(ana, 'phrase:il y a plus de dix ans', 'good')).lemma).toBe('phrase:il y a plus de dix ans');
    expect(value<MyWord[]>(await backend.call('review:words', { learnerId: bruno.id }))).toEqual([]);
  });

  it('refuses a phrase of one word, across sentences or out of the text, saving nothing', async () => {
    const second = lesson.paragraphs[2]!;
    const [lastOfFirst, firstOfSecond] = [second.tokens.filter((t) => t.gloss && t.start < second.sentences[0]!.end).at(-1)!, second.tokens.find((t) => t.gloss && t.start >= second.sentences[1]!.start)!];
    for (const [first, last] of [[5, 5], [lastOfFirst.i, firstOfSecond.i], [10, 99_999]] as const) {
      const result = await backend.call('review:addPhrase', { learnerId: ana.id, lessonId: LESSON, first, last });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(value<MyWord[]>(await backend.call('review:words', { learnerId: ana.id }))).toEqual([]);
  });
});
