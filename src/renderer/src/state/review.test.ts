// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { GradeOutcome, MyWord, ReviewItem, ReviewSummary, WordChange } from '../../../shared/contract/review';
import { fakeApi, refused } from './fake-api';
import { MyWordsState, ReviewSession, ReviewSummaryState } from './review.svelte';
import { SessionState } from './session.svelte';

const word = (lemma: string, sentenceWord: string | null): ReviewItem => ({
  kind: 'word',
  lemma,
  status: 'learning',
  lessonId: 'kim-russie',
  token: 7,
  lessonTitle: 'Kim Jong-un rentre de Russie',
  sentence: sentenceWord ? { before: 'Le ', word: sentenceWord, after: ' a duré sept jours.' } : null,
  gloss: null,
  expression: null,
  due: '2026-11-30T08:00:00.000Z',
  inQueue: true,
  reviews: 0,
  note: null,
  ignored: false,
  nextDue: { again: '2026-11-30T08:01:00.000Z', hard: '2026-11-30T08:06:00.000Z', good: '2026-11-30T08:10:00.000Z', easy: '2026-12-08T08:00:00.000Z' },
});
const voyage = word('voyage', 'voyage');
const durer = word('durer', null);
const summary: ReviewSummary = { due: 2, inReview: 5 };
const gone = 'This learner no longer exists.';

function withSession(answers: Parameters<typeof fakeApi>[0]) {
  const fake = fakeApi(answers);
  return { fake, app: new SessionState(fake.api) };
}

describe('the due counts and the word list', () => {
  it('loads the due counts for a learner', async () => {
    const { fake, app } = withSession({ 'review:summary': async () => summary });
    const due = new ReviewSummaryState(fake.api, app);
    await due.load('l-1');
    expect(fake.inputsOf('review:summary')).toEqual([{ learnerId: 'l-1' }]);
    expect(due.summary).toEqual(summary);
  });

  it('loads the learner’s words and when they were read', async () => {
    const { fake, app } = withSession({ 'review:words': async () => [voyage, durer] });
    const words = new MyWordsState('l-1', fake.api, app);
    const before = Date.now();
    await words.load();
    expect(words.words).toEqual([voyage, durer]);
    expect(words.readAt).toBeGreaterThanOrEqual(before);
  });

  it('a refusal leaves the list empty and is shown in the app’s alert', async () => {
    const { fake, app } = withSession({ 'review:words': refused('not_found', gone) });
    const words = new MyWordsState('l-1', fake.api, app);
    await words.load();
    expect(words.words).toBeNull();
    expect(app.error).toBe(gone);
  });
});

describe('My words as a tool', () => {
  const many: MyWord[] = [
    { ...voyage, note: 'a trip' },
    { ...durer, lemma: 'être', status: 'known', sentence: { before: '', word: 'Était', after: ' là.' }, due: '2026-11-01T08:00:00.000Z' },
    { ...durer, lemma: 'agence', ignored: true, lessonId: 'autre', lessonTitle: 'Autre leçon', gloss: { form: 'agence', lemma: 'agence', pos: 'noun', sense: 'agency', entryId: 'a' } },
    { ...durer, status: 'new', due: '2026-12-30T08:00:00.000Z' },
  ];
  const loaded = async (answers: Parameters<typeof fakeApi>[0] = {}) => {
    const { fake, app } = withSession({ 'review:words': async () => many, ...answers });
    const words = new MyWordsState('l-1', fake.api, app);
    await words.load();
    return { words, fake, app };
  };
  const lemmas = (words: MyWordsState): string[] => words.visible.map((w) => w.lemma);

  it('searches the word, its dictionary form, its meaning and the note, without minding accents or case', async () => {
    const { words } = await loaded();
    expect(lemmas(words)).toEqual(['voyage', 'être', 'agence', 'durer']);
    words.search = 'etait';
    expect(lemmas(words)).toEqual(['être']);
    words.search = 'AGENCY';
    expect(lemmas(words)).toEqual(['agence']);
    words.search = 'trip';
    expect(lemmas(words)).toEqual(['voyage']);
    words.search = 'nothing like it';
    expect(lemmas(words)).toEqual([]);
  });

  it('filters by status (ignored words apart) and by lesson, and lists the lessons once each', async () => {
    const { words } = await loaded();
    expect(words.lessons).toEqual([{ id: 'kim-russie', title: 'Kim Jong-un rentre de Russie' }, { id: 'autre', title: 'Autre leçon' }]);
    words.status = 'learning';
    expect(lemmas(words)).toEqual(['voyage']);
    words.status = 'ignored';
    expect(lemmas(words)).toEqual(['agence']);
    words.status = 'all';
    words.lesson = 'kim-russie';
    expect(lemmas(words)).toEqual(['voyage', 'être', 'durer']);
  });

  it('sorts by word, status and next review; "newest first" is the order the backend gave', async () => {
    const { words } = await loaded();
    words.sort = 'word';
    expect(words.visible.map((w) => w.sentence?.word ?? w.gloss?.lemma ?? w.lemma)).toEqual(['agence', 'durer', 'Était', 'voyage']);
    words.sort = 'status';
    expect(lemmas(words)).toEqual(['durer', 'voyage', 'être', 'agence']);
    words.sort = 'due';
    expect(lemmas(words)).toEqual(['être', 'voyage', 'agence', 'durer']);
    words.sort = 'added';
    expect(lemmas(words)).toEqual(['voyage', 'être', 'agence', 'durer']);
  });

  it('a saved note replaces the word in the list and is announced; a refused one keeps the list and says why', async () => {
    const change: WordChange = { word: { ...voyage, note: 'journey' }, summary };
    const { words, fake, app } = await loaded({ 'review:note': async () => change });
    expect(await words.saveNote('voyage', 'journey')).toBe(true);
    expect(fake.inputsOf('review:note')).toEqual([{ learnerId: 'l-1', lemma: 'voyage', note: 'journey' }]);
    expect(words.words?.[0]?.note).toBe('journey');
    expect(words.message).toBe('Note saved for voyage.');
    const { words: other, app: otherApp } = await loaded({ 'review:note': refused('invalid_input', 'Too long.') });
    expect(await other.saveNote('voyage', 'x')).toBe(false);
    expect(other.words?.[0]?.note).toBe('a trip');
    expect(otherApp.error).toBe('Too long.');
    expect(app.error).toBeNull();
  });

  it('removing a word takes it out of the list; marking it known sets its status where it was met', async () => {
    const { words, fake } = await loaded({ 'review:remove': async () => summary, 'reading:setStatus': async () => ({ lemma: 'durer', status: 'known' as const }) });
    await words.remove(many[0] as MyWord);
    expect(lemmas(words)).toEqual(['être', 'agence', 'durer']);
    await words.markKnown(many[3] as MyWord);
    expect(fake.inputsOf('reading:setStatus')).toEqual([{ learnerId: 'l-1', lessonId: 'kim-russie', token: 7, status: 'known' }]);
    expect(words.visible.at(-1)?.status).toBe('known');
  });
});

