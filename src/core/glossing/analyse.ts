// Morphology in context: every word token's readings from the lexicon, then a small rule tagger that picks one
// by its neighbours (general French rules, not tuned to any text), with compound tenses joined and the tokens the
// rules could not decide marked unsure, every candidate kept.
import type { Tense } from '../gloss-format';
import type { Token } from '../tokenizer';
import type { Morphology, MorphReading, PartOfSpeech, TokenAnalysis, VerbForm } from './types';

// Without context, the likelier part of speech of a French form read several ways (higher first).
const PRIOR: Partial<Record<PartOfSpeech, number>> = {
  article: 9, determiner: 8, preposition: 7, pronoun: 6, conjunction: 5.5, auxiliary: 2, verb: 4, noun: 5,
  adjective: 3.5, adverb: 3, 'proper noun': 2.5, number: 6,
};
// A handful of very common verbs win a lemma tie (allions: aller, not allier; suis: être, not suivre).
const COMMON_VERBS = ['être', 'avoir', 'aller', 'faire', 'dire', 'pouvoir', 'venir', 'voir', 'devoir', 'savoir', 'vouloir', 'prendre', 'mettre', 'tenir'];
const CARDINALS = new Set(['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'cent', 'cents', 'mille', 'zéro']);
const SUBJECTS = new Set(['je', 'j’', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ne', 'n’', 'se', 's’', 'me', 'm’', 'te', 't’', 'lui', 'leur', 'y', 'en']);
const PERSON_OF: Record<string, 1 | 2 | 3> = { je: 1, 'j’': 1, tu: 2, nous: 1, vous: 2 };
const NEGATIONS = new Set(['pas', 'jamais', 'plus', 'rien', 'point']);
// Enclitic subject or object after a hyphen: a-t-il, dit-elle, donne-le.
const ENCLITICS = /^(.+?)(-t)?-(il|elle|on|ils|elles|je|tu|nous|vous|moi|toi|le|la|les|lui|leur|y|en|ce)$/u;
const SENTENCE_END = new Set(['.', '!', '?', '…', ';', ':']);
/**
 * Between readings of one part of speech that differ only by lemma (ouvre: ouvrer or ouvrir; fils: fil or fils)
 * the context rules say nothing, and Lefff lists them alphabetically: how well the lemma is known decides
 * (`LemmaKnowledge`, 0..1). A gap of 0.3 (a human-edited dictionary's 0.9 against a machine chain's 0.6) is more
 * than the unsure margin of 1; a lemma nobody knows loses by more than the common-verb bonus.
 */
const LEMMA_WEIGHT = 4;
// Tense keys the interface can name (gloss-format's TENSES).
const COMPOUND: Record<string, { tense: Tense; mood: VerbForm['mood'] }> = {
  'present|indicative': { tense: 'passé composé', mood: 'indicative' },
  'imparfait|indicative': { tense: 'plus-que-parfait', mood: 'indicative' },
  'passé simple|indicative': { tense: 'passé antérieur', mood: 'indicative' },
  'futur simple|indicative': { tense: 'futur antérieur', mood: 'indicative' },
  'conditionnel présent|conditional': { tense: 'conditionnel passé', mood: 'conditional' },
  'present|subjunctive': { tense: 'passé', mood: 'subjunctive' },
  'imparfait|subjunctive': { tense: 'plus-que-parfait', mood: 'subjunctive' },
  'present infinitive|infinitive': { tense: 'past infinitive', mood: 'infinitive' },
  'present participle|participle': { tense: 'past participle (compound)', mood: 'participle' },
};

interface Word {
  token: number;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the previous word when nothing but spaces stands between them. */
  prev?: number;
  sentenceStart: boolean;
  candidates: MorphReading[];
  unknown?: true;
}

const isCapital = (s: string): boolean => /^\p{Lu}/u.test(s);
const isParticiple = (r: MorphReading): boolean => r.verb?.mood === 'participle' && r.verb.tense === 'past participle';
const isFinite = (r: MorphReading): boolean => !!r.verb && r.verb.mood !== 'participle' && r.verb.mood !== 'infinitive';
const has = (w: Word | undefined, pos: PartOfSpeech): boolean => !!w && w.candidates.some((c) => c.pos === pos);

/** Readings of one form, with the general rules for forms the lexicon lacks. */
function readingsOf(text: string, morphology: Morphology, sentenceStart: boolean): { candidates: MorphReading[]; unknown?: true } {
  const lower = text.toLowerCase().replace(/'/g, '’');
  let found = morphology.readings(text).filter((r) => r.pos !== 'proper noun' || isCapital(text));
  if (CARDINALS.has(lower)) found = [{ lemma: lower, pos: 'number' }, ...found];
  if (lower === 'au' || lower === 'aux') found = [{ lemma: lower, pos: 'preposition' }];
  if (lower === 'du' || lower === 'des') found = [...found.filter((r) => r.pos === 'article'), { lemma: lower, pos: 'preposition' }];
  // A capital in mid-sentence is a name first.
  // A capital in mid-sentence is a name first (la Fédération de Russie, le Conseil de sécurité).
  if (isCapital(text) && !sentenceStart && found.length > 0) {
    if (!found.some((r) => r.pos === 'proper noun') && found.some((r) => r.pos === 'noun')) found.push({ lemma: text, pos: 'proper noun' });
    found.sort((a, b) => Number(b.pos === 'proper noun') - Number(a.pos === 'proper noun'));
  }
  if (found.length > 0) return { candidates: found };
  const enclitic = ENCLITICS.exec(lower);
  if (enclitic?.[1]) {
    const verbs = morphology.readings(enclitic[1]).filter((r) => r.pos === 'verb' || r.pos === 'auxiliary');
    if (verbs.length > 0) return { candidates: verbs };
  }
  const hyphen = lower.lastIndexOf('-');
  if (hyphen > 0 && !isCapital(text)) {
    // nord-coréen, sous-marin: the head is the last part, its prefix kept in the lemma.
    const head = morphology.readings(lower.slice(hyphen + 1)).filter((r) => r.pos === 'noun' || r.pos === 'adjective');
    if (head.length > 0) return { candidates: head.map((r) => ({ ...r, lemma: `${lower.slice(0, hyphen + 1)}${r.lemma}` })) };
  }
  if (isCapital(text)) return { candidates: [{ lemma: text, pos: 'proper noun' }], unknown: true };
  return { candidates: [{ lemma: lower, pos: 'noun' }], unknown: true };
}

/**
 * How well a lemma of this part of speech is known, 0..1: 1 for one the teacher confirmed, else the dictionary's
 * best sense score (its sources' trust). Only compared between lemmas of the same form and part of speech.
 */
export type LemmaKnowledge = (lemma: string, pos: PartOfSpeech) => number;

/** What the reading loses against the best-known lemma of its part of speech among the word's readings. */
function lessKnown(c: MorphReading, w: Word, known: LemmaKnowledge | undefined): number {
  const rivals = known ? w.candidates.filter((r) => r.pos === c.pos && r.lemma !== c.lemma) : [];
  if (!known || rivals.length === 0) return 0;
  const own = known(c.lemma, c.pos);
  return Math.max(0, ...rivals.map((r) => known(r.lemma, r.pos) - own));
}

/** The score of one candidate in its context; the tagger keeps the best. */
function score(c: MorphReading, w: Word, words: Word[], i: number, known?: LemmaKnowledge): number {
  let s = (PRIOR[c.pos] ?? 1) - LEMMA_WEIGHT * lessKnown(c, w, known);
  const prev = w.prev === undefined ? undefined : words[w.prev];
  const prevChosen = prev?.candidates[0];
  const next = words[i + 1]?.prev === i ? words[i + 1] : undefined;
  const afterDeterminer = prevChosen?.pos === 'article' || prevChosen?.pos === 'determiner' || (!!prev && CONTRACTED.has(prev.lower) && prevChosen?.pos === 'preposition');
  const beforeNoun = !!next && (has(next, 'noun') || has(next, 'adjective') || has(next, 'number'));
  const afterSubject = !!prev && SUBJECTS.has(prev.lower);
  if (afterDeterminer) {
    if (c.pos === 'noun' || c.pos === 'adjective' || c.pos === 'number') s += 4;
    if (c.verb || c.pos === 'pronoun' || c.pos === 'article' || c.pos === 'determiner') s -= 4;
    // A noun or adjective agrees in number with its determiner: le fils is the son, not the threads (fil).
    if ((c.pos === 'noun' || c.pos === 'adjective') && c.number && prevChosen?.number && c.number !== prevChosen.number) s -= 3;
  }
  if (prevChosen?.pos === 'preposition' && c.verb) s += c.verb.mood === 'infinitive' ? 3 : -3;
  if (afterSubject && isFinite(c)) s += 5;
  if (prevChosen?.pos === 'noun' && c.pos === 'adjective') s += 2.5;
  // Between a determiner and a noun, an adjective (une nouvelle page); after determiner + adjective, a noun.
  if (afterDeterminer && c.pos === 'adjective' && next && has(next, 'noun') && !has(next, 'adjective') && !has(next, 'auxiliary')) s += 2.5;
  const before = prev?.prev === undefined ? undefined : words[prev.prev]?.candidates[0];
  if (prevChosen?.pos === 'adjective' && (before?.pos === 'article' || before?.pos === 'determiner') && c.pos === 'noun') s += 3;
  // A French noun rarely stands without a determiner or preposition; a form that is also an adverb is the adverb.
  const introducers: PartOfSpeech[] = ['article', 'determiner', 'preposition', 'adjective', 'number'];
  if (c.pos === 'noun' && has(w, 'adverb') && !(prevChosen && introducers.includes(prevChosen.pos))) s -= 3;
  // An adverb of degree before an adjective or adverb (le plus long: a superlative), or of quantity before de/que.
  if (c.pos === 'adverb' && next && (has(next, 'adjective') || has(next, 'adverb'))) s += prevChosen?.pos === 'article' ? 7 : 2;
  if (c.pos === 'adverb' && next && ['de', 'd’', 'que', 'qu’'].includes(next.lower)) s += 3;
  if (c.pos === 'adverb' && prev && (prev.lower === 'ne' || prev.lower === 'n’')) s += 4;
  if (prevChosen?.pos === 'noun' && isFinite(c) && !has(w, 'article')) s += 1;
  // Articles and determiners stand before a noun or adjective; clitic pronouns before a verb.
  if (c.pos === 'article' || c.pos === 'determiner') {
    if (beforeNoun) s += 2;
    else if (next && next.candidates.some(isFinite)) s -= 4;
    else s -= 3;
    if (!next) s -= 4;
  }
  if (c.pos === 'pronoun' && next?.candidates.some(isFinite) && !has(next, 'noun')) s += 3;
  // du, des after a noun: de + le, de + les.
  if ((w.lower === 'du' || w.lower === 'des') && c.pos === 'preposition') {
    s += prevChosen && ['noun', 'proper noun', 'adjective', 'number'].includes(prevChosen.pos) ? 6 : -4;
  }
  // de after a negation is the article (pas de temps).
  if ((w.lower === 'de' || w.lower === 'd’') && c.pos === 'article') s += prev && NEGATIONS.has(prev.lower) ? 4 : -6;
  // que after a noun or pronoun is the relative pronoun.
  if ((w.lower === 'que' || w.lower === 'qu’') && c.pos === 'pronoun') s += prevChosen && (prevChosen.pos === 'noun' || prevChosen.pos === 'pronoun') ? 2 : -2;
  // avoir and être are auxiliaries when a past participle follows (adverbs and negations between).
  if (c.lemma === 'avoir' || c.lemma === 'être') {
    const participle = participleAfter(words, i) !== undefined;
    if (c.pos === 'auxiliary') s += participle ? 6 : -6;
  }
  if (c.verb) {
    s += (COMMON_VERBS.includes(c.lemma) ? 1.5 : 0) + ({ indicative: 0.3, participle: 0.25, infinitive: 0.2, conditional: 0.2, subjunctive: 0.1, imperative: 0 } as const)[c.verb.mood];
    if (c.verb.person && prev && PERSON_OF[prev.lower] !== undefined) s += PERSON_OF[prev.lower] === c.verb.person ? 1 : -1;
    if (c.verb.mood === 'subjunctive' && words.slice(Math.max(0, i - 3), i).some((x) => x.lower === 'que' || x.lower === 'qu’')) s += 0.3;
  }
  // A past participle after an auxiliary is the verb's; a participle used alone reads as the verb too.
  if (isParticiple(c)) s += 1 + (auxiliaryBefore(words, i) !== undefined ? 4 : 0) + (agentAfter(words, i) ? 2 : 0);
  if (c.pos === 'noun' && c.lemma === w.lower && c.number === 'sg') s += 0.5;
  if (c.pos === 'proper noun' && isCapital(w.text) && !w.sentenceStart) s += 8;
  return s;
}

const CONTRACTED = new Set(['au', 'aux', 'du', 'des']);

/** A passive participle names its agent with par: entrepris par le dirigeant. */
const agentAfter = (words: Word[], i: number): boolean => words.slice(i + 1, i + 6).some((x) => x.lower === 'par');

const SKIPPABLE = (w: Word): boolean => w.candidates.every((c) => c.pos === 'adverb') || w.lower === 'pas' || w.lower === 'n’' || w.lower === 'ne';

/** Index of the past participle joined to the auxiliary at i, if any. */
function participleAfter(words: Word[], i: number): number | undefined {
  for (let k = i + 1; k < words.length && k <= i + 4 && words[k]?.prev === k - 1; k++) {
    const w = words[k] as Word;
    if (SKIPPABLE(w) || has(w, 'adverb')) continue;
    if (w.candidates.some(isParticiple)) return k;
    return undefined;
  }
  return undefined;
}

/** Index of the avoir/être before the participle at i, if any. */
function auxiliaryBefore(words: Word[], i: number): number | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 4 && words[k + 1]?.prev === k; k--) {
    const w = words[k] as Word;
    if (w.candidates.some((c) => c.pos === 'auxiliary' || ((c.lemma === 'avoir' || c.lemma === 'être') && c.verb))) return k;
    if (!SKIPPABLE(w)) return undefined;
  }
  return undefined;
}

const differ = (a: MorphReading, b: MorphReading): boolean => a.lemma !== b.lemma || a.pos !== b.pos;

/**
 * Analyses every word and number token of `tokens` (tokenize()'s output over `text`); `known` breaks the ties
 * between lemmas of one part of speech (without it, the lexicon's order does).
 */
export function analyse(tokens: readonly Token[], morphology: Morphology, known?: LemmaKnowledge): TokenAnalysis[] {
  const words: Word[] = [];
  let sentenceStart = true;
  let adjacent = false;
  tokens.forEach((token, index) => {
    if (token.kind === 'punct') {
      if (SENTENCE_END.has(token.text)) sentenceStart = true;
      adjacent = false;
      return;
    }
    const lower = token.text.toLowerCase().replace(/'/g, '’');
    const found = token.kind === 'number' ? { candidates: [{ lemma: token.text, pos: 'number' as const }] } : readingsOf(token.text, morphology, sentenceStart);
    words.push({ token: index, text: token.text, lower, start: token.start, end: token.end, sentenceStart, ...(adjacent ? { prev: words.length - 1 } : {}), ...found });
    sentenceStart = false;
    adjacent = true;
  });

  const unsure: boolean[] = [];
  // Two passes: the second sees its left neighbour's choice, the first only the prior order.
  for (let pass = 0; pass < 2; pass++) {
    words.forEach((w, i) => {
      if (w.candidates.length < 2) return;
      const scored = w.candidates.map((c) => ({ c, s: score(c, w, words, i, known) })).sort((a, b) => b.s - a.s);
      w.candidates = scored.map((x) => x.c);
      const best = scored[0];
      const rival = scored.find((x) => best && differ(x.c, best.c));
      unsure[i] = !!best && !!rival && best.s - rival.s < 1;
    });
  }

  const analyses: TokenAnalysis[] = words.map((w, i) => {
    const reading = w.candidates[0] as MorphReading;
    return { token: w.token, form: w.text, start: w.start, end: w.end, reading, candidates: w.candidates, unsure: unsure[i] ?? false, ...(w.unknown ? { unknown: true as const } : {}) };
  });
  joinCompoundTenses(words, analyses, tokens);
  resolveElidedArticles(analyses, words);
  return analyses;
}

/** avoir/être + past participle: both carry the compound tense and the group as it reads. */
function joinCompoundTenses(words: Word[], analyses: TokenAnalysis[], tokens: readonly Token[]): void {
  analyses.forEach((a, i) => {
    if (a.reading.pos !== 'auxiliary' || !a.reading.verb) return;
    let last = participleAfter(words, i);
    if (last === undefined) return;
    // a été rendus: the participle of être is itself an auxiliary when another participle follows.
    const further = participleAfter(words, last);
    const chain = [i, last];
    if (further !== undefined && analyses[last]?.reading.lemma === 'être') {
      chain.push(further);
      last = further;
    }
    const aux = a.reading.verb;
    const compound = COMPOUND[`${aux.tense}|${aux.mood}`];
    if (!compound) return;
    const group = tokens.slice(a.token, (analyses[last] as TokenAnalysis).token + 1).filter((t) => t.kind !== 'punct').map((t) => t.text).join(' ').replace(/’ /g, '’');
    const verb: VerbForm = { ...compound, ...(aux.person ? { person: aux.person } : {}), ...(aux.number ? { number: aux.number } : {}), group };
    chain.forEach((k, n) => {
      const x = analyses[k] as TokenAnalysis;
      const pick = x.candidates.find((c) => (n === chain.length - 1 ? c.pos === 'verb' && isParticiple(c) : c.pos === 'auxiliary')) ?? x.reading;
      x.reading = { lemma: pick.lemma, pos: n === chain.length - 1 ? 'verb' : 'auxiliary', verb };
      x.candidates = [x.reading, ...x.candidates.filter((c) => differ(c, x.reading))];
      x.unsure = false;
    });
  });
}

/** l’ as an article is le or la: the gender of the noun it stands before. */
function resolveElidedArticles(analyses: TokenAnalysis[], words: Word[]): void {
  analyses.forEach((a, i) => {
    if (a.reading.pos !== 'article' || words[i]?.lower !== 'l’') return;
    const gender = analyses[i + 1]?.reading.gender;
    a.reading = { ...a.reading, lemma: gender === 'f' ? 'la' : 'le', ...(gender ? { gender } : {}) };
    a.candidates[0] = a.reading;
  });
}
