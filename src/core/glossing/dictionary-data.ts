// The format of resources/dictionary/fr-en.tsv.gz (written by scripts/build-dictionary.ts through
// serialiseDictionary, read through parseDictionary): a JSON header line, then one line per sense,
//   lemma TAB part of speech TAB source index TAB flag TAB English sense
// grouped by lemma, each lemma's senses in its sources' order. Lines rather than one JSON document: opening it
// builds one small index and makes no object per sense (a JSON version took ~110 ms to parse and check), and
// senses are made on first lookup. Every line is still checked when the file is opened,
// so a damaged or foreign file is refused whole, with a named reason.
import { PARTS_OF_SPEECH } from '../lesson';

export const DICTIONARY_FORMAT = 'liseuse-fr-en-dictionary';
export const DICTIONARY_VERSION = 1;

/**
 * Flags on an Apertium sense: 'r' = the English word translates back to the lemma (English -> Spanish -> French);
 * 'c' = a cognate spelling of the lemma that translates back, which the French -> Spanish -> English chain missed.
 */
export const SENSE_FLAGS = ['r', 'c'] as const;
export type SenseFlag = (typeof SENSE_FLAGS)[number];

/** [index into sources, English sense, flag?], in the order the source gives them. */
export type DictionarySense = [source: number, sense: string, flag?: SenseFlag];

export interface DictionaryHeader {
  format: typeof DICTIONARY_FORMAT;
  version: typeof DICTIONARY_VERSION;
  builtFrom: Record<string, string>;
  sources: string[];
}

/** lemma -> part of speech ('' = the source gives none, mostly multi-word headwords) -> senses. */
export type DictionaryEntries = Record<string, Record<string, DictionarySense[]>>;

export interface DictionaryData extends DictionaryHeader {
  /** Headwords, single and multi-word. */
  readonly size: number;
  headwords(): Iterable<string>;
  /** The senses of a headword as written (case matters), by part of speech; undefined when it has none. */
  senses(lemma: string): ReadonlyMap<string, readonly DictionarySense[]> | undefined;
}

/** Why a dictionary file is refused, as facts in no language (shared/error-messages.ts words them). */
export type DictionaryProblem =
  | { problem: 'lineBreakInEntry'; lemma: string }
  | { problem: 'noHeader' }
  /** The header's field that is wrong: format, sources or builtFrom. */
  | { problem: 'notLiseuse'; field: string }
  | { problem: 'otherVersion'; version: string; readable: number }
  | { problem: 'badLine'; line: number }
  | { problem: 'linesApart'; lemma: string }
  | { problem: 'notGzip' };

export class DictionaryDataError extends Error {
  override name = 'DictionaryDataError';
  constructor(readonly facts: DictionaryProblem) {
    super(`dictionary refused: ${JSON.stringify(facts)}`);
  }
}

/** '' for a headword its source gives no part of speech. */
const POS_KEYS: ReadonlySet<string> = new Set(['', ...PARTS_OF_SPEECH]);

/** The file's text, for the build script; refuses what the format cannot hold rather than write a bad file. */
export function serialiseDictionary(header: DictionaryHeader, entries: DictionaryEntries): string {
  const lines = [JSON.stringify(header)];
  for (const lemma of Object.keys(entries).sort()) {
    for (const [pos, senses] of Object.entries(entries[lemma] ?? {})) {
      for (const [source, sense, flag] of senses) {
        const fields = [lemma, pos, String(source), flag ?? '', sense];
        if (fields.some((field) => /[\t\n\r]/.test(field))) throw new DictionaryDataError({ problem: 'lineBreakInEntry', lemma });
        lines.push(fields.join('\t'));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function parseHeader(line: string): DictionaryHeader {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw new DictionaryDataError({ problem: 'noHeader' });
  }
  const h = header as Partial<DictionaryHeader> | null;
  if (h?.format !== DICTIONARY_FORMAT) throw new DictionaryDataError({ problem: 'notLiseuse', field: 'format' });
  if (h.version !== DICTIONARY_VERSION) throw new DictionaryDataError({ problem: 'otherVersion', version: String(h.version), readable: DICTIONARY_VERSION });
  const strings = (value: unknown): boolean => Array.isArray(value) && value.every((s) => typeof s === 'string' && s.length > 0);
  if (!strings(h.sources)) throw new DictionaryDataError({ problem: 'notLiseuse', field: 'sources' });
  const builtFrom = h.builtFrom;
  if (typeof builtFrom !== 'object' || builtFrom === null || !Object.values(builtFrom).every((s) => typeof s === 'string')) {
    throw new DictionaryDataError({ problem: 'notLiseuse', field: 'builtFrom' });
  }
  return { format: h.format, version: h.version, builtFrom, sources: h.sources as string[] };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One sense line, whole: what every line after the header must be. */
function lineRegExp(sources: number): RegExp {
  const pos = [...POS_KEYS].map(escapeRegExp).join('|');
  const source = Array.from({ length: sources }, (_, i) => String(i)).join('|');
  const flag = SENSE_FLAGS.join('|');
  return new RegExp(`^[^\\t\\n]*\\S[^\\t\\n]*\\t(?:${pos})\\t(?:${source})\\t(?:${flag})?\\t[^\\t\\n]*\\S[^\\t\\n]*$`);
}

/**
 * Checks every line, then indexes lemmas by their lines; senses are made on first lookup of their lemma. The
 * check is one regular expression a line, the index one indexOf a line: per-field JavaScript over 25,000 lines
 * took several times longer.
 */
export function parseDictionary(text: string): DictionaryData {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = parseHeader(lines[0] ?? '');
  const valid = lineRegExp(header.sources.length);
  const ranges = new Map<string, { first: number; end: number }>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!valid.test(line)) throw new DictionaryDataError({ problem: 'badLine', line: i + 1 });
    const lemma = line.slice(0, line.indexOf('\t'));
    const range = ranges.get(lemma);
    if (range && range.end !== i) throw new DictionaryDataError({ problem: 'linesApart', lemma });
    if (range) range.end = i + 1;
    else ranges.set(lemma, { first: i, end: i + 1 });
  }
  const made = new Map<string, Map<string, DictionarySense[]>>();
  function senses(lemma: string): ReadonlyMap<string, readonly DictionarySense[]> | undefined {
    const range = ranges.get(lemma);
    if (!range) return undefined;
    let byPos = made.get(lemma);
    if (byPos) return byPos;
    byPos = new Map();
    for (let i = range.first; i < range.end; i++) {
      const [, pos = '', source = '', flag = '', sense = ''] = (lines[i] as string).split('\t');
      const list = byPos.get(pos) ?? [];
      list.push(flag ? [Number(source), sense, flag as SenseFlag] : [Number(source), sense]);
      byPos.set(pos, list);
    }
    made.set(lemma, byPos);
    return byPos;
  }
  return { ...header, size: ranges.size, headwords: () => ranges.keys(), senses };
}
