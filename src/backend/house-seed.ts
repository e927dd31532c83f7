// The house lexicon's first senses: every built-in lesson's hand-made lexicon (resources/lessons/*), so a new
// lesson is offered the built-in lessons' senses first. The store keeps teachers' confirmations; this is read once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedFromLessonFiles, type ConfirmedSense } from '../core/glossing/house';
import type { LessonFiles } from '../core/lesson';

/** Older than any teacher's confirmation: between equally similar contexts, what a teacher confirmed wins. */
export const BUILT_IN_CONFIRMED_AT = '2000-01-01T00:00:00.000Z';

const FILES = ['lesson.json', 'text.fr.txt', 'lexicon.json', 'translations.json'] as const;

/**
 * The seed from every lesson folder; a folder that does not load is left out here (the lesson library already
 * names its problem to the teacher), never half-read.
 */
export function builtInHouseSeed(lessonsDir: string): ConfirmedSense[] {
  let folders: string[];
  try {
    folders = readdirSync(lessonsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
  return folders.flatMap((folder) => {
    try {
      const files = Object.fromEntries(FILES.map((name) => [name, readFileSync(join(lessonsDir, folder, name), 'utf8')])) as unknown as LessonFiles;
      return seedFromLessonFiles(files, BUILT_IN_CONFIRMED_AT);
    } catch {
      return [];
    }
  });
}
