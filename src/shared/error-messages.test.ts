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

describe('the backend’s refusals in each interface language', () => {
  it.each(REASONS)('%s is worded in English and in French, differently, with French typography', (key) => {
    const english = wordReason({ key, params: SAMPLE }, 'en');
    const french = wordReason({ key, params: SAMPLE }, 'fr');
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
});
