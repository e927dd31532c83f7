// The grammatical labels in the language on screen (shared/grammar-words.ts): nom, verbe, masculin, présent…
import type { GrammarWords } from '../../../core/gloss-format';
import { GRAMMAR_WORDS } from '../../../shared/grammar-words';
import { locale } from '../i18n/locale.svelte';

export const grammarWords = (): GrammarWords => GRAMMAR_WORDS[locale.current];
