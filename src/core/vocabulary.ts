// Vocabulary practice generated from a lesson's glosses: meaning-choice and cloze questions, the same question
// types that quiz.json uses (so grade() scores them), deterministic for a seed.
import type { Lesson, LessonToken } from './lesson';
import { optionSense } from './gloss-format';
import { mulberry32, shuffleWith } from './random';
import type { ChoiceClozeQuestion, Evidence, Option, SingleChoiceQuestion } from './quiz';

export type VocabularyQuestion = SingleChoiceQuestion | ChoiceClozeQuestion;

export interface VocabularyOptions {
  seed: number;
  /** Lemmas the learner looked up while reading: they come first as targets. */
  lookedUp: readonly string[];
  count: number;
}

// Words worth practising; articles, pronouns, determiners, auxiliaries, names and grammatical words (the lexicon's
// `function` flag: à, de, dans, pour…) are not.
const TARGET_POS = new Set(['noun', 'verb', 'adjective', 'adverb', 'preposition']);
// Senses of these two are mostly grammar (il y a = ago, a été = was), not vocabulary.
const SKIPPED_LEMMAS = new Set(['avoir', 'être']);
// Glosses that point out a slip of the article: never practise on those words.
const SLIP = /\bslip\b|wrongly|is missing|should (?:be|read)|see the editor/iu;
const DISTRACTORS = 3;
const MIN_SENTENCE_WORDS = 5;

interface Use {
  token: LessonToken;
  /** The sense in this sentence, shortened for an option. */
  sense: string;
}

interface Word {
  entryId: string;
  lemma: string;
  pos: string;
  uses: Use[];
  /** The sense used when this word is a distractor: that of its first use. */
  sense: string;
}

