// Which encoding a plain-text file is in, and its text: a byte-order mark says so; otherwise strict UTF-8, and a
// file that is not valid UTF-8 is read as Windows-1252 (the superset of Latin-1 that Windows editors wrote).
// A file of NULs or control bytes is not text at all and is refused rather than shown as garbage.
import { isStrayControl } from './paragraphs';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: 'binary' };

/** Control bytes (other than white space: tab, line feeds, form feed, carriage return) in more than this share: binary. */
const MAX_CONTROL_SHARE = 0.1;
/** How far the binary check looks: a text's first 64 kB say whether it is text. */
const SNIFF_BYTES = 65_536;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** NULs never occur in 8-bit or UTF-8 text; many other control bytes mean a program's file. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return true;
    if (isStrayControl(byte)) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE;
}

/** Control characters left in decoded text (a UTF-16 file can carry them too): the same test on characters. */
function mostlyControl(text: string): boolean {
  const end = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isStrayControl(code)) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE;
}

// Windows-1252's characters at 0x80 to 0x9F (Latin-1 has controls there); the undefined five stay as Latin-1.
// Node's own TextDecoder('windows-1252') reads these bytes as Latin-1, so the table is here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

function decode(bytes: Uint8Array, encoding: Exclude<TextEncodingName, 'windows-1252'>): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    const text = decode(bytes, utf16);
    return text === null || mostlyControl(text) ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: utf16 };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  // The decoder drops a UTF-8 byte-order mark itself (ignoreBOM: false).
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  return { ok: true, text: windows1252(bytes), encoding: 'windows-1252' };
}
