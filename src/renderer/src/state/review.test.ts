// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { GradeOutcome, MyWord, ReviewSummary } from '../../../shared/contract/review';
import { fakeApi, refused } from './fake-api';
import { MyWordsState, ReviewSession, ReviewSummaryState } from './review.svelte';
import { SessionState } from './session.svelte';

const word = (lemma: string, sentenceWord: string | null): MyWord => ({
  lemma,
  status: 'learning',
  lessonId: 'kim-russie',
  lessonTitle: 'Kim Jong-un rentre de Russie',
  sentence: sentenceWord ? { before: 'Le ', word: sentenceWord, after: ' a duré sept jours.' } : null,
  gloss: null,
  expression: null,
  due: '2026-11-30T08:00:00.000Z',
  inQueue: true,
  reviews: 0,
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

  it('an empty queue is finished at once', async () => {
    const { fake, app } = withSession({ 'review:queue': async () => ({ words: [], summary: { due: 0, inReview: 0 } }) });
    const review = new ReviewSession('l-1', fake.api, app);
    expect(review.finished).toBe(false);
    await review.load();
    expect(review.finished).toBe(true);
  });
});
