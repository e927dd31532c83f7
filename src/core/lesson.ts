// Lesson content as data: the schema of a lesson folder, and the loader that checks every gloss against the text.
import * as v from 'valibot';
import { inContextSense } from './gloss-format';
import { PARTS_OF_SPEECH } from './parts-of-speech';
import { splitParagraphs, splitSentences, tokenize, type Range, type Token } from './tokenizer';

export { PARTS_OF_SPEECH };

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));


export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const ManifestSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens')),
  title: Text,
  titleEn: Text,
  level: v.picklist(LEVELS),
  summary: Text,
  source: v.optional(Text),
  /** The day the text was written or published (YYYY-MM-DD), when known. */
  date: v.optional(v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'))),
  /** Notes by the editor on slips kept verbatim in the text, by paragraph (1-based). */
  editorNotes: v.optional(v.array(v.strictObject({ paragraph: v.pipe(Offset, v.minValue(1)), note: Text }))),
});

export const EntrySchema = v.strictObject({
  lemma: Text,
  pos: v.picklist(PARTS_OF_SPEECH),
  /** The English sense of this lemma for this entry; one entry per sense. */
  sense: Text,
  /** Inherent gender of a noun. */
  gender: v.optional(v.picklist(['m', 'f'])),
  note: v.optional(Text),
  /**
   * A grammatical word (article, clitic pronoun, common preposition or conjunction): looking it up does not put it
   * in review or vocabulary practice; the learner can still add it by hand.
   */
  function: v.optional(v.literal(true)),
});

export const VerbFormSchema = v.strictObject({
  tense: Text,
  mood: v.picklist(['indicative', 'subjunctive', 'conditional', 'imperative', 'infinitive', 'participle']),
  person: v.optional(v.picklist([1, 2, 3])),
  number: v.optional(v.picklist(['sg', 'pl'])),
  /** For compound tenses: the whole verb group as it reads, e.g. "a retenu". */
  group: v.optional(Text),
});

export const TokenGlossSchema = v.strictObject({
  at: Offset,
  form: Text,
  entry: Text,
  gender: v.optional(v.picklist(['m', 'f'])),
  number: v.optional(v.picklist(['sg', 'pl'])),
  verb: v.optional(VerbFormSchema),
  /** The sense in this very sentence, when it says more than the entry's. */
  sense: v.optional(Text),
  note: v.optional(Text),
});

export const ExpressionSchema = v.strictObject({
  start: Offset,
  end: Offset,
  text: Text,
  kind: v.picklist(['expression', 'name']),
  /** Dictionary form of the expression, e.g. "ouvrir une nouvelle page". */
  lemma: v.optional(Text),
  sense: Text,
  note: v.optional(Text),
});

export const LexiconSchema = v.strictObject({
  entries: v.record(v.pipe(v.string(), v.regex(/^[^\s]+$/, 'entry ids have no spaces')), EntrySchema),
  tokens: v.array(TokenGlossSchema),
  expressions: v.array(ExpressionSchema),
});

/**
 * One translation per paragraph: the whole paragraph's, a list with one translation per sentence of the French
 * paragraph (as splitSentences cuts it), so a sentence's translation can be shown alone, or null when the teacher
 * gave none (translations are optional: the reader hides the control for that paragraph).
 */
export const TranslationsSchema = v.array(v.union([Text, v.pipe(v.array(Text), v.minLength(1, 'must not be empty')), v.null()]));

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type TokenGloss = v.InferOutput<typeof TokenGlossSchema>;
export type Expression = v.InferOutput<typeof ExpressionSchema>;
export type Lexicon = v.InferOutput<typeof LexiconSchema>;

/** The files of one lesson folder, as text, read by whoever has access to the disk. */
export interface LessonFiles {
  'lesson.json': string;
  'text.fr.txt': string;
  'lexicon.json': string;
  'translations.json': string;
  'quiz.json'?: string;
}

