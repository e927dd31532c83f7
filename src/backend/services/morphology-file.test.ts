import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MORPHOLOGY_FILE } from '../../../test/support/glossing';
import { MORPHOLOGY_FILE_NAME, morphologyIn } from './morphology-file';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const emptyDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'liseuse-morph-'));
  dirs.push(dir);
  return dir;
};

describe('morphologyIn', () => {
  it('opens the index the install built, once, and reads a form from it', () => {
    const morphology = morphologyIn(dirname(MORPHOLOGY_FILE));
    expect(morphology.readings('allions').map((r) => r.lemma)).toContain('aller');
    expect(morphologyIn(dirname(MORPHOLOGY_FILE))).toBe(morphology);
  });

  it('names the missing file, and refuses a damaged one', () => {
    const dir = emptyDir();
    expect(() => morphologyIn(dir)).toThrow(new RegExp(`${MORPHOLOGY_FILE_NAME} cannot be read`));
    writeFileSync(join(dir, MORPHOLOGY_FILE_NAME), 'damaged');
    expect(() => morphologyIn(dir)).toThrow(/not a Liseuse morphology index/);
  });
});
