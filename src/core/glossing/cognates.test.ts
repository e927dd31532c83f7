import { describe, expect, it } from 'vitest';
import { cognateSpellings, isCognate } from './cognates';

describe('French–English cognates', () => {
  it.each([
    ['technologie', 'technology'],
    ['nucléaire', 'nuclear'],
    ['violation', 'violation'],
    ['démocratique', 'democratic'],
    ['gouvernement', 'administration, government'],
    ['coopération', 'cooperation'],
    ['militaire', 'military'],
  ])('%s and "%s" are cognates', (french, english) => {
    expect(isCognate(french, english)).toBe(true);
  });

  it.each([
    ['violation', 'rape'],
    ['maison', 'house'],
    ['dirigeant', 'leader'],
    ['prévenir', 'warn'],
    ['an', 'and'], // short words need the same spelling, not a near one
  ])('%s and "%s" are not', (french, english) => {
    expect(isCognate(french, english)).toBe(false);
  });

  it('spells a French ending the English way, the bare word first', () => {
    expect(cognateSpellings('Sécurité')).toEqual(expect.arrayContaining(['securite', 'security']));
    expect(cognateSpellings('sécurité')[0]).toBe('securite');
  });
});
