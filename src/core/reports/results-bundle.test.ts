// Several files, a folder's files and zips of results files, unpacked with fflate's own zip writer making the
// archives: the caps hold, a zip bomb is refused unopened, and every refused file is named with its reason.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from './result-file';
import { bundleResultFiles, MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES, type GivenFile } from './results-bundle';

const json = (name: string, text = `{"name":"${name}"}`): GivenFile => ({ name, bytes: strToU8(text) });
const zip = (name: string, entries: Record<string, Uint8Array>): GivenFile => ({ name, bytes: zipSync(entries) });

describe('bundleResultFiles', () => {
  it('takes loose .json files and the .json entries of a zip, in order, and names what it passes by', () => {
    const archive = zip('classe-4b.zip', {
      'a.json': strToU8('{"n":1}'),
      'sub/b.json': strToU8('{"n":2}'),
      'notes.txt': strToU8('hello'),
      '__MACOSX/._a.json': strToU8('junk'),
      'inner.zip': zipSync({ 'c.json': strToU8('{}') }),
    });
    const bundle = bundleResultFiles([json('one.json'), archive, json('photo.png'), json('.DS_Store')]);
    expect(bundle.files).toEqual([
      { name: 'one.json', text: '{"name":"one.json"}' },
      { name: 'classe-4b.zip › a.json', text: '{"n":1}' },
      { name: 'classe-4b.zip › sub/b.json', text: '{"n":2}' },
    ]);
    expect(bundle.refused).toEqual([
      { name: 'classe-4b.zip › notes.txt', refusal: { reason: 'not-results-file' } },
      { name: 'classe-4b.zip › inner.zip', refusal: { reason: 'zip-in-zip' } },
      { name: 'photo.png', refusal: { reason: 'not-results-file' } },
    ]);
  });

  it('refuses a zip bomb from the sizes it declares, without unpacking it', () => {
    // 20 MB of zeros pack into some 20 kB.
    const bomb = { name: 'bomb.zip', bytes: zipSync({ 'results.json': new Uint8Array(20_000_000) }, { level: 1 }) };
    expect(bomb.bytes.length).toBeLessThan(500_000);
    const bundle = bundleResultFiles([bomb, json('after.json')]);
    expect(bundle.refused).toEqual([{ name: 'bomb.zip › results.json', refusal: { reason: 'too-large', maxBytes: MAX_RESULT_BYTES } }]);
    expect(bundle.files.map((f) => f.name)).toEqual(['after.json']);
  });

  it('a zip that lies about its size unpacks no further than the size it declares', () => {
    const bytes = zipSync({ 'liar.json': new Uint8Array(20_000_000).fill(0x20) }, { level: 1 });
    // The central directory's uncompressed size (offset 24 of the entry header) rewritten to 1,000 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x02014b50) at--;
    view.setUint32(at + 24, 1_000, true);
    const bundle = bundleResultFiles([{ name: 'liar.zip', bytes }]);
    expect(bundle.files.map((f) => [f.name, f.text.length])).toEqual([['liar.zip › liar.json', 1_000]]);
  });

  it(`stops at the total size (${MAX_BUNDLE_BYTES / 1e6} MB; 10 MB here): the entries past it and every later file are refused with that reason`, () => {
    const limits = { maxFiles: MAX_BUNDLE_FILES, maxBytes: 10_000_000 };
    const big = new Uint8Array(MAX_RESULT_BYTES - 10).fill(0x20);
    const entries = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`r${i}.json`, big]));
    const bundle = bundleResultFiles([{ name: 'year.zip', bytes: zipSync(entries, { level: 1 }) }, json('late.json')], limits);
    expect(bundle.files).toHaveLength(5);
    expect(bundle.refused).toEqual([
      { name: 'year.zip', refusal: { reason: 'bundle-too-large', maxBytes: 10_000_000 } },
      { name: 'late.json', refusal: { reason: 'bundle-too-large', maxBytes: 10_000_000 } },
    ]);
  });

  it('stops at the file count', () => {
    const many = Array.from({ length: MAX_BUNDLE_FILES + 3 }, (_, i) => json(`f${i}.json`));
    const bundle = bundleResultFiles(many);
    expect(bundle.files).toHaveLength(MAX_BUNDLE_FILES);
    expect(bundle.refused.map((r) => r.name)).toEqual([`f${MAX_BUNDLE_FILES}.json`, `f${MAX_BUNDLE_FILES + 1}.json`, `f${MAX_BUNDLE_FILES + 2}.json`]);
    expect(bundle.refused[0]!.refusal).toEqual({ reason: 'too-many-files', maxFiles: MAX_BUNDLE_FILES });
  });

  it('refuses a damaged zip, a loose file over the size limit and text that is not UTF-8, and goes on', () => {
    const whole = zipSync({ 'a.json': strToU8('{}') });
    const bundle = bundleResultFiles([
      { name: 'cut.zip', bytes: whole.slice(0, whole.length - 30) },
      { name: 'huge.json', bytes: new Uint8Array(MAX_RESULT_BYTES + 1) },
      { name: 'latin1.json', bytes: new Uint8Array([0x7b, 0xe9, 0x7d]) },
      json('good.json'),
    ]);
    expect(bundle.refused).toEqual([
      { name: 'cut.zip', refusal: { reason: 'bad-zip' } },
      { name: 'huge.json', refusal: { reason: 'too-large', maxBytes: MAX_RESULT_BYTES } },
      { name: 'latin1.json', refusal: { reason: 'not-text' } },
    ]);
    expect(bundle.files.map((f) => f.name)).toEqual(['good.json']);
  });
});
