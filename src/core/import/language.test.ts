import { describe, expect, it } from 'vitest';
import { FRENCH_PARAGRAPHS, ENGLISH_PARAGRAPHS } from '../../../test/support/import-files';
import { guessLanguage } from './language';
import { languageName, languageNameIn } from './language-names';
import { fileSize } from './limits';

describe('the language a text looks like', () => {
  it('French is French; English is named as English', () => {
    expect(guessLanguage(FRENCH_PARAGRAPHS)).toEqual({ code: 'fra', looksFrench: true });
    expect(guessLanguage(ENGLISH_PARAGRAPHS)).toEqual({ code: 'eng', looksFrench: false });
    expect(languageName('eng')).toBe('English');
  });

  it('a text too short to tell is not called foreign', () => {
    expect(guessLanguage(['Oui.'])).toEqual({ code: 'und', looksFrench: true });
  });

  it('a code the table lacks has no name (the interface says “another language”)', () => {
    expect(languageName('xyz')).toBeUndefined();
    expect(languageName('constructor')).toBeUndefined();
  });

  it('a French interface names the language in French, and says “another language” when it cannot', () => {
    expect(languageNameIn('eng', 'fr')).toBe('anglais');
    expect(languageNameIn('hat', 'fr')).toBe('créole haïtien');
    expect(languageNameIn('eng', 'en')).toBe('English');
    expect(languageNameIn('xyz', 'fr')).toBeUndefined();
  });

  it('a file’s size is written as each language writes it', () => {
    expect(fileSize(12_500_000, 'en')).toBe('12.5 MB');
    expect(fileSize(12_500_000, 'fr')).toBe('12,5\u00a0Mo');
    expect(fileSize(3_000_000, 'fr')).toBe('3\u00a0Mo');
  });
});
