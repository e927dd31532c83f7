import { describe, expect, it } from 'vitest';
import { FRENCH_TYPOGRAPHY_FAULT } from '../../test/support/typography';
import { ERROR_MESSAGES, isErrorReason, wordReason, type ErrorReason } from './error-messages';
import { AppError, isApiErrorShape } from './errors';

const SAMPLE = {
  ...{ seconds: 90, left: 2, name: 'Inès', lessonId: 'kim-russie', token: 12, paragraph: 3, max: 8, lemma: 'agence', detail: 'x', answer: 'sept' },
  ...{ fileName: 'a.json', path: '/data', file: 'liseuse.db', version: 20, latest: 17, words: 41_000, revision: 4, given: 3, count: 2 },
  ...{ problems: 'quiz.json: question 2 has no evidence', part: 2, extensions: '.txt, .pdf', bytes: 12_500_000 },
};
const REASONS = Object.keys(ERROR_MESSAGES) as ErrorReason[];
/** The refusals whose reason is one of a table of facts: a sample of each for the test that words every key. */
const FACTS: Partial<Record<ErrorReason, Record<string, string | number>>> = {
  notALessonPack: { problem: 'strayDocument', name: '../evil.sh' },
  packLessonInvalid: { problem: 'textEmpty', file: 'text.fr.txt', count: 2 },
  notPublishable: { problem: 'summaryMissing', file: 'lesson.json' },
  dictionaryDamaged: { problem: 'badLine', line: 12 },
};

describe('the backend’s refusals in each interface language', () => {
  it.each(REASONS)('%s is worded in English and in French, differently, with French typography', (key) => {
    const english = wordReason({ key, params: { ...SAMPLE, ...FACTS[key] } }, 'en');
    const french = wordReason({ key, params: { ...SAMPLE, ...FACTS[key] } }, 'fr');
    expect(english).not.toBe('');
    expect(french).not.toBe(english);
    expect(french).not.toMatch(FRENCH_TYPOGRAPHY_FAULT);
  });

  it('an AppError carries its reason across the boundary, with the English words as its message', () => {
    const error = AppError.because('conflict', 'learnerNameTaken', { name: 'Inès' });
    expect(error.toJSON()).toEqual({ code: 'conflict', message: 'There is already a learner called “Inès”.', reason: { key: 'learnerNameTaken', params: { name: 'Inès' } } });
    expect(isApiErrorShape(JSON.parse(JSON.stringify(error)))).toBe(true);
    expect(wordReason(error.reason!, 'fr')).toBe('Il y a déjà un élève nommé «\u00a0Inès\u00a0».');
  });

  it('counts in French take the singular for 1 and the plural above', () => {
    expect(wordReason({ key: 'wrongPin', params: { left: 1 } }, 'fr')).toBe('Code erroné. Encore 1\u00a0essai avant une attente.');
    expect(wordReason({ key: 'tooManyPins', params: { seconds: 120 } }, 'fr')).toBe('Trop de codes erronés. Attendez 2\u00a0minutes avant de réessayer.');
  });

  it('a reply with a reason this version does not know, or odd parameters, is not taken as ours', () => {
    expect(isErrorReason({ key: 'toString', params: {} })).toBe(false);
    expect(isErrorReason({ key: 'nope', params: {} })).toBe(false);
    expect(isErrorReason({ key: 'learnerGone', params: { x: {} } })).toBe(false);
    expect(isApiErrorShape({ code: 'conflict', message: 'm', reason: { key: 'nope', params: {} } })).toBe(false);
  });

  // Every fact of every table, worded in both languages: a pack, the dictionary or a lesson refused in French.
  type Facts = Record<string, string | number>;
  const facts = (list: Facts[]): Facts[] => list;
  const EVERY_FACT: [ErrorReason, Record<string, string | number>][] = [
    ...facts([
      { problem: 'tooLarge', megabytes: 8 },
      { problem: 'strayDocument', name: 'x.sh' },
      { problem: 'twice', name: 'lesson.json' },
      { problem: 'documentTooLarge', name: 'lexicon.json', megabytes: 40 },
      { problem: 'allTooLarge', megabytes: 60 },
      { problem: 'notZip' },
      { problem: 'notUtf8', name: 'text.fr.txt' },
      { problem: 'noManifest' },
      { problem: 'manifestNotJson' },
      { problem: 'manifestInvalid', field: 'format', issue: 'must be "liseuse-lesson"' },
      { problem: 'missing', names: 'text.fr.txt, lexicon.json' },
    ]).map((facts): [ErrorReason, Record<string, string | number>] => ['notALessonPack', { fileName: 'chat.liseuse', ...facts }]),
    ...facts([
      { problem: 'lineBreakInEntry', lemma: 'maison' },
      { problem: 'noHeader' },
      { problem: 'notLiseuse', field: 'format' },
      { problem: 'otherVersion', version: '2', readable: 1 },
      { problem: 'badLine', line: 3 },
      { problem: 'linesApart', lemma: 'maison' },
      { problem: 'notGzip' },
    ]).map((facts): [ErrorReason, Record<string, string | number>] => ['dictionaryDamaged', { file: 'fr-en.tsv.gz', ...facts }]),
    ...facts([
      { problem: 'notJson', detail: 'Unexpected token' },
      { problem: 'textEmpty' },
      { problem: 'translationCount', translations: 1, paragraphs: 2 },
      { problem: 'fileMissing' },
      { problem: 'idMismatch', id: 'a', where: 'folder', expected: 'b' },
      { problem: 'titleMissing' },
      { problem: 'summaryMissing' },
      { problem: 'quizEmpty' },
    ]).map((facts): [ErrorReason, Record<string, string | number>] => ['notPublishable', { count: 1, file: 'lesson.json', ...facts }]),
  ];

  it.each(EVERY_FACT)('%s, %o: worded in both languages, the French in French typography', (key, params) => {
    const english = wordReason({ key, params }, 'en');
    const french = wordReason({ key, params }, 'fr');
    expect(french).not.toBe(english);
    expect(french).not.toMatch(FRENCH_TYPOGRAPHY_FAULT);
    // The fact is worded, never shown as its code.
    expect(french).not.toContain(String(params.problem));
  });

  it('a technical check (a schema path, a cross-check) is kept as found, inside a worded sentence', () => {
    const french = wordReason({ key: 'packLessonInvalid', params: { fileName: 'chat.liseuse', count: 1, file: 'quiz.json', problem: 'check', detail: 'questions.3.options: Invalid length' } }, 'fr');
    expect(french).toBe('«\u00a0chat.liseuse\u00a0» contient une leçon qui ne passe pas les vérifications (quiz.json\u00a0: questions.3.options: Invalid length). Rien n’a été importé.');
  });
});