export interface Gloss {
  form: string;
  lemma: string;
  pos: Entry['pos'];
  sense: string;
  entryId: string;
  gender?: 'm' | 'f';
  number?: 'sg' | 'pl';
  verb?: TokenGloss['verb'];
  note?: string;
  /** Index into the lesson's expressions when this word belongs to one. */
  expression?: number;
  /** The sense in this sentence, short, as printed under the word (see inContextSense). */
  here?: string;
  /** A grammatical word (EntrySchema's `function`). */
  function?: true;
}

export interface LessonToken extends Token {
  /** Index of the token within the lesson, stable for one text. */
  index: number;
  paragraph: number;
  sentence: number;
  gloss?: Gloss;
}

export interface LessonSentence extends Range {
  index: number;
  paragraph: number;
  /** When the lesson aligns its translation by sentence. */
  translation?: string;
}

export interface Lesson {
  manifest: Manifest;
  text: string;
  /** `translation` is absent for a paragraph the lesson gives none for. */
  paragraphs: (Range & { index: number; translation?: string; sentences: number[]; tokens: [number, number] })[];
  sentences: LessonSentence[];
  tokens: LessonToken[];
  expressions: Expression[];
  wordCount: number;
}

/**
 * A lesson document's problem as facts in no language, worded by shared/error-messages.ts (LESSON_PROBLEMS).
 * 'check' is a technical finding, a schema path with valibot's issue or a cross-check between documents: it is shown
 * as it is (in English, marked so), inside a sentence that is worded.
 */
export type LessonProblemFact =
  | { problem: 'notJson'; detail: string }
  | { problem: 'textEmpty' }
  | { problem: 'translationCount'; translations: number; paragraphs: number }
  | { problem: 'fileMissing' }
  /** `where` is 'folder' (a lesson folder on disk) or 'lesson' (a stored or imported lesson). */
  | { problem: 'idMismatch'; id: string; where: string; expected: string }
  | { problem: 'titleMissing' }
  | { problem: 'summaryMissing' }
  | { problem: 'quizEmpty' }
  | { problem: 'check'; detail: string };

export class LessonError extends Error {
  /** The problems as facts, one for each of `problems` (which are English, for logs and the lesson folder list). */
  readonly facts: LessonProblemFact[];

