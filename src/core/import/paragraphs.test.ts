import { describe, expect, it } from 'vitest';
import { countWords, paragraphsOfPlainText, tidyParagraph } from './paragraphs';

describe('paragraphs of a plain text', () => {
  it('blank lines separate paragraphs; the lines inside one are joined', () => {
    const text = 'Le train de nuit a quitté\nla gare à dix heures.\n\n\nSa grand-mère lui avait\r\npromis la mer.\n';
    expect(paragraphsOfPlainText(text)).toEqual(['Le train de nuit a quitté la gare à dix heures.', 'Sa grand-mère lui avait promis la mer.']);
  });

  it('a text with no blank line between its lines has one paragraph per line', () => {
    expect(paragraphsOfPlainText('\n\nUn.\nDeux.\nTrois.\n\n')).toEqual(['Un.', 'Deux.', 'Trois.']);
  });

  it('white space is tidied, French no-break spaces kept, invisible characters dropped', () => {
    expect(tidyParagraph('  «\u00a0Oui\u00a0»,\t\tdit-il\u200b : par\u00adtout  ')).toBe('«\u00a0Oui\u00a0», dit-il : partout');
    // Decomposed accents are composed, as the tokenizer and the glosses expect.
    expect(tidyParagraph('e\u0301le\u0300ve')).toBe('élève');
  });

  it('nothing but white space gives no paragraph', () => {
    expect(paragraphsOfPlainText(' \n\t\n\u200b\n')).toEqual([]);
  });

  it('words are counted as a lesson counts them: elisions split, numbers count, punctuation does not', () => {
    expect(countWords(['L’enfant a couru 2 fois.', '« Oui ! »'])).toBe(7);
  });
});
