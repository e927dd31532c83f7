import { describe, expect, it } from 'vitest';
import { gradeCard, isInQueue, newCard, nextDueByRating, reopen, reviewQueue, type CardState } from './review-schedule';

const NOW = new Date('2024-05-01T10:00:00.000Z');
const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
const DAY = 24 * 60;

describe('newCard', () => {
  it('is due at once, in state New, with nothing learned', () => {
    expect(newCard(NOW)).toEqual({
      due: NOW.toISOString(),
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
      lastReview: null,
    });
    expect(isInQueue(newCard(NOW), 'new', NOW)).toBe(true);
  });
});

describe('gradeCard', () => {
  it('"good" on a new card leaves the queue now and comes back after the 10-minute learning step', () => {
    const { card, log } = gradeCard(newCard(NOW), 'good', NOW);
    expect(card.state).toBe(1);
    expect(card.reps).toBe(1);
    expect(card.lastReview).toBe(NOW.toISOString());
    expect(card.due).toBe(at(10).toISOString());
    expect(isInQueue(card, 'learning', NOW)).toBe(false);
    expect(isInQueue(card, 'learning', at(9))).toBe(false);
    expect(isInQueue(card, 'learning', at(10))).toBe(true);
    // The log keeps the card as it was before this review, and the rating.
    expect(log).toMatchObject({ rating: 3, state: 0, due: NOW.toISOString(), reviewedAt: NOW.toISOString() });
  });

  it('"again" brings the word back within minutes, "easy" sends it days away', () => {
    const again = gradeCard(newCard(NOW), 'again', NOW).card;
    const easy = gradeCard(newCard(NOW), 'easy', NOW).card;
    expect(Date.parse(again.due) - NOW.getTime()).toBe(60_000);
    expect(easy.state).toBe(2);
    expect(Date.parse(easy.due)).toBeGreaterThanOrEqual(at(DAY).getTime());
  });

  it('orders intervals again < hard < good < easy, and is deterministic for a fixed clock', () => {
    const dues = (['again', 'hard', 'good', 'easy'] as const).map((rating) => Date.parse(gradeCard(newCard(NOW), rating, NOW).card.due));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
    expect(gradeCard(newCard(NOW), 'good', NOW)).toEqual(gradeCard(newCard(NOW), 'good', NOW));
  });

  it('a word recalled "good" at every due time graduates to days, then longer intervals', () => {
    let card: CardState = newCard(NOW);
    let clock = NOW;
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const next = gradeCard(card, 'good', clock).card;
      intervals.push(Date.parse(next.due) - clock.getTime());
      clock = new Date(next.due);
      card = next;
    }
    expect(card.state).toBe(2);
    expect(intervals[2]).toBeGreaterThanOrEqual(DAY * 60_000);
    expect(intervals[3]).toBeGreaterThan(intervals[2] as number);
  });

  it('a lapse in review counts and relearns the word', () => {
    const learned = gradeCard(newCard(NOW), 'easy', NOW).card;
    const lapsed = gradeCard(learned, 'again', new Date(learned.due)).card;
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.state).toBe(3);
  });
});

describe('the queue', () => {
  const word = (lemma: string, due: Date, status: string) => ({ lemma, status, card: { ...newCard(NOW), due: due.toISOString() } });

  it('holds due words not marked known, the longest overdue first', () => {
    const words = [word('train', at(-5), 'new'), word('voyage', at(-60), 'learning'), word('gare', at(30), 'learning'), word('pays', at(-90), 'known')];
    expect(reviewQueue(words, NOW).map((w) => w.lemma)).toEqual(['voyage', 'train']);
  });

  it('a word marked known leaves the queue, and comes back when set to learning again', () => {
    const graded = gradeCard(newCard(NOW), 'easy', NOW).card;
    const later = new Date(Date.parse(graded.due) + 60_000);
    expect(isInQueue(graded, 'learning', later)).toBe(true);
    expect(isInQueue(graded, 'known', later)).toBe(false);
    // Set back to learning before its due date: due at once, with its history kept.
    const reopened = reopen(graded, at(1));
    expect(reopened.due).toBe(at(1).toISOString());
    expect(reopened.reps).toBe(graded.reps);
    expect(isInQueue(reopened, 'learning', at(1))).toBe(true);
    // A card already due is left as it is.
    const due = newCard(NOW);
    expect(reopen(due, at(5))).toBe(due);
  });
});

describe('nextDueByRating', () => {
  it('gives each rating the due date grading with it gives, later for an easier rating', () => {
    let card = newCard(NOW);
    for (const [minutes, rating] of [[0, 'good'], [10, 'good'], [3 * DAY, 'hard']] as const) {
      const preview = nextDueByRating(card, at(minutes));
      for (const r of ['again', 'hard', 'good', 'easy'] as const) expect(preview[r]).toBe(gradeCard(card, r, at(minutes)).card.due);
      expect(Date.parse(preview.again)).toBeLessThan(Date.parse(preview.good));
      expect(Date.parse(preview.good)).toBeLessThan(Date.parse(preview.easy));
      card = gradeCard(card, rating, at(minutes)).card;
    }
  });

  it('on a new card: again in a minute, good in ten, easy in days', () => {
    const preview = nextDueByRating(newCard(NOW), NOW);
    expect(preview.again).toBe(at(1).toISOString());
    expect(preview.good).toBe(at(10).toISOString());
    expect(Date.parse(preview.easy) - NOW.getTime()).toBeGreaterThanOrEqual(DAY * 60_000);
  });
});

describe('ignored words', () => {
  it('never come to the queue, even when due', () => {
    const words = [{ lemma: 'a', card: newCard(NOW), status: 'new', ignored: true }, { lemma: 'b', card: newCard(NOW), status: 'learning' }];
    expect(reviewQueue(words, NOW).map((w) => w.lemma)).toEqual(['b']);
    expect(isInQueue(newCard(NOW), 'new', NOW, true)).toBe(false);
  });
});
