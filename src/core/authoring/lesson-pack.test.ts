// Lesson packs: what is built reads back the same, and hostile packs are each refused with a named reason.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LessonFiles } from '../lesson';
import { buildPack, parsePack, PackError, type PackManifest, type PackProblem } from './lesson-pack';
import { MAX_PACK_BYTES, MAX_PACK_ENTRY_BYTES } from './pack-limits';

const MANIFEST: PackManifest = { format: 'liseuse-lesson', formatVersion: 1, lessonId: 'le-chat', version: 2, exportedAt: '2024-05-01T10:00:00.000Z', lineage: 'a1b2' };
const FILES = {
  'lesson.json': '{"id":"le-chat"}',
  'text.fr.txt': 'Le chat dort. L’été, « déjà » !',
  'lexicon.json': '{"entries":{},"tokens":[],"expressions":[]}',
  'translations.json': '["The cat sleeps."]',
  'quiz.json': '{"version":1}',
} satisfies LessonFiles;

const zip = (entries: Partial<Record<string, string | Uint8Array>>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(entries).flatMap(([name, content]) => (content === undefined ? [] : [[name, content] as const])).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content])));
const withManifest = (entries: Partial<Record<string, string | Uint8Array>>, manifest: unknown = MANIFEST) => zip({ 'pack.json': JSON.stringify(manifest), ...entries });
const reason = (bytes: Uint8Array): PackProblem | 'accepted' => {
  try {
    parsePack(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as PackError).facts;
  }
  return 'accepted';
};

describe('lesson packs', () => {
  it('reads back what it builds, byte for byte, with or without a quiz', () => {
    expect(parsePack(buildPack(MANIFEST, FILES))).toEqual({ manifest: MANIFEST, files: FILES });
    const { 'quiz.json': _quiz, ...noQuiz } = FILES;
    expect(parsePack(buildPack(MANIFEST, noQuiz)).files).toEqual(noQuiz);
  });

  it('refuses what is not a zip, or too big to be a pack', () => {
    expect(reason(strToU8('{"format": "liseuse-lesson"}'))).toEqual({ problem: 'notZip' });
    expect(reason(buildPack(MANIFEST, FILES).slice(0, 60))).toEqual({ problem: 'notZip' });
    expect(reason(new Uint8Array(MAX_PACK_BYTES + 1))).toEqual({ problem: 'tooLarge', megabytes: 8 });
  });

  it('refuses names that are not a pack document: paths, traversal, strays', () => {
    expect(reason(withManifest({ ...FILES, '../evil.sh': 'rm -rf' }))).toEqual({ problem: 'strayDocument', name: '../evil.sh' });
    expect(reason(withManifest({ ...FILES, 'lessons/lesson.json': '{}' }))).toEqual({ problem: 'strayDocument', name: 'lessons/lesson.json' });
    expect(reason(withManifest({ ...FILES, '/etc/passwd': 'x' }))).toEqual({ problem: 'strayDocument', name: '/etc/passwd' });
  });

  it('refuses a document that inflates past the limit (a zip bomb) before inflating it', () => {
    const bomb = new Uint8Array(MAX_PACK_ENTRY_BYTES + 1);
    expect(reason(withManifest({ ...FILES, 'lexicon.json': bomb }))).toEqual({ problem: 'documentTooLarge', name: 'lexicon.json', megabytes: 40 });
  });

  it('never inflates a document past the size its zip declares, even when the declaration lies', () => {
    const bytes = withManifest({ ...FILES, 'text.fr.txt': 'x'.repeat(5_000_000) });
    const view = new DataView(bytes.buffer);
    // The central directory entry of text.fr.txt: say it unzips to 10 bytes.
    for (let i = 0; i < bytes.length - 46; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + 11)) === 'text.fr.txt') view.setUint32(i + 24, 10, true);
    }
    expect(parsePack(bytes).files['text.fr.txt']).toBe('x'.repeat(10));
  });

  it('refuses a missing or wrong pack.json and missing documents, naming them', () => {
    expect(reason(zip(FILES))).toEqual({ problem: 'noManifest' });
    expect(reason(zip({ 'pack.json': '{nope', ...FILES }))).toEqual({ problem: 'manifestNotJson' });
    expect(reason(withManifest(FILES, { ...MANIFEST, format: 'liseuse-results' }))).toEqual({ problem: 'manifestInvalid', field: 'format', issue: 'must be "liseuse-lesson"' });
    expect(reason(withManifest(FILES, { ...MANIFEST, formatVersion: 2 }))).toMatchObject({ problem: 'manifestInvalid', field: 'formatVersion', issue: expect.stringMatching(/^must be 1/) });
    expect(reason(withManifest(FILES, { ...MANIFEST, version: '2' }))).toMatchObject({ problem: 'manifestInvalid', field: 'version' });
    expect(reason(withManifest(FILES, { ...MANIFEST, lessonId: '../x' }))).toMatchObject({ problem: 'manifestInvalid', field: 'lessonId', issue: expect.stringMatching(/must be a lesson id/) });
    const { 'text.fr.txt': _text, 'lexicon.json': _lexicon, ...partial } = FILES;
    expect(reason(withManifest(partial))).toEqual({ problem: 'missing', names: 'text.fr.txt, lexicon.json' });
  });

  it('refuses a document that is not UTF-8', () => {
    expect(reason(withManifest({ ...FILES, 'text.fr.txt': new Uint8Array([0x4c, 0xe9, 0x74, 0xe9]) }))).toEqual({ problem: 'notUtf8', name: 'text.fr.txt' });
  });
});
