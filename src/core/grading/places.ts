// English names of the places the built-in lessons' questions ask about, so "Where…?" asked in English can be
// answered "North Korea" as well as « Corée du Nord ». One small explicit table rather than an English list on
// each question: a place has one English name whichever question asks about it, and adding a question does
// not mean remembering to list it again. Used only when the question's prompt is in English.
export const PLACE_NAMES_EN_FR: readonly (readonly [en: string, fr: string])[] = [
  ['North Korea', 'Corée du Nord'],
  ['South Korea', 'Corée du Sud'],
  ['Korea', 'Corée'],
  ['Russia', 'Russie'],
  ['Russian Federation', 'Fédération de Russie'],
  ['Moscow', 'Moscou'],
  ['Seoul', 'Séoul'],
  ['Vostochny', 'Vostochni'],
  ['Vostochny cosmodrome', 'cosmodrome de Vostochni'],
  ['Tumen River', 'rivière Tumen'],
  ['Amur', 'Amour'],
  ['Amur region', "région de l'Amour"],
  ['Far East', 'Extrême-Orient'],
  ['United States', 'États-Unis'],
  ['Japan', 'Japon'],
  ['China', 'Chine'],
];

type Table = { en: string[]; fr: string[] }[];
const tables = new WeakMap<(text: string) => string[], Table>();

/**
 * Replaces each English place name (as whole words, longest first) by its French name's words. `wordsOf` splits
 * a name as the answer was split; pass the same function each time, as the table is made once per function.
 */
export function frenchPlaceNames(words: readonly string[], wordsOf: (text: string) => string[]): string[] {
  let table = tables.get(wordsOf);
  if (!table) {
    table = PLACE_NAMES_EN_FR.map(([en, fr]) => ({ en: wordsOf(en), fr: wordsOf(fr) })).sort((a, b) => b.en.length - a.en.length);
    tables.set(wordsOf, table);
  }
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (const { en, fr } of table) {
      if (en.length > 0 && en.every((w, k) => words[i + k] === w)) {
        out.push(...fr);
        i += en.length;
        continue outer;
      }
    }
    out.push(words[i] ?? '');
    i += 1;
  }
  return out;
}
