// Automatic glossing: a draft lesson lexicon for any French text, in the shapes lesson.ts validates, with what
// the teacher must review flagged per token (unsure morphology, suggested senses, every candidate and its source).
import type { Entry, Expression, Lexicon, TokenGloss } from '../lesson';
import { splitParagraphs, splitSentences, tokenize, type Range, type Token } from '../tokenizer';
import { analyse, type LemmaKnowledge } from './analyse';
import type { ExpressionCandidate, ExpressionWord, HouseLexicon, Morphology, PartOfSpeech, SenseCandidate, SenseContext, SenseSource, TokenAnalysis } from './types';

export interface GlossSources {
  morphology: Morphology;
  senses: SenseSource;
  house?: HouseLexicon;
}

/** What the teacher should review about one glossed token (index into the draft's `tokens`). */
export interface TokenFlags {
  /** The morphology rules could not decide between readings (see analysis.candidates). */
  unsure: boolean;
  /** The sense is a dictionary's suggestion, not one the teacher confirmed before (house lexicon). */
  suggested: boolean;
  /** No source had a sense: the entry's sense is the lemma itself, to be written by the teacher. */
  noSense?: true;
  candidates: { sense: string; source: string }[];
  analysis: TokenAnalysis;
}

export interface DraftGlosses {
  lexicon: Lexicon;
  flags: TokenFlags[];
  /** Where each of lexicon.expressions was found (same order): "house", a dictionary's name, or "name". */
  expressionSources: string[];
}

const POS_ID: Record<PartOfSpeech, string> = {
  noun: 'n', 'proper noun': 'name', verb: 'v', auxiliary: 'aux', adjective: 'adj', adverb: 'adv', article: 'art',
  determiner: 'det', pronoun: 'pron', preposition: 'prep', conjunction: 'conj', number: 'num', interjection: 'interj',
  abbreviation: 'abbr',
};
const FUNCTION_WORDS: PartOfSpeech[] = ['article', 'determiner', 'pronoun', 'preposition', 'conjunction', 'auxiliary'];

/** An entry id as the lesson writes them: ascii lemma, then the part of speech (arrivée noun: arrivee.n). */
const slug = (lemma: string): string =>
  lemma.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'word';

/** House senses first (the teacher's own), then the dictionaries' by score; the same sense only once. */
function rankSenses(analysis: TokenAnalysis, context: SenseContext, sources: GlossSources): SenseCandidate[] {
  const { lemma, pos } = analysis.reading;
  const house = sources.house?.lookup(lemma, pos, context) ?? [];
  const dictionary = [...sources.senses.lookup(lemma, pos)].sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  return [...[...house].sort((a, b) => b.score - a.score), ...dictionary].filter((c) => !seen.has(c.sense) && seen.add(c.sense));
}

/**
 * A sentence's first word with a capital the morphology does not know is read as a name, unless the house knows
 * it in lower case as another word ("Zorglub est partout" after a teacher glossed "le zorglub"): the capital only
 * starts the sentence. A capital inside a sentence stays a name.
 */
function sentenceInitial(a: TokenAnalysis, house: HouseLexicon | undefined): TokenAnalysis {
  if (!a.unknown || a.reading.pos !== 'proper noun' || !house?.partsOfSpeech) return a;
  const lemma = a.reading.lemma.toLowerCase();
  const pos = house.partsOfSpeech(lemma).find((p) => p !== 'proper noun');
  if (!pos || lemma === a.reading.lemma) return a;
  const reading = { lemma, pos };
  return { ...a, reading, candidates: [reading, ...a.candidates] };
}

/**
 * Each word's context in one sentence (the other words' lemmas), from what is made once per sentence: a set of its
 * lemmas, answering `has` for every word, and the list without the word's own lemma only if a source reads it.
 * Filtering the list for every word made a sentence of n words cost n², and a pasted text without full stops is
 * one sentence (8,700 such words took 7 s, 100,000 over 13 minutes).
 */
