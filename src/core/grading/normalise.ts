// The spelling a typed answer is forgiven, and the words it is compared by.
import { numbersToDigits } from './numbers';

/**
 * What a typed answer is forgiven, always: letter case, the apostrophe used (’ ' ‘ ʼ), spacing (ends trimmed,
 * inner runs of spaces collapsed, no space needed before ? ! : ; or inside « »), one final full stop, the
 * ligatures œ/æ typed as oe/ae, and the hyphen variant. Accents are forgiven only when the question says so.
 */
export function normaliseAnswer(text: string, accentsMatter: boolean): string {
  let t = text
    .normalize('NFC')
    .replace(/['’‘ʼ`´]/gu, "'")
    .replace(/[‐‑‒–]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/ (?=[?!:;])/gu, '')
    .replace(/« /gu, '«')
    .replace(/ »/gu, '»')
    .replace(/\.$/u, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae');
  if (!accentsMatter) t = stripAccents(t);
  return t;
}

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * The words of an answer as grading compares them: normalised as above, split at spaces, hyphens and after an
 * apostrophe (« l'agence » -> l' agence), punctuation dropped, and number words turned into digits in French
 * and English. A decimal comma between digits stays part of the number.
 */
export function answerWords(text: string, accentsMatter: boolean): string[] {
  const t = normaliseAnswer(text, accentsMatter)
    .replace(/(\d)[,.](?=\d)/gu, '$1\uE000')
    .replace(/'/gu, "' ")
    .replace(/-/gu, ' ')
    // A punctuation mark becomes an empty word, so that "dix, sept" stays two numbers.
    .replace(/[^\p{L}\p{M}\p{N}' \uE000]+/gu, ' \uE001 ');
  const words = t
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => (w === '\uE001' ? '' : w.replace(/\uE000/gu, ',')));
  // Number words are read without accents (zéro); the other words keep them when they matter.
  return numbersToDigits(words, stripAccents).filter((w) => w !== '');
}
