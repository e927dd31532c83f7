import { describe, expect, it } from 'vitest';
import { glueFrench, quoteFrench } from './french-spacing';

const NBSP = '\u00A0';

describe('French spacing', () => {
  it('binds guillemets and the spaced marks to their words with no-break spaces', () => {
    expect(glueFrench('le maréchal « ouvrait une nouvelle page » en Russie !')).toBe(
      `le maréchal «${NBSP}ouvrait une nouvelle page${NBSP}» en Russie${NBSP}!`,
    );
    expect(glueFrench('Il a dit : « oui ; non ? »')).toBe(`Il a dit${NBSP}: «${NBSP}oui${NBSP}; non${NBSP}?${NBSP}»`);
  });

  it('leaves every other space, and spaces already unbreakable, as they are', () => {
    expect(glueFrench('Kim Jong-un rentre de Russie, dit KCNA.')).toBe('Kim Jong-un rentre de Russie, dit KCNA.');
    expect(glueFrench('«\u202Fdéjà\u202F»')).toBe('«\u202Fdéjà\u202F»');
  });

  it('quotes a French excerpt between guillemets held to its first and last words', () => {
    expect(quoteFrench(' il y a plus de dix ans ')).toBe(`«${NBSP}il y a plus de dix ans${NBSP}»`);
  });
});
