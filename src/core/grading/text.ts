// Grading of typed answers (short answers, typed cloze) by meaning-preserving normalisation: the learner may
// write a number in words or digits, put a preposition or article before the answer, write it inside a short
// sentence, use a place's English name when asked in English, or vary hyphens, spaces, apostrophes and case.
// Nothing that changes the meaning is forgiven: a negation, a second value or an alternative next to the right
// answer makes it wrong.
import type { Lang } from '../quiz';
import { answerWords, normaliseAnswer, stripAccents } from './normalise';
import { frenchPlaceNames } from './places';

export const ALMOST = 'almost: check the spelling';

export interface TypedAnswerRules {
  accepted: readonly string[];
  accentsMatter: boolean;
  /** Whether the question asks in English, so English place names count. */
  promptLang: Lang;
  /**
   * A short answer may hold the accepted answer inside a short sentence and after leading function words; a
   * cloze fills a gap in the text, so an extra article or sentence around the word would not fit it.
   */
  kind: 'short-answer' | 'cloze';
  /** The question's prompt and evidence quote: words a learner may repeat around the answer. */
  context: string;
}

export interface TextGrade {
  score: number;
  verdict: 'correct' | 'almost' | 'wrong';
  detail: string;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/u).map(stripAccents));

/** Words that may come before an answer without changing it: « pendant sept jours », "in Russia", « la Tumen ». */
const LEADING = words(`le la les l' de du des d' à a au aux en dans pendant durant sur sous par pour vers depuis chez avec
  the an in at on to of for during by from into`);

/**
 * Words around the answer in a sentence that leave it as it is: pronouns, "it is", « c'est », « il est resté »,
 * "I think". Any other word must come from the prompt or the quoted text, else it may name a second value.
 */
const FRAME = words(`${[...LEADING].join(' ')} je j' tu il elle on nous vous ils elles c' ce ça cela ceci que qu' qui y
  est était été sont étaient être a ont avait avaient eu va fait resté restée restés reste restait dure duré durait passé
  pense crois réponse voilà ici là
  i it it' s he she they we you is was were are be been has have had stayed stay lasted spent think answer there here`);

/** Words that turn a right answer next to them into another answer: negation, an alternative, an approximation. */
const CHANGES_MEANING = words(`ne n' pas non jamais aucun aucune rien ni sans plus moins ou et mais sauf plutôt soit
  environ presque près quasi voire
  not no never none nor neither without or and but except rather either versus vs about almost nearly around
  approximately roughly more less than over under least most maybe perhaps peut`);

/** An accepted answer's leading article may be left out (« Tumen » for « la Tumen »); a preposition may not (« à ce jour »). */
const ARTICLES = words(`le la les l' the`);

const MAX_EXTRA_WORDS = 8;

interface Forms {
  words: string[];
  joined: string;
}

const wordsWithAccents = (text: string): string[] => answerWords(text, true);
const wordsWithoutAccents = (text: string): string[] => answerWords(text, false);

function formsOf(text: string, rules: TypedAnswerRules, accentsMatter: boolean): Forms {
  const raw = answerWords(text, accentsMatter);
  const list = rules.promptLang === 'en' ? frenchPlaceNames(raw, accentsMatter ? wordsWithAccents : wordsWithoutAccents) : raw;
  return { words: list, joined: list.join('').replace(/'/gu, '') };
}

const sameWords = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

/** The words without 0, 1, 2… of their leading words from `set`, never down to nothing. */
function withoutLeading(list: readonly string[], set: ReadonlySet<string> = LEADING): string[][] {
  const out: string[][] = [[...list]];
  for (let k = 0; k < list.length - 1 && set.has(stripAccents(list[k] ?? '')); k++) out.push(list.slice(k + 1));
  return out;
}

/** The accepted words as a whole phrase inside a short answer whose other words leave the meaning alone. */
function inShortSentence(answer: readonly string[], accepted: readonly string[], context: ReadonlySet<string>): boolean {
  if (accepted.length === 0 || answer.length <= accepted.length || answer.length > accepted.length + MAX_EXTRA_WORDS) return false;
  for (let at = 0; at + accepted.length <= answer.length; at++) {
    if (!accepted.every((w, k) => answer[at + k] === w)) continue;
    const rest = [...answer.slice(0, at), ...answer.slice(at + accepted.length)].map(stripAccents);
    const harmless = rest.every(
      (w) => !CHANGES_MEANING.has(w) && !w.endsWith("n'") && !/\d/u.test(w) && (FRAME.has(w) || context.has(w)),
    );
    if (harmless) return true;
  }
  return false;
}

function matches(answer: Forms, variant: Forms, rules: TypedAnswerRules, context: ReadonlySet<string>): boolean {
  if (sameWords(answer.words, variant.words)) return true;
  if (answer.joined.length > 0 && answer.joined === variant.joined) return true;
  if (rules.kind === 'cloze') return false;
  return withoutLeading(variant.words, ARTICLES).some(
    (target) => withoutLeading(answer.words).some((form) => sameWords(form, target)) || inShortSentence(answer.words, target, context),
  );
}

/** Optimal string alignment distance (Levenshtein plus transposition of adjacent letters), over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) rows.push(Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(x.length, y.length);
}

// A slip of one letter only counts as "almost" in words long enough for it to be a slip: "en" for "un" is
// another word. A wrong accent counts at any length, and a wrong number never counts: 8 is not a misspelt 9.
const NEAR_MISS_MIN_LETTERS = 4;
const digits = (text: string): string => text.replace(/\D/gu, '');

function isNearMiss(answer: string, variant: string): boolean {
  // The distance is at least the difference in length: most wrong answers are settled without the full table.
  if (Math.abs([...answer].length - [...variant].length) > 1) return false;
  if (editDistance(answer, variant) !== 1) return false;
  if (digits(answer) !== digits(variant)) return false;
  if (stripAccents(answer) === stripAccents(variant)) return true;
  return [...variant.replace(/[^\p{L}]/gu, '')].length >= NEAR_MISS_MIN_LETTERS;
}

export function gradeText(text: string, rules: TypedAnswerRules): TextGrade {
  if (normaliseAnswer(text, rules.accentsMatter).replace(/[^\p{L}\p{N}]/gu, '').length === 0) {
    return { score: 0, verdict: 'wrong', detail: 'wrong: no answer given' };
  }
  const contextOf = (accents: boolean): ReadonlySet<string> => new Set(formsOf(rules.context, rules, accents).words.map(stripAccents));
  const context = contextOf(rules.accentsMatter);
  const answer = formsOf(text, rules, rules.accentsMatter);
  for (const variant of rules.accepted) {
    if (!matches(answer, formsOf(variant, rules, rules.accentsMatter), rules, context)) continue;
    // Right, but worth saying when the accents were forgiven.
    const accentsDiffer = !rules.accentsMatter && !matches(formsOf(text, rules, true), formsOf(variant, rules, true), rules, contextOf(true));
    return { score: 1, verdict: 'correct', detail: accentsDiffer ? `correct: mind the accents, « ${variant} »` : 'correct' };
  }
  const tries = withoutLeading(answer.words).map((form) => form.join(' '));
  const nearMiss = rules.accepted.some((variant) => {
    const target = formsOf(variant, rules, rules.accentsMatter).words.join(' ');
    return tries.some((form) => isNearMiss(form, target));
  });
  if (nearMiss) return { score: 0, verdict: 'almost', detail: ALMOST };
  return { score: 0, verdict: 'wrong', detail: `wrong: the answer is « ${rules.accepted[0] ?? ''} »` };
}