  constructor(
    readonly file: keyof LessonFiles,
    readonly problems: string[],
    facts?: LessonProblemFact[],
  ) {
    super(`${file}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'LessonError';
    this.facts = facts ?? problems.map((detail) => ({ problem: 'check', detail }));
  }
}

function parse<S extends v.GenericSchema>(file: keyof LessonFiles, schema: S, raw: string): v.InferOutput<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LessonError(file, [`not valid JSON (${(error as Error).message})`], [{ problem: 'notJson', detail: (error as Error).message }]);
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    throw new LessonError(
      file,
      result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
    );
  }
  return result.output;
}

const isWord = (token: Token): boolean => token.kind === 'word' || token.kind === 'number';

/** Parses and cross-checks a lesson; throws LessonError naming the file and every problem found. */
export function loadLesson(files: LessonFiles): Lesson {
  const manifest = parse('lesson.json', ManifestSchema, files['lesson.json']);
  const lexicon = parse('lexicon.json', LexiconSchema, files['lexicon.json']);
  const translations = parse('translations.json', TranslationsSchema, files['translations.json']);
  const text = files['text.fr.txt'].replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) throw new LessonError('text.fr.txt', ['the text is empty'], [{ problem: 'textEmpty' }]);

  const paragraphRanges = splitParagraphs(text);
  if (translations.length !== paragraphRanges.length) {
    throw new LessonError(
      'translations.json',
      [`has ${translations.length} translations for ${paragraphRanges.length} paragraphs`],
      [{ problem: 'translationCount', translations: translations.length, paragraphs: paragraphRanges.length }],
    );
  }

  const sentences: LessonSentence[] = [];
  const tokens: LessonToken[] = [];
  const misaligned: string[] = [];
  const paragraphs: Lesson['paragraphs'] = paragraphRanges.map((range, p) => {
    const sentenceIds: number[] = [];
    const ranges = splitSentences(text, range);
    const translation = translations[p] ?? null;
    const bySentence = Array.isArray(translation) ? translation : undefined;
    if (bySentence && bySentence.length !== ranges.length) {
      misaligned.push(`${p}: has ${bySentence.length} sentence translations for the paragraph's ${ranges.length} sentences`);
    }
    ranges.forEach((sentence, s) => {
      sentenceIds.push(sentences.length);
      const own = bySentence?.[s];
      sentences.push({ ...sentence, index: sentences.length, paragraph: p, ...(own === undefined ? {} : { translation: own }) });
    });
    const first = tokens.length;
    let s = 0;
    for (const token of tokenize(text.slice(range.start, range.end), range.start)) {
      while (s < ranges.length - 1 && token.start >= (ranges[s]?.end ?? 0)) s++;
      tokens.push({ ...token, index: tokens.length, paragraph: p, sentence: sentenceIds[s] ?? 0 });
    }
    const whole = Array.isArray(translation) ? translation.join(' ') : translation;
    return { ...range, index: p, ...(whole === null ? {} : { translation: whole }), sentences: sentenceIds, tokens: [first, tokens.length] };
  });
  if (misaligned.length > 0) throw new LessonError('translations.json', misaligned);

  const problems: string[] = [];
  const byStart = new Map<number, LessonToken>();
  for (const token of tokens) byStart.set(token.start, token);
  const byEnd = new Map<number, LessonToken>();
  for (const token of tokens) byEnd.set(token.end, token);

  for (const gloss of lexicon.tokens) {
    const token = byStart.get(gloss.at);
    const where = `token at ${gloss.at} ("${gloss.form}")`;
    if (!token || !isWord(token)) {
      problems.push(`${where}: no word of the text starts there (text has "${text.slice(gloss.at, gloss.at + gloss.form.length)}")`);
      continue;
    }
    if (token.text !== gloss.form) {
      problems.push(`${where}: the text has "${token.text}" there`);
      continue;
    }
    const entry = lexicon.entries[gloss.entry];
    if (!entry) {
      problems.push(`${where}: unknown entry "${gloss.entry}"`);
      continue;
    }
    if (token.gloss) {
      problems.push(`${where}: glossed twice`);
      continue;
    }
    const grammar = { pos: entry.pos, number: gloss.number, verb: gloss.verb };
    token.gloss = {
      form: gloss.form,
      lemma: entry.lemma,
      pos: entry.pos,
      sense: gloss.sense ?? entry.sense,
      here: inContextSense(grammar, { token: gloss.sense, entry: entry.sense }),
      entryId: gloss.entry,
      ...(gloss.gender ?? entry.gender ? { gender: gloss.gender ?? entry.gender } : {}),
      ...(gloss.number ? { number: gloss.number } : {}),
      ...(gloss.verb ? { verb: gloss.verb } : {}),
      ...(gloss.note ?? entry.note ? { note: [entry.note, gloss.note].filter(Boolean).join(' ') } : {}),
      ...(entry.function ? { function: true as const } : {}),
    };
  }

  lexicon.expressions.forEach((expression, index) => {
    const where = `expression "${expression.text}" at ${expression.start}`;
    if (text.slice(expression.start, expression.end) !== expression.text) {
      problems.push(`${where}: the text has "${text.slice(expression.start, expression.end)}" there`);
      return;
    }
    const first = byStart.get(expression.start);
    const last = byEnd.get(expression.end);
    if (!first || !last) {
      problems.push(`${where}: does not start and end on word boundaries`);
      return;
    }
    for (let i = first.index; i <= last.index; i++) {
      const gloss = tokens[i]?.gloss;
      if (gloss && isWord(tokens[i] as Token) && gloss.expression === undefined) gloss.expression = index;
    }
  });

  for (const token of tokens) {
    if (isWord(token) && !token.gloss) {
      problems.push(`word "${token.text}" at ${token.start} (paragraph ${token.paragraph + 1}) has no gloss`);
    }
  }
  if (problems.length > 0) throw new LessonError('lexicon.json', problems);

  return {
    manifest,
    text,
    paragraphs,
    sentences,
    tokens,
    expressions: lexicon.expressions,
    wordCount: tokens.filter(isWord).length,
  };
}
