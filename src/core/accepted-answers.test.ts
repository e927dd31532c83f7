import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../test/support/article';
import { acceptedVariantsMatching, isTyped, typedText, withOverrides, type TypedQuestion } from './accepted-answers';
import { attemptScore } from './attempt-score';
import { loadQuiz } from './quiz';

const quiz = loadQuiz(readArticleFile('quiz.json'), loadArticle());
const tripLength = quiz.questions.find((q) => q.id === 'trip-length') as TypedQuestion;

describe('the teacher’s accepted-answer corrections', () => {
  it('add an answer to the quiz’s list, and take one out, without touching the quiz', () => {
    const own = [...tripLength.accepted];
    const changed = withOverrides(tripLength, [
      { answer: 'huit jours', accepted: true },
      { answer: 'une semaine', accepted: false },
    ]);
    expect(changed.accepted).toEqual([...own.filter((a) => a !== 'une semaine'), 'huit jours']);
    expect(tripLength.accepted).toEqual(own);
  });

  it('an answer accepted again after a rejection is back in the list once', () => {
    expect(withOverrides(tripLength, [{ answer: 'sept jours', accepted: true }]).accepted.filter((a) => a === 'sept jours')).toHaveLength(1);
  });

  it('leave choice questions alone', () => {
    const choice = quiz.questions.find((q) => !isTyped(q))!;
    expect(withOverrides(choice, [{ answer: 'x', accepted: true }])).toBe(choice);
  });

  it('a rejection takes out every accepted answer that makes the text right, as grading reads it', () => {
    // Grading reads numerals as their words, so « 7 jours » makes it right too.
    expect(acceptedVariantsMatching(tripLength, '  SEPT   jours. ')).toEqual(['sept jours', '7 jours']);
    expect(acceptedVariantsMatching(tripLength, 'douze jours')).toEqual([]);
  });

  it('reads the text of a stored typed answer, and nothing from a damaged or chosen one', () => {
    expect(typedText('{"type":"short-answer","text":"sept"}')).toBe('sept');
    expect(typedText('{"type":"cloze","mode":"typed","text":"blindé"}')).toBe('blindé');
    expect(typedText('{"type":"single","choice":"a"}')).toBeNull();
    expect(typedText('{broken')).toBeNull();
  });
});

describe('attemptScore', () => {
  it('is the mean over the attempt’s questions, an unanswered one counting 0', () => {
    const scored = (...scores: number[]) => scores.map((score) => ({ score, verdict: score === 1 ? ('correct' as const) : ('wrong' as const) }));
    expect(attemptScore(scored(1, 0.5, 0), 3).score).toBe(0.5);
    expect(attemptScore(scored(1), 4).score).toBe(0.25);
    // No question counts: no score (the rule openq's awaiting answers need too).
    expect(attemptScore([], 0).score).toBeNull();
  });
});