export function sentenceContexts(lemmas: readonly string[], sentence: string): (ownLemma: string) => SenseContext {
  // Each lower-cased lemma with the spellings it has in the list (one, as the list is lower-cased already).
  const spellings = new Map<string, Set<string>>();
  for (const lemma of lemmas) {
    const key = lemma.toLowerCase();
    spellings.set(key, (spellings.get(key) ?? new Set()).add(lemma));
  }
  return (own) => new WordContext(lemmas, spellings, own, sentence);
}

class WordContext implements SenseContext {
  private others: readonly string[] | undefined;
  constructor(
    private readonly all: readonly string[],
    private readonly spellings: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly own: string,
    readonly sentence: string,
  ) {}

  get lemmas(): readonly string[] {
    return (this.others ??= this.all.filter((l) => l !== this.own));
  }

  /** Among the others if some word of the sentence is spelled so other than as the own lemma. */
  has(lemma: string): boolean {
    const spelled = this.spellings.get(lemma);
    return spelled !== undefined && (spelled.size > 1 || !spelled.has(this.own));
  }
}

/**
 * A dictionary's lookup asked once per lemma and part of speech of a text, not once per word: a 100,000-word text
 * has a few thousand of them, and each lookup scores every sense. The answer is the same for the same question.
 */
function lookupOnce(senses: SenseSource): SenseSource {
  const answers = new Map<string, SenseCandidate[]>();
  return {
    lookup: (lemma, pos) => {
      const key = `${pos}|${lemma}`;
      let found = answers.get(key);
      if (!found) answers.set(key, (found = senses.lookup(lemma, pos)));
      return found;
    },
    expressions: (words) => senses.expressions(words),
  };
}

/**
 * How well each lemma is known, for analyse to choose between the lemmas of one form and part of speech: the house
 * (read once, for the lemmas that have such a rival in this text) first, then the dictionary's best score.
 */
function lemmaKnowledge(tokens: readonly Token[], given: GlossSources, senses: SenseSource): LemmaKnowledge {
  const rivals = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const readings = given.morphology.readings(token.text);
    for (const r of readings) if (readings.some((o) => o.pos === r.pos && o.lemma !== r.lemma)) rivals.add(r.lemma);
  }
  const house = rivals.size === 0 ? undefined : (given.house?.forText?.([...rivals]) ?? given.house);
  const answers = new Map<string, number>();
  return (lemma, pos) => {
    const key = `${pos}|${lemma}`;
    let known = answers.get(key);
    if (known === undefined) {
      known = house?.partsOfSpeech?.(lemma).includes(pos) ? 1 : (senses.lookup(lemma, pos)[0]?.score ?? 0);
      answers.set(key, known);
    }
    return known;
  };
}

