import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LearnerNameSchema } from './learner-name';

function accepted(name: string): string {
  const result = v.safeParse(LearnerNameSchema, name);
  if (!result.success) throw new Error(`refused ${JSON.stringify(name)}: ${result.issues[0].message}`);
  return result.output;
}

function refusal(name: string): string {
  const result = v.safeParse(LearnerNameSchema, name);
  if (result.success) throw new Error(`accepted ${JSON.stringify(name)} as ${JSON.stringify(result.output)}`);
  return result.issues[0].message;
}

describe('a learner name', () => {
  it('accepts names in many scripts, trimmed, and keeps them as typed', () => {
    for (const name of ['Ana', 'Zoé', 'Jean-Luc', 'O’Brien', 'Ngũgĩ', '李小龙', 'Мария Иванова', 'Νίκος', 'محمد', 'Élève 12', 'Ana 🌸']) {
      expect(accepted(name)).toBe(name);
    }
    expect(accepted('  Anaïs ')).toBe('Anaïs');
  });

  it('is stored composed (NFC), so "Zoé" typed with a combining accent is the same name', () => {
    expect(accepted('Zoe\u0301')).toBe('Zoé');
    expect(accepted('Zoe\u0301')).toHaveLength(3);
  });

  it('keeps the joiners that Persian and Indic scripts need between their letters', () => {
    expect(accepted('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(accepted('क्\u200Dष')).toBe('क्\u200Dष');
  });

  it('refuses a lone surrogate, which would be stored as invalid UTF-8', () => {
    expect(refusal('Ana\uD800')).toBe('A name cannot contain a broken character.');
    expect(refusal('\uDC00Ana')).toBe('A name cannot contain a broken character.');
  });

  it('refuses control characters, line and paragraph breaks', () => {
    for (const name of ['An\u0000a', 'An\u0007a', 'An\u0085a', 'Ana\nBruno']) expect(refusal(name)).toBe('A name cannot contain control characters.');
    for (const name of ['Ana\u2028Bruno', 'Ana\u2029Bruno']) expect(refusal(name)).toBe('A name is one line: it cannot contain a line or paragraph break.');
  });

  it('refuses invisible format characters, and joiners where no script needs them', () => {
    for (const name of ['An\u200Ba', 'Ana\u202E', 'An\uFEFFa', 'An\u00ADa', 'Ana\u2066', 'An\u200Da', 'Ana\u200C', '\u200DAna']) {
      expect(refusal(name)).toBe('A name cannot contain invisible formatting characters.');
    }
  });

  it('needs at least one letter: not only combining marks, digits or symbols', () => {
    for (const name of ['\u0301\u0301\u0301', '\u0301', '123', '!!!', '🌸']) expect(refusal(name)).toBe('A name needs at least one letter.');
    expect(refusal('\u0301Ana')).toBe('A name cannot start with an accent or other combining mark.');
  });

  it('refuses a word that mixes Latin, Greek and Cyrillic letters, as in "Аna" (Cyrillic А) beside "Ana"', () => {
    expect(refusal('\u0410na')).toBe('A name cannot mix alphabets within a word (Latin, Greek, Cyrillic): it could pass for another name.');
    expect(refusal('Zo\u0435')).toBe('A name cannot mix alphabets within a word (Latin, Greek, Cyrillic): it could pass for another name.');
    // Different alphabets in different words are a real name's right.
    expect(accepted('Ana Иванова')).toBe('Ana Иванова');
  });

  it('says what is missing when empty and what is too long', () => {
    expect(refusal('   ')).toBe('A name is needed.');
    expect(refusal('a'.repeat(41))).toBe('A name has at most 40 characters.');
  });
});
