import { describe, expect, it } from 'vitest';
import { rightAnswer } from '../../../test/support/answers';
import { loadArticle, readArticleFile } from '../../../test/support/article';
import { grade } from '../grading';
import { LessonError, type Lesson } from '../lesson';
import { QUESTION_TYPES, SKILLS, loadQuiz } from './index';

const lesson: Lesson = loadArticle();
const RAW = readArticleFile('quiz.json');
const quiz = loadQuiz(RAW, lesson);

/** The real quiz.json as an object, with one change applied, back as text. */
function edited(change: (file: { questions: Record<string, unknown>[] } & Record<string, unknown>) => void): string {
  const file = JSON.parse(RAW);
  change(file);
  return JSON.stringify(file);
}

function problemsOf(raw: string): string[] {
  try {
    loadQuiz(raw, lesson);
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    expect((error as LessonError).file).toBe('quiz.json');
    return (error as LessonError).problems;
  }
  throw new Error('the quiz was accepted');
}

const byId = (id: string): Record<string, unknown> => {
  const q = (JSON.parse(RAW).questions as Record<string, unknown>[]).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const indexOf = (id: string): number => (JSON.parse(RAW).questions as { id: string }[]).findIndex((q) => q.id === id);

describe('the kim-russie quiz', () => {
  it('loads against its lesson with at least 16 questions', () => {
    expect(quiz.lesson).toBe('kim-russie');
    expect(quiz.questions.length).toBeGreaterThanOrEqual(16);
  });

  it('covers all 9 paragraphs', () => {
    expect(lesson.paragraphs).toHaveLength(9);
    const covered = new Set(quiz.questions.map((q) => q.evidence.paragraph));
    expect([...covered].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('uses every question type, typed and chosen cloze included, and every skill', () => {
    const types = new Set(quiz.questions.map((q) => q.type));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
    const modes = new Set(quiz.questions.flatMap((q) => (q.type === 'cloze' ? [q.mode] : [])));
    expect([...modes].sort()).toEqual(['choice', 'typed']);
    expect(new Set(quiz.questions.map((q) => q.skill))).toEqual(new Set(SKILLS));
    expect(quiz.questions.filter((q) => q.type === 'ordering')).toHaveLength(1);
  });

  it('asks the key facts', () => {
    const ids = quiz.questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['trip-length', 'summit-place', 'armoured-train', 'which-station', 'a-ce-jour', 'prevenu', 'outre']));
    const days = quiz.questions.find((q) => q.id === 'trip-length');
    expect(days && grade(days, { type: 'short-answer', text: 'Une semaine' }).verdict).toBe('correct');
    expect(days && grade(days, { type: 'short-answer', text: 'sept jours' }).verdict).toBe('correct');
  });

  it('has unique kebab-case ids, an explanation and a language for every prompt', () => {
    const ids = quiz.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of quiz.questions) {
      expect(q.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(q.explanation.length).toBeGreaterThan(20);
      expect(['en', 'fr']).toContain(q.promptLang);
    }
    expect(quiz.questions.some((q) => q.promptLang === 'fr')).toBe(true);
  });

  it('asks about half its prompts in French, and a French prompt is answered in French', () => {
    const french = quiz.questions.filter((q) => q.promptLang === 'fr');
    expect(french.length / quiz.questions.length).toBeGreaterThanOrEqual(0.4);
    expect(french.length / quiz.questions.length).toBeLessThanOrEqual(0.6);
    for (const q of french) {
      const langs =
        q.type === 'single' || q.type === 'multiple' || q.type === 'cloze'
          ? [q.type === 'cloze' && q.mode === 'typed' ? 'fr' : (q as { optionLang: string }).optionLang]
          : q.type === 'short-answer'
            ? [q.answerLang]
            : q.type === 'ordering'
              ? [q.itemLang]
              : q.type === 'matching'
                ? [q.leftLang]
                : [];
      expect(langs.every((lang) => lang === 'fr'), q.id).toBe(true);
    }
  });

  it('never gives a single choice away by length: the right option is not the longest by far', () => {
    for (const q of quiz.questions) {
      if (q.type !== 'single') continue;
      const right = q.options.find((o) => o.id === q.correct)?.text.length ?? 0;
      const longestWrong = Math.max(...q.options.filter((o) => o.id !== q.correct).map((o) => o.text.length));
      expect(right, q.id).toBeLessThanOrEqual(longestWrong * 1.25);
    }
  });

  it('quotes as evidence the words that answer', () => {
    const answering: Record<string, { paragraph: number; words: string[] }> = {
      'news-source': { paragraph: 2, words: ['de retour', 'selon', 'KCNA'] },
      'journey-home': { paragraph: 3, words: ['train blindé', 'seul passage terrestre', 'extrême nord-est'] },
      'short-statement': { paragraph: 4, words: ['« Grâce à', '», indique le court texte'] },
      'such-a-deal': { paragraph: 7, words: ['missiles antichar', 'en échange', 'technologie satellitaire'] },
    };
    for (const [id, { paragraph, words }] of Object.entries(answering)) {
      const q = quiz.questions.find((x) => x.id === id);
      expect(q?.evidence.paragraph, id).toBe(paragraph);
      for (const word of words) expect(q?.evidence.quote, id).toContain(word);
    }
    for (const q of quiz.questions) {
      if (q.type !== 'short-answer') continue;
      const quote = q.evidence.quote.toLocaleLowerCase('fr');
      expect(q.accepted.some((a) => quote.includes(a.toLocaleLowerCase('fr'))), q.id).toBe(true);
    }
  });

  it('resolves every quote to its offsets and to the one sentence that holds it', () => {
    for (const q of quiz.questions) {
      const e = q.evidence;
      expect(lesson.text.slice(e.start, e.end), q.id).toBe(e.quote);
      const paragraph = lesson.paragraphs[e.paragraph - 1];
      expect(paragraph && paragraph.start <= e.start && e.end <= paragraph.end, q.id).toBe(true);
      expect(e.sentence.start <= e.start && e.end <= e.sentence.end, q.id).toBe(true);
      expect(lesson.sentences[e.sentence.index]).toMatchObject({ start: e.sentence.start, end: e.sentence.end });
    }
  });

  it('gives each cloze its gap inside the quote', () => {
    for (const q of quiz.questions) {
      if (q.type !== 'cloze') continue;
      expect(q.cloze.before + q.cloze.blank + q.cloze.after).toBe(q.evidence.quote);
      expect(lesson.text.slice(q.cloze.start, q.cloze.end)).toBe(q.cloze.blank);
    }
  });

  it('scores 1 for the right answer to every keyed question', () => {
    for (const q of quiz.questions) if (q.type !== 'open') expect(grade(q, rightAnswer(q)), q.id).toMatchObject({ score: 1, verdict: 'correct' });
  });

  it('has two open questions in French, with guidance for the teacher, that await the teacher once answered', () => {
    const open = quiz.questions.filter((q) => q.type === 'open');
    expect(open.map((q) => q.id)).toEqual(['summary-summit', 'deal-opinion']);
    for (const q of open) {
      expect(q).toMatchObject({ promptLang: 'fr', answerLang: 'fr', guidance: expect.stringMatching(/\S/) });
      expect(grade(q, rightAnswer(q))).toMatchObject({ score: 0, verdict: 'awaiting' });
    }
  });

  it('fills in language defaults', () => {
    const outre = quiz.questions.find((q) => q.id === 'outre');
    expect(outre).toMatchObject({ optionLang: 'en', explanationLang: 'en' });
    const aCeJour = quiz.questions.find((q) => q.id === 'a-ce-jour');
    expect(aCeJour).toMatchObject({ promptLang: 'fr', optionLang: 'fr' });
    const voice = quiz.questions.find((q) => q.id === 'state-media-voice');
    expect(voice).toMatchObject({ promptLang: 'en', optionLang: 'fr' });
    const prevenu = quiz.questions.find((q) => q.id === 'prevenu');
    expect(prevenu).toMatchObject({ optionLang: 'fr' });
  });
});

describe('loadQuiz refuses a broken quiz', () => {
  it('a quote that is not in its paragraph', () => {
    const raw = edited((f) => {
      f.questions[indexOf('summit-place')] = { ...byId('summit-place'), evidence: { paragraph: 5, quote: 'au cosmodrome de Vostochni' } };
    });
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"summit-place".*quote "au cosmodrome de Vostochni" is not in paragraph 5 \(it is in paragraph 6\)/);
  });

  it('a quote with a single changed character', () => {
    const raw = edited((f) => {
      f.questions[0] = { ...byId('trip-length'), evidence: { paragraph: 1, quote: "qui a retenu Kim en Russie pendant 7 jours" } };
    });
    expect(problemsOf(raw)[0]).toMatch(/is not in paragraph 1/);
  });

  it('a quote that runs across two sentences, or occurs twice', () => {
    const across = edited((f) => {
      f.questions[0] = { ...byId('trip-length'), evidence: { paragraph: 3, quote: '(heure locale). Lundi' } };
    });
    expect(problemsOf(across)[0]).toMatch(/runs across sentences of paragraph 3/);
    const twice = edited((f) => {
      f.questions[0] = { ...byId('trip-length'), evidence: { paragraph: 3, quote: 'la frontière' } };
    });
    expect(problemsOf(twice)[0]).toMatch(/occurs 2 times in paragraph 3/);
  });

  it('a paragraph the text does not have', () => {
    const raw = edited((f) => {
      f.questions[0] = { ...byId('trip-length'), evidence: { paragraph: 10, quote: 'sept jours' } };
    });
    expect(problemsOf(raw)[0]).toMatch(/paragraph 10 does not exist \(the text has 9\)/);
  });

  it('duplicate question ids', () => {
    const raw = edited((f) => {
      f.questions.push({ ...byId('outre') });
    });
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/duplicate question id "outre"/)]);
  });

  it('an unknown question type', () => {
    const raw = edited((f) => {
      f.questions[indexOf('outre')] = { ...byId('outre'), type: 'essay' };
    });
    const problems = problemsOf(raw);
    expect(problems.join('\n')).toMatch(/question \d+ \("outre"\): type: .*"essay"/);
  });

  it('a correct option id that does not exist', () => {
    const raw = edited((f) => {
      f.questions[indexOf('summit-place')] = { ...byId('summit-place'), correct: 'moscow' };
    });
    expect(problemsOf(raw)).toEqual([expect.stringMatching(/"summit-place".*correct option "moscow" is not one of its options/)]);
    const multiple = edited((f) => {
      f.questions[indexOf('cooperation-fields')] = { ...byId('cooperation-fields'), correct: ['military', 'nuclear'] };
    });
    expect(problemsOf(multiple)[0]).toMatch(/correct option "nuclear" is not one of its options/);
  });

  it('a chosen cloze whose right option is not the blank, or a blank not in the quote', () => {
    const raw = edited((f) => {
      f.questions[indexOf('prevenu')] = { ...byId('prevenu'), correct: 'prevu' };
    });
    expect(problemsOf(raw)[0]).toMatch(/correct option "prevu" reads "prévu" but the blank is "prévenu"/);
    const missing = edited((f) => {
      f.questions[indexOf('armoured-train')] = { ...byId('armoured-train'), blank: 'blindée' };
    });
    expect(problemsOf(missing)[0]).toMatch(/blank "blindée" is not in the evidence quote/);
    const partWord = edited((f) => {
      f.questions[indexOf('armoured-train')] = { ...byId('armoured-train'), blank: 'blind' };
    });
    expect(problemsOf(partWord)[0]).toMatch(/must be whole words/);
  });

  it('duplicate option ids, a multiple choice with no wrong option, a bad id, a wrong item evidence', () => {
    const dup = edited((f) => {
      const q = byId('outre') as { options: { id: string; text: string }[] };
      f.questions[indexOf('outre')] = { ...q, options: [...q.options, { id: 'other', text: 'apart from' }] };
    });
    expect(problemsOf(dup)[0]).toMatch(/duplicate option id "other"/);
    const allRight = edited((f) => {
      f.questions[indexOf('cooperation-fields')] = { ...byId('cooperation-fields'), correct: ['military', 'space', 'farming', 'culture'] };
    });
    expect(problemsOf(allRight)[0]).toMatch(/every option is correct/);
    const badId = edited((f) => {
      f.questions[0] = { ...byId('trip-length'), id: 'Trip_Length' };
    });
    expect(problemsOf(badId)[0]).toMatch(/question 1 \("Trip_Length"\): id: must be kebab-case/);
    const item = edited((f) => {
      const q = byId('events-order') as { items: Record<string, unknown>[] };
      q.items[0] = { ...q.items[0], evidence: { paragraph: 6, quote: 'sommet à Moscou' } };
      f.questions[indexOf('events-order')] = q;
    });
    expect(problemsOf(item)[0]).toMatch(/item "summit" evidence: quote "sommet à Moscou" is not in paragraph 6/);
  });

  it('names every problem at once', () => {
    const raw = edited((f) => {
      f.questions[indexOf('summit-place')] = { ...byId('summit-place'), correct: 'moscow' };
      f.questions.push({ ...byId('outre') });
    });
    expect(problemsOf(raw)).toHaveLength(2);
  });

  it('a quiz for another lesson, missing fields, or not JSON at all', () => {
    expect(problemsOf(edited((f) => (f.lesson = 'autre-lecon')))[0]).toMatch(/quiz is for "autre-lecon"/);
    expect(problemsOf(edited((f) => delete f.questions[0]?.explanation))[0]).toMatch(/question 1 \("trip-length"\): explanation/);
    expect(problemsOf('{ not json')[0]).toMatch(/not valid JSON/);
  });
});
