/**
 * The key a word's status and review card are kept under: its lemma, whatever its case, so marking one form marks
 * every occurrence of the lemma.
 */
export const lemmaKey = (lemma: string): string => lemma.toLocaleLowerCase('fr');
