// Text cleaning against the real DejaVu fonts: what a learner typed comes out as one line the font can draw.
import { describe, expect, it } from 'vitest';
import { fonts } from './fonts';
import { cleanText, metadataText } from './text';

const regular = fonts().regular;
const clean = (text: string): string => cleanText(text, regular);

describe('cleanText', () => {
  it('keeps every script DejaVu Sans draws: accents, Polish, German, Cyrillic, Greek, Vietnamese', () => {
    for (const name of ['Zoé Lefèvre', 'Łukasz Wróbel', 'Jürgen Groß', 'Анна Иванова', 'Ζωή Παπαδοπούλου', 'Nguyễn Thị Hà', 'François Œuvray']) expect(clean(name)).toBe(name);
  });

  it('draws one replacement mark for each character the font lacks, however many code points it is made of', () => {
    expect(regular.covers(0x1f600)).toBe(true);
    expect(regular.covers(0x1f469)).toBe(false);
    // The smiley is in DejaVu; the family (three people and two joiners), the flag, the toned thumb and the Han are not.
    expect(clean('Zoé 😀👩‍👩‍👧 Martin 🇫🇷 👍🏽 中文')).toBe('Zoé 😀\uFFFD Martin \uFFFD \uFFFD \uFFFD\uFFFD');
  });

  it('falls back to the compatibility form the font has: full-width letters print as plain ones', () => {
    expect(regular.covers(0xff37)).toBe(false);
    expect(clean('Ｗｉｄｅ')).toBe('Wide');
  });

  it('makes one line: breaks and tabs become single spaces, direction overrides and invisible marks go', () => {
    expect(clean('two\nlines\r\nand\ttabs')).toBe('two lines and tabs');
    expect(clean('\u202Eevil override\u202C Name')).toBe('evil override Name');
    expect(clean('in\u00ADvisible\u200B marks\uFEFF')).toBe('invisible marks');
  });

  it('cuts very long input before any work', () => {
    expect(clean('W'.repeat(5000))).toHaveLength(2000);
  });
});

describe('metadataText', () => {
  it('is one line of at most 160 characters, whatever the name', () => {
    expect(metadataText('a\nb\u202Ec')).toBe('a b c');
    const long = metadataText('é'.repeat(300));
    expect(Array.from(long)).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });
});
