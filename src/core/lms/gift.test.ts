import { parse, type GIFTQuestion, type TextChoice } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../quiz';
import { escapeGift, quizToGift } from './gift';
import { articleQuiz, TRICKY, trickyQuiz, visibleText } from '../../../test/support/lms-quiz';

const text = visibleText;

const quiz = articleQuiz();
const parsed = parse(quizToGift(quiz, 'Kim en Russie : le « retour »'));
const questions = parsed.slice(1);

const EXPECTED_TYPE: Record<Question['type'], GIFTQuestion['type']> = {
  single: 'MC',
  multiple: 'MC',
  'true-false': 'TF',
  'short-answer': 'Short',
  cloze: 'MC',
  matching: 'Matching',
  ordering: 'Matching',
  open: 'Essay',
};

const choices = (g: GIFTQuestion): TextChoice[] => ('choices' in g ? (g.choices as TextChoice[]) : []);

describe('GIFT export, read back by gift-pegjs', () => {
  it('starts with the lesson as a category, then one question per quiz question, in order, named by number and id', () => {
    expect(parsed[0]).toMatchObject({ type: 'Category', title: '$course$/top/Liseuse/Kim en Russie : le « retour »' });
    expect(questions.map((q) => ('title' in q ? q.title : null))).toEqual(quiz.questions.map((q, i) => `${i + 1}. ${q.id}`));
  });

  it('gives every question the GIFT type closest to its own, its prompt, and the explanation and excerpt as general feedback', () => {
    quiz.questions.forEach((q, i) => {
      const g = questions[i]!;
      const expected = q.type === 'cloze' && q.mode === 'typed' ? 'Short' : EXPECTED_TYPE[q.type];
      expect(g.type, q.id).toBe(expected);
      if (g.type === 'Category' || g.type === 'Description') throw new Error('not a question');
      expect(g.stem.format).toBe('html');
      expect(text(g.stem.text)).toContain(q.prompt);
      expect(text(g.globalFeedback?.text ?? '')).toBe(`${q.explanation} From the text, paragraph ${q.evidence.paragraph}: « ${q.evidence.quote} »`);
    });
  });

  it('keeps each answer key: right options, fractions that cancel a wrong tick, true or false, accepted spellings, pairs and places', () => {
    quiz.questions.forEach((q, i) => {
      const g = questions[i]!;
      switch (q.type) {
        case 'single':
          expect(choices(g).map((c) => [c.text.text, c.isCorrect])).toEqual(q.options.map((o) => [o.text, o.id === q.correct]));
          break;
        case 'multiple': {
          const share = 100 / q.correct.length;
          expect(choices(g).map((c) => [c.text.text, c.weight])).toEqual(q.options.map((o) => [o.text, Math.round((q.correct.includes(o.id) ? share : -share) * 1e5) / 1e5]));
          break;
        }
        case 'true-false':
          expect(g).toMatchObject({ type: 'TF', isTrue: q.correct });
          break;
        case 'short-answer':
          for (const accepted of q.accepted) expect(choices(g).map((c) => c.text.text)).toContain(accepted);
          expect(choices(g).every((c) => c.isCorrect)).toBe(true);
          break;
        case 'cloze':
          if (g.type === 'Category' || g.type === 'Description') throw new Error('not a question');
          expect(g.hasEmbeddedAnswers).toBe(true);
          expect(text(g.stem.text)).toContain(`${q.cloze.before.trim()} _____ ${q.cloze.after.trim()}`.trim());
          if (q.mode === 'typed') expect(choices(g).map((c) => c.text.text)).toContain(q.cloze.blank);
          else expect(choices(g).filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([q.options.find((o) => o.id === q.correct)!.text]);
          break;
        case 'matching':
          expect(g.type === 'Matching' && g.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual(q.pairs.map((p) => [p.left, p.right]));
          break;
        case 'ordering':
          expect(g.type === 'Matching' && g.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual(q.items.map((item, n) => [item.text, String(n + 1)]));
          break;
        case 'open':
          expect(g.type).toBe('Essay');
      }
    });
  });

  it('escapes every GIFT special character, so texts with ~ = # { } : and French quotes come back whole', () => {
    const [, one, many, typed, gap] = parse(quizToGift(trickyQuiz, 'a/b'));
    expect(one).toMatchObject({ type: 'MC' });
    if (one?.type !== 'MC' || many?.type !== 'MC' || typed?.type !== 'Short' || gap?.type !== 'Short') throw new Error('wrong types');
    expect(text(one.stem.text)).toBe(TRICKY);
    expect(one.choices.map((c) => c.text.text)).toEqual([TRICKY, 'éléphant = {b}']);
    expect(text(one.globalFeedback!.text)).toBe(`Parce que ${TRICKY} From the text, paragraph 3: « une phrase « citée » »`);
    expect(many.choices.map((c) => [c.text.text, c.weight])).toEqual([
      ['a:1', 50],
      ['b#2', 50],
      ['c~3', -50],
    ]);
    // Moodle compares accents and apostrophes exactly: what Liseuse forgives is listed.
    expect(typed.choices.map((c) => c.text.text)).toEqual(['à l’école', "à l'école", 'a l’ecole', "a l'ecole", 'Noël', 'Noel']);
    expect(text(gap.stem.text)).toContain('Le {train} _____ # roule.');
    expect(gap.choices.map((c) => c.text.text)).toEqual(['blindé']);
  });

  it('writes a line break inside a text as a space, since a blank line would end the question', () => {
    expect(escapeGift('un\n\ndeux')).toBe('un deux');
  });
});
