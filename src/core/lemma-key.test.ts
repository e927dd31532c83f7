import { describe, expect, it } from 'vitest';
import { lemmaKey } from './lemma-key';

describe('lemmaKey', () => {
  it.each([
    ['Russie', 'russie'],
    ['russie', 'russie'],
    ['État', 'état'],
    ['ÉTÉ', 'été'],
    ['Kim Jong-un', 'kim jong-un'],
    ['l’', 'l’'],
  ])('%s is kept as %s, so every form of the lemma shares one status', (lemma, key) => {
    expect(lemmaKey(lemma)).toBe(key);
  });
});
