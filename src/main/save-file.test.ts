import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveWithDialog, type ShowSaveDialog } from './save-file';

describe('saveWithDialog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liseuse-save-'));
  afterEach(() => {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
  });

  it('writes the bytes where the user chose, with nothing left beside them', async () => {
    const asked: Parameters<ShowSaveDialog>[0][] = [];
    const target = join(dir, 'classe-3B.csv');
    const save = saveWithDialog(async (options) => {
      asked.push(options);
      return { canceled: false, filePath: target };
    }, '/home/teacher/Documents');
    const outcome = await save({ fileName: 'liseuse-kim-russie-class-2026-11-27.csv', mimeType: 'text/csv', bytes: Buffer.from('a,b\r\n') });
    expect(outcome).toEqual({ saved: { fileName: 'classe-3B.csv' } });
    expect(readFileSync(target, 'utf8')).toBe('a,b\r\n');
    expect(readdirSync(dir)).toEqual(['classe-3B.csv']);
    expect(asked[0]?.defaultPath).toBe('/home/teacher/Documents/liseuse-kim-russie-class-2026-11-27.csv');
    expect(asked[0]?.filters).toEqual([{ name: 'CSV spreadsheet', extensions: ['csv'] }]);
  });

  it('asks before replacing a file that is already there (Linux dialogs do not, unless told)', async () => {
    const asked: Parameters<ShowSaveDialog>[0][] = [];
    const save = saveWithDialog(async (options) => {
      asked.push(options);
      return { canceled: true };
    }, dir);
    await save({ fileName: 'liseuse-results-camille.json', mimeType: 'application/json', bytes: Buffer.from('{}') });
    expect(asked[0]?.properties).toContain('showOverwriteConfirmation');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const save = saveWithDialog(async () => ({ canceled: true }), dir);
    expect(await save({ fileName: 'r.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF') })).toEqual({ cancelled: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed write leaves the earlier file whole and no temporary file behind', async () => {
    const target = join(dir, 'report.json');
    const save = saveWithDialog(async () => ({ canceled: false, filePath: target }), dir);
    await save({ fileName: 'report.json', mimeType: 'application/json', bytes: Buffer.from('{"v":1}') });
    const failing = saveWithDialog(async () => ({ canceled: false, filePath: join(dir, 'missing-folder', 'report.json') }), dir);
    await expect(failing({ fileName: 'report.json', mimeType: 'application/json', bytes: Buffer.from('{"v":2}') })).rejects.toMatchObject({ code: expect.any(String) });
    expect(readFileSync(target, 'utf8')).toBe('{"v":1}');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
