// Lesson packs (.liseuse, docs/lesson-pack.md): a zip of pack.json and a lesson's five documents. Reading one checks
// its size, its names and each document's size before inflating it, and its pack.json; the documents themselves are
// then checked by the same loaders as any lesson (loadLesson, loadQuiz), by whoever stores them.
import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import * as v from 'valibot';
import { LessonIdSchema } from '../ids';
import type { LessonFiles } from '../lesson';
import { MAX_PACK_BYTES, MAX_PACK_ENTRY_BYTES, MAX_PACK_TOTAL_BYTES, PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-limits';

export const PACK_EXTENSION = '.liseuse';
const DOCUMENTS = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json', 'quiz.json'] as const;
const REQUIRED = DOCUMENTS.filter((name) => name !== 'quiz.json');
const NAMES = new Set<string>(['pack.json', ...DOCUMENTS]);

export const PackManifestSchema = v.strictObject({
  format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
  formatVersion: v.literal(PACK_FORMAT_VERSION, `must be ${PACK_FORMAT_VERSION} (this Liseuse reads version ${PACK_FORMAT_VERSION})`),
  lessonId: LessonIdSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('must be a time')),
  /** Which lesson this is across computers (see migration 014); absent in packs from elsewhere that lack it. */
  lineage: v.optional(v.pipe(v.string(), v.regex(/^[\w:-]{1,100}$/, 'must be a lineage id'))),
});

export type PackManifest = v.InferOutput<typeof PackManifestSchema>;

export interface LessonPack {
  manifest: PackManifest;
  files: LessonFiles;
}

/**
 * Why a pack is refused, as facts in no language (shared/error-messages.ts words them, `notALessonPack`): the
 * offending document's name, the limit in megabytes, the pack.json field and valibot's technical issue.
 */
export type PackProblem =
  | { problem: 'tooLarge'; megabytes: number }
  | { problem: 'strayDocument'; name: string }
  | { problem: 'twice'; name: string }
  | { problem: 'documentTooLarge'; name: string; megabytes: number }
  | { problem: 'allTooLarge'; megabytes: number }
  | { problem: 'notZip' }
  | { problem: 'notUtf8'; name: string }
  | { problem: 'noManifest' }
  | { problem: 'manifestNotJson' }
  | { problem: 'manifestInvalid'; field: string; issue: string }
  | { problem: 'missing'; names: string };

/** A pack refused, with the reason as facts; nothing was read from it. The message is for logs. */
export class PackError extends Error {
  constructor(readonly facts: PackProblem) {
    super(`lesson pack refused: ${JSON.stringify(facts)}`);
    this.name = 'PackError';
  }
}

const MB = (bytes: number): number => bytes / 1_000_000;

export function buildPack(manifest: PackManifest, files: LessonFiles): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'pack.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const name of DOCUMENTS) {
    const text = files[name];
    if (text !== undefined) entries[name] = strToU8(text);
  }
  return zipSync(entries, { level: 9 });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parsePack(bytes: Uint8Array): LessonPack {
  if (bytes.length > MAX_PACK_BYTES) throw new PackError({ problem: 'tooLarge', megabytes: MB(MAX_PACK_BYTES) });
  let unzipped: Unzipped;
  let total = 0;
  const seen = new Set<string>();
  try {
    unzipped = unzipSync(bytes, {
      filter(entry) {
        // Checked on the sizes the zip declares, before inflating; the inflated sizes are checked again below.
        if (!NAMES.has(entry.name)) throw new PackError({ problem: 'strayDocument', name: entry.name.slice(0, 80) });
        if (seen.has(entry.name)) throw new PackError({ problem: 'twice', name: entry.name });
        seen.add(entry.name);
        if (entry.originalSize > MAX_PACK_ENTRY_BYTES) throw new PackError({ problem: 'documentTooLarge', name: entry.name, megabytes: MB(MAX_PACK_ENTRY_BYTES) });
        total += entry.originalSize;
        if (total > MAX_PACK_TOTAL_BYTES) throw new PackError({ problem: 'allTooLarge', megabytes: MB(MAX_PACK_TOTAL_BYTES) });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError({ problem: 'notZip' });
  }
  const text = (name: string): string | undefined => {
    const data = unzipped[name];
    if (data === undefined) return undefined;
    if (data.length > MAX_PACK_ENTRY_BYTES) throw new PackError({ problem: 'documentTooLarge', name, megabytes: MB(MAX_PACK_ENTRY_BYTES) });
    try {
      return utf8.decode(data);
    } catch {
      throw new PackError({ problem: 'notUtf8', name });
    }
  };
  const manifestText = text('pack.json');
  if (manifestText === undefined) throw new PackError({ problem: 'noManifest' });
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch {
    throw new PackError({ problem: 'manifestNotJson' });
  }
  const parsed = v.safeParse(PackManifestSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new PackError({ problem: 'manifestInvalid', field: v.getDotPath(issue) ?? '', issue: issue.message });
  }
  const missing = REQUIRED.filter((name) => unzipped[name] === undefined);
  if (missing.length > 0) throw new PackError({ problem: 'missing', names: missing.join(', ') });
  const files = Object.fromEntries(DOCUMENTS.flatMap((name) => {
    const content = text(name);
    return content === undefined ? [] : [[name, content]];
  })) as unknown as LessonFiles;
  return { manifest: parsed.output, files };
}
