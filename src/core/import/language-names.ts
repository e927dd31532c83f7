// The English names of franc's language codes, apart from franc itself so the renderer can name a language
// without bundling franc's trigram tables.

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

/** The name of a franc code in the interface's language (French from Intl), for the codes this table knows. */
export function languageNameIn(code: string, language: 'en' | 'fr'): string | undefined {
  const english = languageName(code);
  if (english === undefined || language === 'en') return english;
  const name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
  return name && name !== code ? name : undefined;
}
