// Which language a text looks like, by franc (trigram statistics, offline): French, or which other one, so the
// teacher is told "this looks English" and may still go on (a French lesson can quote other languages).
import { franc } from 'franc-min';

/** franc's answer when it cannot tell (a text too short, or no language it knows). */
export const UNDETERMINED = 'und';

/** The English names of the languages a French teacher's file is most likely to be in instead (ISO 639-3). */
const NAMES: Record<string, string> = {
  fra: 'French',
  eng: 'English',
  spa: 'Spanish',
  por: 'Portuguese',
  ita: 'Italian',
  deu: 'German',
  nld: 'Dutch',
  cat: 'Catalan',
  ron: 'Romanian',
  pol: 'Polish',
  ces: 'Czech',
  slk: 'Slovak',
  hun: 'Hungarian',
  swe: 'Swedish',
  dan: 'Danish',
  nob: 'Norwegian',
  fin: 'Finnish',
  tur: 'Turkish',
  rus: 'Russian',
  ukr: 'Ukrainian',
  ell: 'Greek',
  arb: 'Arabic',
  heb: 'Hebrew',
  hin: 'Hindi',
  cmn: 'Chinese',
  jpn: 'Japanese',
  kor: 'Korean',
  vie: 'Vietnamese',
  ind: 'Indonesian',
  zlm: 'Malay',
  swh: 'Swahili',
  hat: 'Haitian Creole',
  pcm: 'Nigerian Pidgin',
  tgl: 'Tagalog',
  lat: 'Latin',
  jav: 'Javanese',
  hau: 'Hausa',
  bos: 'Bosnian',
  hrv: 'Croatian',
  srp: 'Serbian',
  yor: 'Yoruba',
  uzn: 'Uzbek',
  ibo: 'Igbo',
  ceb: 'Cebuano',
  azj: 'Azerbaijani',
  plt: 'Malagasy',
  kin: 'Kinyarwanda',
  zul: 'Zulu',
  lin: 'Lingala',
  som: 'Somali',
  bel: 'Belarusian',
  bul: 'Bulgarian',
  kaz: 'Kazakh',
  urd: 'Urdu',
  pes: 'Persian',
  mar: 'Marathi',
  ben: 'Bengali',
  tha: 'Thai',
  tam: 'Tamil',
  tel: 'Telugu',
  amh: 'Amharic',
  kat: 'Georgian',
  hye: 'Armenian',
};

/** The English name of a franc code, when this table has it (the interface then says "another language"). */
export function languageName(code: string): string | undefined {
  return Object.hasOwn(NAMES, code) ? NAMES[code] : undefined;
}

/** franc reads at most this many characters: the same cost for a page and for a book. */
const SAMPLE_CHARS = 2048;

export interface LanguageGuess {
  /** ISO 639-3, or `und` when the text is too short to tell. */
  code: string;
  /** False only when franc is sure of another language: an undetermined text is not called foreign. */
  looksFrench: boolean;
}

/** The text's language, judged on a sample from its middle (a book's first page is often a title and a licence). */
export function guessLanguage(paragraphs: readonly string[]): LanguageGuess {
  const middle = Math.floor(paragraphs.length / 2);
  let sample = '';
  for (let i = middle; i < paragraphs.length && sample.length < SAMPLE_CHARS; i++) sample += `${paragraphs[i]}\n`;
  for (let i = middle - 1; i >= 0 && sample.length < SAMPLE_CHARS; i--) sample = `${paragraphs[i]}\n${sample}`;
  const code = franc(sample.slice(0, SAMPLE_CHARS));
  return { code, looksFrench: code === 'fra' || code === UNDETERMINED };
}
