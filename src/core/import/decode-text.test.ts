import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const TEXT = 'Élève à l’école : « déjà » — œuvre.';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return bytes;
}

describe('the encoding of a plain-text file', () => {
  it('UTF-8, with or without a byte-order mark', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeText(plain)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  it('UTF-16 little and big endian, by their byte-order mark', () => {
    expect(decodeText(utf16(TEXT, false))).toEqual({ ok: true, text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(utf16(TEXT, true))).toEqual({ ok: true, text: TEXT, encoding: 'utf-16be' });
  });

  it('Latin-1 bytes, not valid UTF-8, are read as Windows-1252 (its œ, ’ and € too)', () => {
    // "Élève à l'école" in Latin-1, then Windows-1252's œ (0x9c), ’ (0x92) and € (0x80).
    const bytes = new Uint8Array([0xc9, 0x6c, 0xe8, 0x76, 0x65, 0x20, 0xe0, 0x20, 0x6c, 0x27, 0xe9, 0x63, 0x6f, 0x6c, 0x65, 0x20, 0x9c, 0x92, 0x80]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'Élève à l\'école œ’€', encoding: 'windows-1252' });
  });

  it('a file with a NUL byte, or mostly control bytes, is binary', () => {
    expect(decodeText(new Uint8Array([0x4c, 0x65, 0x00, 0x63]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeText(new Uint8Array([1, 2, 3, 4, 0x41, 5, 6, 7]))).toEqual({ ok: false, reason: 'binary' });
    // A PNG's signature and header: bytes no text has.
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('tabs, form feeds and Windows line ends are text', () => {
    expect(decodeText(new TextEncoder().encode('Un\tdeux\r\n\ftrois'))).toMatchObject({ ok: true, text: 'Un\tdeux\r\n\ftrois' });
  });

  it('a UTF-16 file of control characters is binary too', () => {
    expect(decodeText(utf16('\u0001\u0002\u0003\u0004', false))).toEqual({ ok: false, reason: 'binary' });
  });
});
