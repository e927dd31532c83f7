// Number words read as numbers, in French and English, so « sept jours », "7 jours" and "seven jours" compare
// equal. Works on the word tokens of a typed answer (lower case, accents stripped, hyphens already split).

const FR_UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
const FR_TENS: Record<string, number> = { vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 };
const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

interface Parsed {
  value: number;
  next: number;
}

type Words = readonly string[];
const get = (table: Record<string, number>, word: string | undefined): number | undefined =>
  word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;

/** 0..19 in French: a unit word, or dix-sept, dix-huit, dix-neuf. */
function frBelow20(w: Words, i: number): Parsed | null {
  const unit = get(FR_UNITS, w[i]);
  if (unit === undefined) return null;
  const after = get(FR_UNITS, w[i + 1]);
  if (unit === 10 && after !== undefined && after >= 7 && after <= 9) return { value: 10 + after, next: i + 2 };
  return { value: unit, next: i + 1 };
}

/** 0..99 in French: vingt et un, soixante-dix, quatre-vingt(s)-dix-neuf… */
function frBelow100(w: Words, i: number): Parsed | null {
  if (w[i] === 'quatre' && (w[i + 1] === 'vingt' || w[i + 1] === 'vingts')) {
    const rest = frBelow20(w, i + 2);
    return rest && rest.value > 0 ? { value: 80 + rest.value, next: rest.next } : { value: 80, next: i + 2 };
  }
  const tens = get(FR_TENS, w[i]);
  if (tens === undefined) return frBelow20(w, i);
  const limit = tens === 60 ? 19 : 9;
  if (w[i + 1] === 'et') {
    const rest = frBelow20(w, i + 2);
    if (rest && (rest.value === 1 || (tens === 60 && rest.value === 11))) return { value: tens + rest.value, next: rest.next };
    return { value: tens, next: i + 1 };
  }
  const rest = frBelow20(w, i + 1);
  if (rest && rest.value >= 2 && rest.value <= limit) return { value: tens + rest.value, next: rest.next };
  return { value: tens, next: i + 1 };
}

function frBelow1000(w: Words, i: number): Parsed | null {
  let at = i;
  let hundreds = 0;
  const head = frBelow100(w, at);
  if (head && head.value >= 2 && head.value <= 9 && (w[head.next] === 'cent' || w[head.next] === 'cents')) {
    hundreds = head.value;
    at = head.next + 1;
  } else if (w[at] === 'cent') {
    hundreds = 1;
    at += 1;
  }
  if (hundreds === 0) return head;
  const rest = frBelow100(w, at);
  return rest && rest.value > 0 ? { value: hundreds * 100 + rest.value, next: rest.next } : { value: hundreds * 100, next: at };
}

function frNumber(w: Words, i: number): Parsed | null {
  const head = w[i] === 'mille' ? { value: 1, next: i } : frBelow1000(w, i);
  if (!head) return null;
  if (w[head.next] !== 'mille' || head.value === 0) return head;
  const rest = frBelow1000(w, head.next + 1);
  const thousands = head.value * 1000;
  return rest && rest.value > 0 ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: head.next + 1 };
}

function enBelow100(w: Words, i: number): Parsed | null {
  const tens = get(EN_TENS, w[i]);
  if (tens === undefined) {
    const unit = get(EN_UNITS, w[i]);
    return unit === undefined ? null : { value: unit, next: i + 1 };
  }
  const unit = get(EN_UNITS, w[i + 1]);
  return unit !== undefined && unit >= 1 && unit <= 9 ? { value: tens + unit, next: i + 2 } : { value: tens, next: i + 1 };
}

function enBelow1000(w: Words, i: number): Parsed | null {
  const head = w[i] === 'a' && w[i + 1] === 'hundred' ? { value: 1, next: i + 1 } : enBelow100(w, i);
  if (!head || w[head.next] !== 'hundred' || head.value < 1 || head.value > 9) return head;
  let at = head.next + 1;
  if (w[at] === 'and' && enBelow100(w, at + 1)) at += 1;
  const rest = enBelow100(w, at);
  return rest && rest.value > 0 ? { value: head.value * 100 + rest.value, next: rest.next } : { value: head.value * 100, next: at };
}

function enNumber(w: Words, i: number): Parsed | null {
  const head = enBelow1000(w, i);
  if (!head || w[head.next] !== 'thousand' || head.value === 0) return head;
  let at = head.next + 1;
  if (w[at] === 'and' && enBelow100(w, at + 1)) at += 1;
  const rest = enBelow1000(w, at);
  const thousands = head.value * 1000;
  return rest && rest.value > 0 ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: at };
}

/**
 * Every run of number words becomes one token of digits ("vingt et un" -> "21", "nine" -> "9"), and digits lose
 * leading zeros. Words are read through `fold` (e.g. without accents, so zéro counts) and kept as typed
 * when they are not numbers. Runs never cross a punctuation break, which the caller marks with an empty token.
 */
export function numbersToDigits(original: Words, fold: (word: string) => string = (w) => w): string[] {
  const words = original.map(fold);
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    if (/^\d+$/u.test(word)) {
      out.push(String(BigInt(word)));
      i += 1;
      continue;
    }
    const fr = frNumber(words, i);
    const en = enNumber(words, i);
    const best = [fr, en].filter((p): p is Parsed => p !== null).sort((a, b) => b.next - a.next)[0];
    if (best) {
      out.push(String(best.value));
      i = best.next;
    } else {
      out.push(original[i] ?? word);
      i += 1;
    }
  }
  return out;
}