export function autoGloss(text: string, given: GlossSources): DraftGlosses {
  const tokens = tokenize(text);
  const senses = lookupOnce(given.senses);
  const analyses = analyse(tokens, given.morphology, lemmaKnowledge(tokens, given, senses));
  // The house read once for the whole text's lemmas, not once per word.
  const house = given.house?.forText?.(analyses.map((a) => a.reading.lemma)) ?? given.house;
  const sources: GlossSources = { ...given, senses, ...(house ? { house } : {}) };
  const sentences: Range[] = splitParagraphs(text).flatMap((p) => splitSentences(text, p));
  const entries: Record<string, Entry> = {};
  const glosses: TokenGloss[] = [];
  const flags: TokenFlags[] = [];
  const expressions: Found[] = [];

  let s = 0;
  let sentenceWords: TokenAnalysis[] = [];
  const bySentence: TokenAnalysis[][] = [];
  for (const a of analyses) {
    while (s < sentences.length - 1 && a.start >= (sentences[s]?.end ?? 0)) {
      bySentence.push(sentenceWords);
      sentenceWords = [];
      s++;
    }
    sentenceWords.push(a);
  }
  bySentence.push(sentenceWords);

  bySentence.forEach((read, index) => {
    const words = read.map((a, i) => (i === 0 ? sentenceInitial(a, sources.house) : a));
    const range = sentences[index] ?? { start: 0, end: text.length };
    const contextOf = sentenceContexts(
      words.map((w) => w.reading.lemma.toLowerCase()),
      text.slice(range.start, range.end),
    );
    for (const a of words) {
      const ranked = rankSenses(a, contextOf(a.reading.lemma.toLowerCase()), sources);
      const { lemma, pos } = a.reading;
      const chosen = ranked[0];
      const sense = chosen?.sense ?? lemma;
      const id = entryId(entries, { lemma, pos, sense });
      entries[id] ??= {
        lemma,
        pos,
        sense,
        ...(pos === 'noun' && a.reading.gender ? { gender: a.reading.gender } : {}),
        ...(FUNCTION_WORDS.includes(pos) ? { function: true as const } : {}),
      };
      glosses.push({
        at: a.start,
        form: a.form,
        entry: id,
        ...(pos !== 'noun' && a.reading.gender ? { gender: a.reading.gender } : {}),
        ...(a.reading.number ? { number: a.reading.number } : {}),
        ...(a.reading.verb ? { verb: a.reading.verb } : {}),
      });
      flags.push({
        unsure: a.unsure,
        suggested: chosen?.source !== 'house',
        ...(chosen ? {} : { noSense: true as const }),
        candidates: ranked.map(({ sense: candidate, source }) => ({ sense: candidate, source })),
        analysis: a,
      });
    }
    expressions.push(...sentenceExpressions(text, words, sources));
  });
  expressions.sort((a, b) => a.expression.start - b.expression.start);
  return { lexicon: { entries, tokens: glosses, expressions: expressions.map((e) => e.expression) }, flags, expressionSources: expressions.map((e) => e.source) };
}

/** The entry for this lemma, part of speech and sense: one entry per sense, ids made unique by a number. */
function entryId(entries: Record<string, Entry>, entry: Pick<Entry, 'lemma' | 'pos' | 'sense'>): string {
  const base = `${slug(entry.lemma)}.${POS_ID[entry.pos]}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}.${n}`;
    const known = entries[id];
    if (!known || (known.lemma === entry.lemma && known.pos === entry.pos && known.sense === entry.sense)) return id;
  }
}

interface Found {
  expression: Expression;
  source: string;
}

/** Dictionary and house expressions, then runs of names (Kim Jong-un); the first found keeps a word. */
function sentenceExpressions(text: string, words: TokenAnalysis[], sources: GlossSources): Found[] {
  const list: ExpressionWord[] = words.map((w) => ({ form: w.form, lemma: w.reading.lemma, pos: w.reading.pos }));
  const found: ExpressionCandidate[] = [...(sources.house?.expressions?.(list) ?? []), ...sources.senses.expressions(list)];
  for (let i = 0; i < words.length; i++) {
    if (words[i]?.reading.pos !== 'proper noun') continue;
    let last = i;
    while (words[last + 1]?.reading.pos === 'proper noun' && text.slice(words[last]?.end, words[last + 1]?.start) === ' ') last++;
    const name = text.slice(words[i]?.start, words[last]?.end);
    found.push({ first: i, last, lemma: name, sense: name, source: 'name', score: 0 });
    i = last;
  }
  const taken = new Set<number>();
  const out: Found[] = [];
  for (const e of found) {
    const first = words[e.first];
    const last = words[e.last];
    if (!first || !last || e.last < e.first) continue;
    const span = Array.from({ length: e.last - e.first + 1 }, (_, k) => e.first + k);
    if (span.some((k) => taken.has(k))) continue;
    span.forEach((k) => taken.add(k));
    const kind = e.source === 'name' ? 'name' : 'expression';
    const written = text.slice(first.start, last.end);
    const expression: Expression = { start: first.start, end: last.end, text: written, kind, ...(kind === 'expression' && e.lemma !== written ? { lemma: e.lemma } : {}), sense: e.sense };
    out.push({ expression, source: e.source });
  }
  return out.sort((a, b) => a.expression.start - b.expression.start);
}
