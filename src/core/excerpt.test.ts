import { describe, expect, it } from 'vitest';
import { excerptOf, paragraphOpenings } from './excerpt';

describe('excerptOf', () => {
  it('keeps a short paragraph whole and cuts a long one at a word, with an ellipsis', () => {
    expect(excerptOf('  Le chat\n dort. ')).toBe('Le chat dort.');
    expect(excerptOf('Le dirigeant nord-coréen, Kim Jong-un est déjà de retour dans son pays', 30)).toBe('Le dirigeant nord-coréen, Kim…');
  });

  it('names each paragraph by its opening words', () => {
    const text = 'Le chat dort sur le canapé du salon depuis ce matin.\n\nIl mange.';
    expect(paragraphOpenings({ text, paragraphs: [{ start: 0, end: 52 }, { start: 54, end: 63 }] } as never, 20)).toEqual(['Le chat dort sur le…', 'Il mange.']);
  });
});
