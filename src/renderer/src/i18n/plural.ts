// Counts with their noun, by each language's plural rule (Intl.PluralRules): English "0 words, 1 word, 2 words",
// French "0 mot, 1 mot, 2 mots" (French counts 0 and 1 as singular).
const RULES = { en: new Intl.PluralRules('en'), fr: new Intl.PluralRules('fr') };

function countIn(language: keyof typeof RULES, n: number, one: string, many: string, space: string): string {
  return `${n}${space}${RULES[language].select(n) === 'one' ? one : many}`;
}

/** English: `counted(1, 'word')` is "1 word", `counted(0, 'word')` "0 words". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return countIn('en', n, one, many, ' ');
}

/** French, with a no-break space between the number and its noun: `compte(0, 'mot')` is "0 mot", `compte(2, 'mot')` "2 mots". */
export function compte(n: number, un: string, plusieurs = `${un}s`): string {
  return countIn('fr', n, un, plusieurs, '\u00a0');
}

/** Whether French takes the singular for this count (0 and 1 do: « 0 mot », « 1,5 kilo »). */
export function singulier(n: number): boolean {
  return RULES.fr.select(n) === 'one';
}
