// Draft quiz questions made from a lesson's confirmed glosses: cloze items, vocabulary items and one ordering item.
// Each is a valid quiz.json question whose evidence is its sentence; the teacher keeps, edits or deletes each.
import { optionSense } from '../gloss-format';
import type { Entry, Lesson } from '../lesson';
import { mulberry32, shuffleWith } from '../random';
import { splitParagraphs, splitSentences, type Range } from '../tokenizer';
import { occurrences } from './evidence';
import type { QuizQuestionInput } from './schema';

/** A gloss the teacher confirmed: the word at `at` in the text, its lemma, part of speech and English sense. */
export interface DraftGloss {
  at: number;
  form: string;
  lemma: string;
  pos: Entry['pos'];
  sense: string;
  function?: boolean;
}

export interface DraftSource {
  /** The lesson text as in text.fr.txt: one paragraph a line. */
  text: string;
  /** Confirmed glosses only: a draft never rests on a sense nobody checked. */
  glosses: readonly DraftGloss[];
}

export interface DraftOptions {
  seed: number;
  cloze?: number;
  vocabulary?: number;
  /** Question ids already in the quiz, so a draft never takes one. */
  takenIds?: Iterable<string>;
}

/** Ids of generated questions start with this, which is how the editor tells a draft from a kept question. */
export const DRAFT_PREFIX = 'draft-';

const CONTENT_POS: ReadonlySet<Entry['pos']> = new Set(['noun', 'verb', 'adjective', 'adverb']);
const OPTION_IDS = ['a', 'b', 'c', 'd'] as const;
const MAX_ORDER_ITEMS = 5;

// Words that put events in order, days and months, matched as whole words of the folded sentence; and years.
const SEQUENCE = new RegExp(
  `(?<![\\p{L}'])(?:${(
    "d'abord ensuite puis enfin après avant finalement premièrement deuxièmement alors aujourd'hui hier demain " +
    'lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août ' +
    'septembre octobre novembre décembre'
  )
    .split(' ')
    .join('|')})(?![\\p{L}])|(?<!\\d)(?:1[5-9]|20)\\d{2}(?!\\d)`,
  'u',
);

interface Sentence extends Range {
  /** 1-based, as evidence counts paragraphs. */
  paragraph: number;
  quote: string;
  glosses: DraftGloss[];
}

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('fr').replace(/’/g, "'");
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);

/** Sentences that can be quoted as evidence (their text occurs once in their paragraph), with their glosses. */
function quotableSentences(source: DraftSource): Sentence[] {
  const text = source.text.replace(/\r\n?/g, '\n');
  const byStart = [...source.glosses].sort((a, b) => a.at - b.at);
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((paragraph, p) => {
    const body = text.slice(paragraph.start, paragraph.end);
    for (const range of splitSentences(text, paragraph)) {
      const quote = text.slice(range.start, range.end);
      if (occurrences(body, quote).length !== 1) continue;
      const glosses = byStart.filter((g) => g.at >= range.start && g.at + g.form.length <= range.end && text.startsWith(g.form, g.at));
      out.push({ ...range, paragraph: p + 1, quote, glosses });
    }
  });
  return out;
}

/** The form can be blanked: a whole word, once in its sentence. */
function blankable(sentence: Sentence, gloss: DraftGloss): boolean {
  const found = occurrences(sentence.quote, gloss.form);
  if (found.length !== 1) return false;
  const at = found[0] ?? 0;
  return !isLetter(sentence.quote[at - 1]) && !isLetter(sentence.quote[at + gloss.form.length]);
}

const isContent = (g: DraftGloss): boolean => CONTENT_POS.has(g.pos) && !g.function && g.form.length >= 3;

