import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../../test/support/article';
import { grade } from '../grading';
import { loadLesson, type Entry, type Lesson } from '../lesson';
import { tokenize } from '../tokenizer';
import { DRAFT_PREFIX, draftQuestions, draftSourceOf, type DraftSource } from './drafts';
import { loadQuiz } from './load';

const quizOf = (lesson: Lesson, questions: unknown[]): string => JSON.stringify({ version: 1, lesson: lesson.manifest.id, questions });

// A made-up text with a sequence (d'abord, ensuite, puis, enfin, a year), glossed word by word from this table.
const TEXT = [
  "D'abord, Marie prend le train pour Lyon en 2019.",
  'Ensuite, elle visite un musée ancien. Puis elle mange une soupe chaude.',
  'Enfin, elle rentre chez elle le dimanche soir.',
].join('\n');
const WORDS: Record<string, [Entry['pos'], string]> = {
  "d'": ['preposition', 'of'],
  abord: ['noun', 'approach'],
  marie: ['proper noun', 'Marie'],
  prend: ['verb', 'takes'],
  le: ['article', 'the'],
  train: ['noun', 'train'],
  pour: ['preposition', 'for'],
  lyon: ['proper noun', 'Lyon'],
  en: ['preposition', 'in'],
  '2019': ['number', '2019'],
  ensuite: ['adverb', 'then'],
  elle: ['pronoun', 'she'],
  visite: ['verb', 'visits'],
  un: ['article', 'a'],
  musée: ['noun', 'museum'],
  ancien: ['adjective', 'old'],
  puis: ['adverb', 'next'],
  mange: ['verb', 'eats'],
  une: ['article', 'a'],
  soupe: ['noun', 'soup'],
  chaude: ['adjective', 'hot'],
  enfin: ['adverb', 'finally'],
  rentre: ['verb', 'goes back'],
  chez: ['preposition', 'at the home of'],
  dimanche: ['noun', 'Sunday'],
  soir: ['noun', 'evening'],
};

function madeUpLesson(): Lesson {
  const entries: Record<string, unknown> = {};
  const tokens = tokenize(TEXT)
    .filter((t) => t.kind !== 'punct')
    .map((t) => {
      const key = t.text.toLowerCase().replace(/’/g, "'");
      const [pos, sense] = WORDS[key] ?? ['noun', key];
      entries[key] = { lemma: key, pos, sense, ...(pos === 'article' || pos === 'preposition' ? { function: true } : {}) };
      return { at: t.start, form: t.text, entry: key };
    });
  return loadLesson({
    'lesson.json': JSON.stringify({ id: 'marie-lyon', title: 'Marie à Lyon', titleEn: 'Marie in Lyon', level: 'A1', summary: 'A trip.' }),
    'text.fr.txt': TEXT,
    'lexicon.json': JSON.stringify({ entries, tokens, expressions: [] }),
    'translations.json': JSON.stringify(['', '', ''].map((_, i) => `Paragraph ${i + 1}.`)),
  });
}

describe('draft questions', () => {
  const article = loadArticle();
  const small = madeUpLesson();

  it('are valid questions of the quiz schema, evidence included, for the article and a made-up text', () => {
    for (const lesson of [article, small]) {
      const drafts = draftQuestions(draftSourceOf(lesson), { seed: 7 });
      expect(drafts.length).toBeGreaterThan(0);
      const quiz = loadQuiz(quizOf(lesson, drafts), lesson);
      expect(quiz.questions).toHaveLength(drafts.length);
      expect(drafts.every((q) => q.id.startsWith(DRAFT_PREFIX))).toBe(true);
    }
  });

  it('make cloze, vocabulary and ordering items; the right answer of each scores 1', () => {
    const drafts = draftQuestions(draftSourceOf(small), { seed: 3, cloze: 2, vocabulary: 2 });
    const quiz = loadQuiz(quizOf(small, drafts), small);
    const types = quiz.questions.map((q) => (q.type === 'single' ? 'vocabulary' : q.type));
    expect(types).toEqual(['cloze', 'cloze', 'vocabulary', 'vocabulary', 'ordering']);
    for (const q of quiz.questions) {
      if (q.type === 'cloze' && q.mode === 'typed') {
        // The blank is a content word of its sentence, never an article or a name.
        expect(['noun', 'verb', 'adjective', 'adverb']).toContain(WORDS[q.cloze.blank.toLowerCase().replace(/’/g, "'")]?.[0]);
        expect(grade(q, { type: 'cloze', mode: 'typed', text: q.cloze.blank }).score).toBe(1);
      }
      if (q.type === 'single') {
        const right = q.options.find((o) => o.id === q.correct);
        const word = /« (.+) »/.exec(q.prompt)?.[1] ?? '';
        expect(right?.text).toBe(WORDS[word.toLowerCase().replace(/’/g, "'")]?.[1]);
        // Distractors are other words' senses of the same part of speech.
        const pos = WORDS[word.toLowerCase().replace(/’/g, "'")]?.[0];
        const sameKind = Object.values(WORDS).filter(([p]) => p === pos).map(([, s]) => s);
        for (const o of q.options) expect(sameKind).toContain(o.text);
        expect(q.evidence.quote).toContain(word);
      }
      if (q.type === 'ordering') {
        // In the text's order, each item a sentence with a sequence word or a year.
        const starts = q.items.map((i) => i.evidence?.start ?? -1);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        expect(q.items.map((i) => i.text.split(/[ ,]/)[0])).toEqual(["D'abord", 'Ensuite', 'Puis', 'Enfin']);
        expect(grade(q, { type: 'ordering', order: q.items.map((i) => i.id) }).score).toBe(1);
      }
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const source = draftSourceOf(article);
    expect(draftQuestions(source, { seed: 42 })).toEqual(draftQuestions(source, { seed: 42 }));
    expect(JSON.stringify(draftQuestions(source, { seed: 42 }))).not.toBe(JSON.stringify(draftQuestions(source, { seed: 43 })));
  });

  it('rest only on the glosses given (the confirmed ones) and never reuse a question id', () => {
    const source = draftSourceOf(small);
    const onlySoup: DraftSource = { ...source, glosses: source.glosses.filter((g) => g.form === 'soupe') };
    const drafts = draftQuestions(onlySoup, { seed: 1, takenIds: ['draft-cloze-1'] });
    // One confirmed word: one cloze on it, no vocabulary item (no distractor of its kind); the ordering item
    // needs no gloss.
    expect(drafts.map((q) => q.type)).toEqual(['cloze', 'ordering']);
    expect(drafts[0]).toMatchObject({ id: 'draft-cloze-2', type: 'cloze', blank: 'soupe' });
    expect(draftQuestions({ ...source, glosses: [] }, { seed: 1 }).map((q) => q.type)).toEqual(['ordering']);
  });

  it('leave out an ordering item when fewer than three sentences carry dates or sequence words', () => {
    const text = 'Un jour, Marie prend le train.\nElle visite un musée. Puis elle mange une soupe en 2019.';
    expect(draftQuestions({ text, glosses: [] }, { seed: 1 })).toEqual([]);
    const third = `${text}\nEnsuite elle dort. Enfin, elle rentre.`;
    expect(draftQuestions({ text: third, glosses: [] }, { seed: 1 }).map((q) => q.type)).toEqual(['ordering']);
  });
});
