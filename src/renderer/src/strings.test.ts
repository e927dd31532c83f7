import { describe, expect, it } from 'vitest';
import { counted, strings } from './strings';

describe('counts in the interface agree with their noun', () => {
  it('counted: singular for exactly one, plural otherwise', () => {
    expect([0, 1, 2, 21].map((n) => counted(n, 'word'))).toEqual(['0 words', '1 word', '2 words', '21 words']);
    expect(counted(1, 'new record')).toBe('1 new record');
    expect(counted(3, 'new record')).toBe('3 new records');
  });

  it('the teacher report’s status line, with one word learning or several', () => {
    expect(strings.reports.statusLine(1, 0)).toBe('1 word learning · 0 known');
    expect(strings.reports.statusLine(0, 1)).toBe('0 words learning · 1 known');
    expect(strings.reports.statusLine(2, 5)).toBe('2 words learning · 5 known');
  });

  it('the paragraph report: learners looking up', () => {
    expect(strings.reports.learnersLookingUp(1)).toBe('1 learner looking up');
    expect(strings.reports.learnersLookingUp(0)).toBe('0 learners looking up');
    expect(strings.reports.learnersLookingUp(4)).toBe('4 learners looking up');
  });

  it('an import line, with one new record or several', () => {
    expect(strings.reports.importedLine('a.json', 'Inès', 1)).toBe('a.json: Inès, 1 new record.');
    expect(strings.reports.importedLine('a.json', 'Inès', 2)).toBe('a.json: Inès, 2 new records.');
    expect(strings.reports.importedLine('a.json', 'Inès', 0)).toBe('a.json: Inès, nothing new (already imported).');
  });

  it('lesson cards: words, paragraphs, questions and attempts', () => {
    expect([strings.library.words(1), strings.library.words(437)]).toEqual(['1 word', '437 words']);
    expect([strings.library.paragraphs(1), strings.library.paragraphs(9)]).toEqual(['1 paragraph', '9 paragraphs']);
    expect(strings.quiz.cardState(1, null, null)).toBe('Quiz: 1 question, not taken yet');
    expect(strings.quiz.cardState(23, null, null)).toBe('Quiz: 23 questions, not taken yet');
    expect(strings.quiz.cardState(23, { last: 50, best: 80, finished: 1 }, null)).toBe('Quiz: last 50% · best 80% · 1 attempt');
    expect(strings.quiz.cardState(23, { last: 50, best: 80, finished: 2 }, null)).toBe('Quiz: last 50% · best 80% · 2 attempts');
  });

  it('the lesson card has one line on the quiz: an attempt in progress is never “not taken yet”', () => {
    expect(strings.quiz.cardState(23, null, { answered: 8, total: 23 })).toBe('Quiz: in progress, 8 of 23 answered');
    expect(strings.quiz.cardState(23, { last: 50, best: 80, finished: 1 }, { answered: 8, total: 23 })).toBe(
      'Quiz: in progress, 8 of 23 answered · last 50% · best 80% · 1 attempt',
    );
  });

  it('the learner’s own pages', () => {
    expect([strings.hub.inReview(0), strings.hub.inReview(1), strings.hub.inReview(2)]).toEqual(['0 words in review', '1 word in review', '2 words in review']);
    expect([strings.review.reviewed(1), strings.review.reviewed(3)]).toEqual(['You reviewed 1 word.', 'You reviewed 3 words.']);
    expect([strings.words.count(1), strings.words.count(2)]).toEqual(['1 word', '2 words']);
    expect(strings.progress.chartSummary(1, 40, 40)).toMatch(/^1 attempt, oldest on the left\./);
    expect(strings.progress.chartSummary(2, 40, 60)).toMatch(/^2 attempts, oldest on the left\./);
  });

  it('the next review, a day or several away', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(strings.format.due('2024-05-02T10:00:00Z', now, false)).toBe('In 1 day');
    expect(strings.format.due('2024-05-04T10:00:00Z', now, false)).toBe('In 3 days');
  });
});

describe('durations', () => {
  it('keep each number with its unit (no-break spaces), so a narrow tile or column never splits "1" from "min"', () => {
    expect(strings.format.duration(0)).toBe('0\u00a0min');
    expect(strings.format.duration(20)).toBe('<\u00a01\u00a0min');
    expect(strings.format.duration(5 * 60)).toBe('5\u00a0min');
    expect(strings.format.duration(65 * 60)).toBe('1\u00a0h 05\u00a0min');
  });
});

describe('partial credit is a percentage of the question, never a fraction', () => {
  it('the verdict of a partly right answer', () => {
    expect(strings.typedAnswers.verdict('partial', 1 / 3)).toBe('Partly right: 33% of this question');
    expect(strings.typedAnswers.verdict('correct', 1)).toBe('Correct');
    expect(strings.typedAnswers.verdict('almost', 0)).toBe('Almost: check the spelling');
  });

  it('how the credit is shared out', () => {
    expect(strings.typedAnswers.credit('options', 3)).toBe(
      'Scoring: each right option ticked earns 33% of this question; each wrong tick takes 33% away, never below 0%.',
    );
    expect(strings.typedAnswers.credit('pairs', 4)).toBe('Scoring: each pair matched right earns 25% of this question.');
    expect(strings.typedAnswers.credit('order', 3)).toContain('earns 33% of this question');
  });
});