class Ids {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }
  next(kind: string): string {
    for (let n = 1; ; n++) {
      const id = `${DRAFT_PREFIX}${kind}-${n}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

function clozeItems(sentences: Sentence[], count: number, random: () => number, ids: Ids): QuizQuestionInput[] {
  const out: QuizQuestionInput[] = [];
  for (const sentence of shuffleWith(sentences, random)) {
    if (out.length >= count) break;
    const word = shuffleWith(sentence.glosses.filter((g) => isContent(g) && blankable(sentence, g)), random)[0];
    if (!word) continue;
    out.push({
      id: ids.next('cloze'),
      type: 'cloze',
      mode: 'typed',
      prompt: 'Fill the gap with the word the text uses.',
      promptLang: 'en',
      blank: word.form,
      accentsMatter: false,
      explanation: `The text says « ${word.form} »${fold(word.form) === fold(word.lemma) ? '' : ` (${word.lemma})`}: “${word.sense}” here.`,
      evidence: { paragraph: sentence.paragraph, quote: sentence.quote },
      skill: 'vocabulary',
    });
  }
  return out;
}

function vocabularyItems(sentences: Sentence[], count: number, random: () => number, ids: Ids): QuizQuestionInput[] {
  // Senses cut to option size (the first alternative, no remarks); a sense that is only a remark is left out.
  const words = sentences.flatMap((sentence) =>
    sentence.glosses.filter(isContent).flatMap((g) => {
      const sense = optionSense(g.sense);
      return sense ? [{ sentence, gloss: { ...g, sense } }] : [];
    }),
  );
  const out: QuizQuestionInput[] = [];
  const asked = new Set<string>();
  for (const { sentence, gloss } of shuffleWith(words, random)) {
    if (out.length >= count) break;
    if (asked.has(fold(gloss.lemma))) continue;
    // Distractors: senses of other lemmas of the same part of speech, each sense once.
    const seen = new Set([fold(gloss.sense)]);
    const distractors: string[] = [];
    for (const other of shuffleWith(words, random)) {
      const g = other.gloss;
      if (distractors.length >= OPTION_IDS.length - 1) break;
      if (g.pos !== gloss.pos || fold(g.lemma) === fold(gloss.lemma) || seen.has(fold(g.sense))) continue;
      seen.add(fold(g.sense));
      distractors.push(g.sense);
    }
    if (distractors.length === 0) continue;
    asked.add(fold(gloss.lemma));
    const texts = shuffleWith([gloss.sense, ...distractors], random);
    const options = texts.map((text, i) => ({ id: OPTION_IDS[i] as string, text }));
    out.push({
      id: ids.next('vocabulary'),
      type: 'single',
      prompt: `In this sentence, what does « ${gloss.form} » mean?`,
      promptLang: 'en',
      options,
      correct: OPTION_IDS[texts.indexOf(gloss.sense)] as string,
      explanation: `« ${gloss.form} » (${gloss.lemma}, ${gloss.pos}) means “${gloss.sense}” in this sentence.`,
      evidence: { paragraph: sentence.paragraph, quote: sentence.quote },
      skill: 'vocabulary',
    });
  }
  return out;
}

const carriesSequence = (sentence: Sentence): boolean => SEQUENCE.test(fold(sentence.quote));

/** One ordering item from up to five sentences that carry dates or sequence words, in the text's order. */
function orderingItem(sentences: Sentence[], random: () => number, ids: Ids): QuizQuestionInput[] {
  const seen = new Set<string>();
  const marked = sentences.filter((s) => {
    if (!carriesSequence(s) || seen.has(fold(s.quote))) return false;
    seen.add(fold(s.quote));
    return true;
  });
  if (marked.length < 3) return [];
  const kept = new Set(shuffleWith(marked, random).slice(0, MAX_ORDER_ITEMS));
  const chosen = marked.filter((s) => kept.has(s));
  const first = chosen[0] as Sentence;
  return [
    {
      id: ids.next('order'),
      type: 'ordering',
      prompt: 'Put these sentences in the order of the text.',
      promptLang: 'en',
      items: chosen.map((s, i) => ({ id: `step-${i + 1}`, text: s.quote, evidence: { paragraph: s.paragraph, quote: s.quote } })),
      itemLang: 'fr',
      explanation: 'The dates and the words that mark a sequence (d’abord, ensuite, puis, enfin…) give the order.',
      evidence: { paragraph: first.paragraph, quote: first.quote },
      skill: 'order',
    },
  ];
}

/** Draft questions, the same for the same source and seed. Fewer than asked when the glosses do not allow more. */
export function draftQuestions(source: DraftSource, options: DraftOptions): QuizQuestionInput[] {
  const sentences = quotableSentences(source);
  const random = mulberry32(options.seed);
  const ids = new Ids(options.takenIds ?? []);
  return [
    ...clozeItems(sentences, options.cloze ?? 3, random, ids),
    ...vocabularyItems(sentences, options.vocabulary ?? 3, random, ids),
    ...orderingItem(sentences, random, ids),
  ];
}

/** A loaded lesson as a draft source, every gloss counted as confirmed (a published lesson's are). */
export function draftSourceOf(lesson: Lesson): DraftSource {
  const glosses: DraftGloss[] = [];
  for (const token of lesson.tokens) {
    const g = token.gloss;
    if (!g) continue;
    glosses.push({ at: token.start, form: token.text, lemma: g.lemma, pos: g.pos, sense: g.here ?? g.sense, ...(g.function ? { function: true } : {}) });
  }
  return { text: lesson.text, glosses };
}