describe('a review session', () => {
  it('goes through the words due: reveal, grade, next; then it is finished', async () => {
    const after: GradeOutcome = { lemma: 'voyage', due: '2026-12-02T08:00:00.000Z', summary: { due: 1, inReview: 5 } };
    const { fake, app } = withSession({ 'review:queue': async () => ({ words: [voyage, durer], summary }), 'review:grade': async () => after });
    const review = new ReviewSession('l-1', fake.api, app);
    await review.load();
    expect(review.current).toEqual(voyage);
    expect(review.finished).toBe(false);

    await review.grade('good', 'Good');
    expect(fake.inputsOf('review:grade')).toEqual([]);

    review.reveal();
    expect(review.revealed).toBe(true);
    await review.grade('good', 'Good');
    expect(fake.inputsOf('review:grade')).toEqual([{ learnerId: 'l-1', lemma: 'voyage', rating: 'good' }]);
    expect(review.summary).toEqual(after.summary);
    expect(review.reviewed).toBe(1);
    expect(review.revealed).toBe(false);
    expect(review.announcement).toBe('voyage: Good.');
    expect(review.busy).toBe(false);

    review.reveal();
    await review.grade('again', 'Again');
    expect(review.announcement).toBe('durer: Again.');
    expect(review.finished).toBe(true);
    expect(review.current).toBeNull();
    review.reveal();
    expect(review.revealed).toBe(false);
  });

  it('a grade the backend refuses keeps the card and says why', async () => {
    const missing = '“voyage” is not among this learner’s words.';
    const { fake, app } = withSession({ 'review:queue': async () => ({ words: [voyage], summary }), 'review:grade': refused('not_found', missing) });
    const review = new ReviewSession('l-1', fake.api, app);
    await review.load();
    review.reveal();
    await review.grade('easy', 'Easy');
    expect(review.current).toEqual(voyage);
    expect(review.reviewed).toBe(0);
    expect(review.revealed).toBe(true);
    expect(review.busy).toBe(false);
    expect(app.error).toBe(missing);
  });

  it('one grade at a time', async () => {
    let graded: (outcome: GradeOutcome) => void = () => {};
    const { fake, app } = withSession({
      'review:queue': async () => ({ words: [voyage, durer], summary }),
      'review:grade': () => new Promise((resolve) => (graded = resolve)),
    });
    const review = new ReviewSession('l-1', fake.api, app);
    await review.load();
    review.reveal();
    const first = review.grade('good', 'Good');
    expect(review.busy).toBe(true);
    await review.grade('easy', 'Easy');
    graded({ lemma: 'voyage', due: '2026-12-02T08:00:00.000Z', summary });
    await first;
    expect(fake.inputsOf('review:grade')).toHaveLength(1);
    expect(review.index).toBe(1);
  });

  it('"I already know this" marks the word known and goes on; "ignore" ignores it and goes on', async () => {
    const after = { due: 0, inReview: 3 };
    const { fake, app } = withSession({
      'review:queue': async () => ({ words: [voyage, durer], summary }),
      'reading:setStatus': async () => ({ lemma: 'voyage', status: 'known' as const }),
      'review:summary': async () => after,
      'review:ignore': async () => ({ word: { ...durer, ignored: true }, summary: after }),
    });
    const review = new ReviewSession('l-1', fake.api, app);
    await review.load();
    await review.dismiss('known');
    expect(fake.inputsOf('reading:setStatus')).toEqual([{ learnerId: 'l-1', lessonId: 'kim-russie', token: 7, status: 'known' }]);
    expect(review.current?.lemma).toBe('durer');
    expect(review.announcement).toBe('voyage: marked known, out of review.');
    await review.dismiss('ignore');
    expect(fake.inputsOf('review:ignore')).toEqual([{ learnerId: 'l-1', lemma: 'durer', ignored: true }]);
    expect(review.finished).toBe(true);
    expect(review.summary).toEqual(after);
    expect(review.reviewed).toBe(0);
  });

  it('an empty queue is finished at once', async () => {
    const { fake, app } = withSession({ 'review:queue': async () => ({ words: [], summary: { due: 0, inReview: 0 } }) });
    const review = new ReviewSession('l-1', fake.api, app);
    expect(review.finished).toBe(false);
    await review.load();
    expect(review.finished).toBe(true);
  });
});
