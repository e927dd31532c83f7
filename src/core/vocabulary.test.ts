import { describe, expect, it } from 'vitest';
import { loadArticle, readArticleFile } from '../../test/support/article';
import { grade } from './grading';
import type { Entry, Lesson } from './lesson';
import { optionSense } from './gloss-format';
import { entryOptionId, vocabularyPractice, type VocabularyQuestion } from './vocabulary';

const lesson: Lesson = loadArticle();
const entries = (JSON.parse(readArticleFile('lexicon.json')) as { entries: Record<string, Entry> }).entries;
/** Option id -> lexicon entry, to check parts of speech. */
const entryByOption = new Map(Object.entries(entries).map(([id, entry]) => [entryOptionId(id), entry]));
const posOf = (optionId: string): string | undefined => entryByOption.get(optionId)?.pos;

const practice = (seed: number, lookedUp: string[] = [], count = 12): VocabularyQuestion[] =>
  vocabularyPractice(lesson, { seed, lookedUp, count });

describe('vocabularyPractice', () => {
  it('is deterministic for a seed, and varies with it', () => {
    expect(practice(7)).toEqual(practice(7));
    expect(practice(7, ['blindé', 'outre'])).toEqual(practice(7, ['outre', 'blindé']));
    expect(practice(7)).not.toEqual(practice(8));
  });

  it('makes as many questions as asked, both kinds, with unique ids', () => {
    const questions = practice(3, [], 12);
    expect(questions).toHaveLength(12);
    expect(questions.filter((q) => q.type === 'single').length).toBeGreaterThan(0);
    expect(questions.filter((q) => q.type === 'cloze').length).toBeGreaterThan(0);
    expect(new Set(questions.map((q) => q.id)).size).toBe(12);
    expect(practice(3, [], 0)).toEqual([]);
  });

  it('never practises a grammatical word (dans, pour, avec…), even one the learner looked up', () => {
    const grammatical = ['dans', 'pour', 'avec', 'sur'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const targets = practice(seed, grammatical, 40).map((q) => entryByOption.get(q.correct));
      expect(targets.filter((entry) => entry?.function), `seed ${seed}`).toEqual([]);
    }
  });

  it('puts the lemmas the learner looked up first', () => {
    const lookedUp = ['blindé', 'outre', 'prévenir'];
    for (const seed of [1, 2, 3, 4, 5]) {
      const targets = practice(seed, lookedUp, 5)
        .slice(0, 3)
        .map((q) => entryByOption.get(q.correct)?.lemma);
      expect([...targets].sort(), `seed ${seed}`).toEqual([...lookedUp].sort());
    }
  });

  it('offers 3 distractors of the same part of speech, distinct from the answer', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const q of practice(seed)) {
        expect(q.options, q.id).toHaveLength(4);
        expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(4);
        expect(new Set(q.options.map((o) => o.text.toLowerCase())).size, q.id).toBe(4);
        expect(q.options.filter((o) => o.id === q.correct), q.id).toHaveLength(1);
        const pos = posOf(q.correct);
        expect(pos, q.id).toBeDefined();
        for (const option of q.options) expect(posOf(option.id), `${q.id}: ${option.text}`).toBe(pos);
        const lemmas = q.options.map((o) => entryByOption.get(o.id)?.lemma);
        expect(new Set(lemmas).size, q.id).toBe(4);
      }
    }
  });

  it('asks the meaning of a word with its sense in the text as the answer', () => {
    const meaning = practice(11, ['blindé']).find((q) => q.type === 'single' && q.correct === 'blinde-adj');
    expect(meaning).toBeDefined();
    if (meaning?.type !== 'single') return;
    expect(meaning.prompt).toBe('What does « blindé » mean in the text?');
    expect(meaning.options.find((o) => o.id === 'blinde-adj')?.text).toBe('armoured');
    expect(lesson.text.slice(meaning.evidence.start, meaning.evidence.end)).toBe('blindé');
  });

  it('blanks the word in a sentence that really comes from the text', () => {
    let clozes = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const q of practice(seed)) {
        if (q.type !== 'cloze') continue;
        clozes++;
        const sentence = lesson.sentences[q.evidence.sentence.index];
        expect(sentence).toBeDefined();
        const original = lesson.text.slice(sentence?.start, sentence?.end);
        expect(q.cloze.before + q.cloze.blank + q.cloze.after).toBe(original);
        expect(q.evidence.quote).toBe(original);
        expect(lesson.text.slice(q.cloze.start, q.cloze.end)).toBe(q.cloze.blank);
        expect(q.options.find((o) => o.id === q.correct)?.text).toBe(q.cloze.blank);
        // The gap is a whole word of the text.
        const token = lesson.tokens.find((t) => t.start === q.cloze.start);
        expect(token?.text).toBe(q.cloze.blank);
      }
    }
    expect(clozes).toBeGreaterThan(10);
  });

  it('never practises the article’s slips', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const q of practice(seed, [], 40)) {
        expect(q.correct, q.id).not.toMatch(/typo/);
        const at = q.type === 'cloze' ? q.cloze.start : q.evidence.start;
        const gloss = lesson.tokens.find((t) => t.start === at)?.gloss;
        expect(gloss, q.id).toBeDefined();
        expect(`${gloss?.sense} ${gloss?.note ?? ''}`, q.id).not.toMatch(/slip|editor|wrongly|missing/i);
      }
    }
  });

  it('grades generated questions with grade()', () => {
    for (const q of practice(5)) {
      const right = q.type === 'single' ? ({ type: 'single', choice: q.correct } as const) : ({ type: 'cloze', mode: 'choice', choice: q.correct } as const);
      expect(grade(q, right).score).toBe(1);
      const wrong = q.options.find((o) => o.id !== q.correct)?.id ?? '';
      const wrongAnswer = q.type === 'single' ? ({ type: 'single', choice: wrong } as const) : ({ type: 'cloze', mode: 'choice', choice: wrong } as const);
      expect(grade(q, wrongAnswer).verdict).toBe('wrong');
    }
  });

  it('shortens senses to option size', () => {
    expect(optionSense('to keep, to hold (someone somewhere)')).toBe('to keep, to hold');
    expect(optionSense('media outlet; (plural) the media')).toBe('media outlet');
    expect(optionSense('(part of « de retour » = back)')).toBe('');
  });
});