const fold = (text: string): string => text.normalize('NFC').replace(/'/gu, '’').trim().toLocaleLowerCase('fr');

function senseWords(sense: string, pos: string): Set<string> {
  const ignored = pos === 'verb' ? ['a', 'an', 'the', 'to'] : ['a', 'an', 'the'];
  return new Set(
    sense
      .toLocaleLowerCase('en')
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((w) => w.length > 0 && !ignored.includes(w))
      // A crude stem, enough for say / says.
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

/** Two senses that share a word (leader / leader; to, at / to the, at the) would both be right answers. */
function overlaps(a: string, b: string, pos: string): boolean {
  const words = senseWords(a, pos);
  return [...senseWords(b, pos)].some((w) => words.has(w));
}

/** The option id (and question-id suffix) for a lexicon entry id, e.g. "blinde.adj" -> "blinde-adj". */
export const entryOptionId = (entryId: string): string =>
  entryId
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '') || 'x';

/** Words of the lesson that can be practised, in text order, each with its usable occurrences. */
function practisableWords(lesson: Lesson): Word[] {
  const slipTokens = new Set<number>();
  for (const expression of lesson.expressions) {
    if (!SLIP.test(`${expression.sense} ${expression.note ?? ''}`)) continue;
    for (const token of lesson.tokens) if (token.start >= expression.start && token.end <= expression.end) slipTokens.add(token.index);
  }
  const words = new Map<string, Word>();
  for (const token of lesson.tokens) {
    const gloss = token.gloss;
    if (token.kind !== 'word' || !gloss || !TARGET_POS.has(gloss.pos) || gloss.function) continue;
    if (SKIPPED_LEMMAS.has(gloss.lemma) || !/^[\p{L}][\p{L}’'-]*$/u.test(gloss.lemma) || [...gloss.lemma].length < 3) continue;
    if (/['’]$/u.test(token.text) || slipTokens.has(token.index) || SLIP.test(`${gloss.sense} ${gloss.note ?? ''}`)) continue;
    const sense = optionSense(gloss.sense);
    if (sense.length === 0) continue;
    const word = words.get(gloss.entryId) ?? { entryId: gloss.entryId, lemma: gloss.lemma, pos: gloss.pos, uses: [], sense };
    word.uses.push({ token, sense });
    words.set(gloss.entryId, word);
  }
  return [...words.values()];
}

function evidenceFor(lesson: Lesson, start: number, end: number, token: LessonToken): Evidence {
  const sentence = lesson.sentences[token.sentence] ?? { start: token.start, end: token.end, index: token.sentence };
  return {
    paragraph: token.paragraph + 1,
    quote: lesson.text.slice(start, end),
    start,
    end,
    sentence: { start: sentence.start, end: sentence.end, index: token.sentence },
  };
}

/** Up to DISTRACTORS words of the same part of speech whose senses neither overlap the target's nor each other's. */
function pickDistractors(target: Word, sense: string, pool: readonly Word[], random: () => number, accept: (w: Word) => boolean): Word[] {
  const chosen: Word[] = [];
  for (const word of shuffleWith(pool, random)) {
    if (chosen.length === DISTRACTORS) break;
    if (word.pos !== target.pos || fold(word.lemma) === fold(target.lemma)) continue;
    if (overlaps(word.sense, sense, target.pos) || chosen.some((c) => overlaps(c.sense, word.sense, target.pos))) continue;
    if (!accept(word)) continue;
    chosen.push(word);
  }
  return chosen;
}

function meaningQuestion(lesson: Lesson, target: Word, words: readonly Word[], random: () => number): SingleChoiceQuestion | undefined {
  const use = shuffleWith(target.uses, random)[0];
  if (!use) return undefined;
  const distractors = pickDistractors(target, use.sense, words, random, () => true);
  if (distractors.length < DISTRACTORS) return undefined;
  const form = use.token.text;
  const named = fold(form) === fold(target.lemma) ? `« ${form} »` : `« ${form} » (${target.lemma})`;
  const options: Option[] = shuffleWith(
    [{ id: entryOptionId(target.entryId), text: use.sense }, ...distractors.map((d) => ({ id: entryOptionId(d.entryId), text: d.sense }))],
    random,
  );
  return {
    id: `vocab-meaning-${entryOptionId(target.entryId)}`,
    type: 'single',
    prompt: `What does ${named} mean in the text?`,
    promptLang: 'en',
    options,
    optionLang: 'en',
    correct: entryOptionId(target.entryId),
    explanation: `${named} (${target.pos}) means “${use.sense}” here.`,
    explanationLang: 'en',
    evidence: evidenceFor(lesson, use.token.start, use.token.end, use.token),
    skill: 'vocabulary',
  };
}

const startsLower = (text: string): boolean => /^\p{Ll}/u.test(text);

function wordsInSentence(lesson: Lesson, sentence: number): number {
  return lesson.tokens.filter((t) => t.sentence === sentence && t.kind === 'word').length;
}

function clozeQuestion(lesson: Lesson, target: Word, words: readonly Word[], random: () => number): ChoiceClozeQuestion | undefined {
  // A capital would give the answer away, and a short fragment gives too little context.
  const uses = target.uses.filter((u) => startsLower(u.token.text) && wordsInSentence(lesson, u.token.sentence) >= MIN_SENTENCE_WORDS);
  const use = shuffleWith(uses, random)[0];
  if (!use) return undefined;
  const form = use.token.text;
  const formOf = (word: Word): string | undefined => word.uses.find((u) => startsLower(u.token.text))?.token.text;
  const forms = new Set([fold(form)]);
  const distractors = pickDistractors(target, use.sense, words, random, (word) => {
    const f = formOf(word);
    if (f === undefined || forms.has(fold(f))) return false;
    forms.add(fold(f));
    return true;
  });
  if (distractors.length < DISTRACTORS) return undefined;
  const sentence = lesson.sentences[use.token.sentence];
  if (!sentence) return undefined;
  const options: Option[] = shuffleWith(
    [{ id: entryOptionId(target.entryId), text: form }, ...distractors.map((d) => ({ id: entryOptionId(d.entryId), text: formOf(d) ?? d.lemma }))],
    random,
  );
  return {
    id: `vocab-cloze-${entryOptionId(target.entryId)}`,
    type: 'cloze',
    mode: 'choice',
    prompt: 'Choose the word that completes this sentence of the text.',
    promptLang: 'en',
    cloze: {
      before: lesson.text.slice(sentence.start, use.token.start),
      blank: form,
      after: lesson.text.slice(use.token.end, sentence.end),
      start: use.token.start,
      end: use.token.end,
    },
    options,
    optionLang: 'fr',
    correct: entryOptionId(target.entryId),
    explanation: `The text has « ${form} » (${target.lemma}, ${target.pos}): “${use.sense}”.`,
    explanationLang: 'en',
    evidence: evidenceFor(lesson, sentence.start, sentence.end, use.token),
    skill: 'vocabulary',
  };
}

const practisableOf = new WeakMap<Lesson, ReadonlySet<string>>();

/** The option ids of every word the lesson can practise: the only right answers a vocabulary question can have. */
export function practisableOptionIds(lesson: Lesson): ReadonlySet<string> {
  let ids = practisableOf.get(lesson);
  if (!ids) {
    ids = new Set(practisableWords(lesson).map((w) => entryOptionId(w.entryId)));
    practisableOf.set(lesson, ids);
  }
  return ids;
}

/**
 * Generates up to `count` vocabulary questions, alternating meaning-choice and cloze, one per word. Words the
 * learner looked up come first. The same lesson, seed and looked-up set always give the same questions.
 */
export function vocabularyPractice(lesson: Lesson, options: VocabularyOptions): VocabularyQuestion[] {
  const random = mulberry32(options.seed);
  const words = practisableWords(lesson);
  const lookedUp = new Set(options.lookedUp.map(fold));
  const shuffled = shuffleWith(words, random);
  const targets = [...shuffled.filter((w) => lookedUp.has(fold(w.lemma))), ...shuffled.filter((w) => !lookedUp.has(fold(w.lemma)))];

  const questions: VocabularyQuestion[] = [];
  for (const target of targets) {
    if (questions.length >= options.count) break;
    const makers = questions.length % 2 === 0 ? [meaningQuestion, clozeQuestion] : [clozeQuestion, meaningQuestion];
    for (const make of makers) {
      const question = make(lesson, target, words, random);
      if (question) {
        questions.push(question);
        break;
      }
    }
  }
  return questions;
}
