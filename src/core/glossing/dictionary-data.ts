// The shape of resources/dictionary/fr-en.json.gz (built by scripts/build-dictionary.ts), checked when opened:
// the file is data from outside the code, so a damaged or foreign file is refused with a named reason.
import * as v from 'valibot';
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

/** '' for a headword its source gives no part of speech (mostly multi-word headwords). */
const POS_KEYS: ReadonlySet<string> = new Set(['', ...PARTS_OF_SPEECH]);
const FLAGS: ReadonlySet<unknown> = new Set(SENSE_FLAGS);

const HeaderSchema = v.object({
  format: v.literal(DICTIONARY_FORMAT),
  version: v.literal(DICTIONARY_VERSION),
  builtFrom: v.record(v.string(), v.string()),
  sources: v.array(v.pipe(v.string(), v.nonEmpty())),
  entries: v.custom<Record<string, unknown>>(isObject, 'must be an object'),
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DictionaryData {
  format: typeof DICTIONARY_FORMAT;
  version: typeof DICTIONARY_VERSION;
  builtFrom: Record<string, string>;
  sources: string[];
  /** lemma -> part of speech ('' = not given) -> senses, best first within each source. */
  entries: Map<string, Map<string, DictionarySense[]>>;
}

export class DictionaryDataError extends Error {
  override name = 'DictionaryDataError';
}

function isSense(value: unknown, sources: number): value is DictionarySense {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  const [source, sense, flag] = value as unknown[];
  return (
    typeof source === 'number' && Number.isInteger(source) && source >= 0 && source < sources &&
    typeof sense === 'string' && sense.trim().length > 0 &&
    (value.length === 2 || FLAGS.has(flag))
  );
}

/**
 * The decoded JSON, checked whole. The header goes through valibot; the ~14,000 entries by a plain loop, which
 * keeps opening the file well inside its 200 ms budget (a valibot pass over them took ~150 ms).
 */
export function parseDictionaryData(json: unknown): DictionaryData {
  const header = v.safeParse(HeaderSchema, json);
  if (!header.success) {
    const issue = header.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new DictionaryDataError(`The dictionary file is not a Liseuse dictionary (${where || 'top'}: ${issue.message}).`);
  }
  const { format, version, builtFrom, sources } = header.output;
  const entries = new Map<string, Map<string, DictionarySense[]>>();
  for (const [lemma, byPos] of Object.entries(header.output.entries)) {
    if (lemma.trim().length === 0) throw new DictionaryDataError('The dictionary file has an empty headword.');
    if (!isObject(byPos)) throw new DictionaryDataError(`The dictionary file has a malformed entry for "${lemma}".`);
    const senses = new Map<string, DictionarySense[]>();
    for (const [pos, list] of Object.entries(byPos)) {
      if (!POS_KEYS.has(pos)) throw new DictionaryDataError(`The dictionary file gives "${lemma}" an unknown part of speech "${pos}".`);
      if (!Array.isArray(list) || list.length === 0 || !list.every((sense) => isSense(sense, sources.length))) throw new DictionaryDataError(`The dictionary file has a malformed sense for "${lemma}".`);
      senses.set(pos, list as DictionarySense[]);
    }
    entries.set(lemma, senses);
  }
  return { format, version, builtFrom, sources, entries };
}
