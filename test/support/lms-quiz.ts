// Test support for the LMS writers: the article's real quiz, and a small quiz whose texts hold every character
// GIFT and XML read as syntax, beside French accents and « ».
import { loadArticle, readArticleFile } from './article';
import { loadQuiz, type Evidence, type Question, type Quiz } from '../../src/core/quiz';

export const articleQuiz = (): Quiz => loadQuiz(readArticleFile('quiz.json'), loadArticle());

/** Text with every GIFT special (~ = # { } :), XML's (& < > " '), a backslash, accents and French quotes. */
export const TRICKY = 'Où est « l’été » ? ~a=b #1 {x} : & <i> "q" \\ fin';

const evidence: Evidence = { paragraph: 3, quote: 'une phrase « citée »', start: 0, end: 20, sentence: { start: 0, end: 20, index: 0 } };
const base = { prompt: TRICKY, promptLang: 'fr', explanation: `Parce que ${TRICKY}`, explanationLang: 'en', evidence, skill: 'fact' } as const;

export const trickyQuiz: Quiz = {
  lesson: 'tricky',
  questions: [
    { ...base, id: 'one', type: 'single', options: [{ id: 'a', text: TRICKY }, { id: 'b', text: 'éléphant = {b}' }], optionLang: 'fr', correct: 'a' },
    { ...base, id: 'many', type: 'multiple', options: [{ id: 'a', text: 'a:1' }, { id: 'b', text: 'b#2' }, { id: 'c', text: 'c~3' }], optionLang: 'fr', correct: ['a', 'b'] },
    { ...base, id: 'typed', type: 'short-answer', accepted: ['à l’école', 'Noël'], accentsMatter: false, answerLang: 'fr' },
    {
      ...base,
      id: 'gap',
      type: 'cloze',
      mode: 'typed',
      cloze: { before: 'Le {train} ', blank: 'blindé', after: ' # roule.', start: 0, end: 10 },
      accepted: ['blindé'],
      accentsMatter: true,
    },
  ] satisfies Question[],
};

/** What a learner reads of an exported HTML field: its text, the entities the writers use decoded. */
export const visibleText = (html: string): string =>
  html
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim();
