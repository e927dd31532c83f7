// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TextFileReading } from '../../../shared/contract/authoring';
import { fakeApi, refused } from './fake-api';
import { OpenTextFileState, type FileLike } from './open-text-file.svelte';

const TOKEN = 't'.repeat(43);
const fileOf = (name: string, text: string): FileLike => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};
const READING: TextFileReading = { paragraphs: ['Le chat dort.', 'Il pleut.'], title: 'Chat', detectedLanguage: 'fra', looksFrench: true, wordCount: 5 };

describe('opening a file as a new lesson’s text', () => {
  it('sends the file’s bytes as base64 and shows what was read', async () => {
    const fake = fakeApi({ 'authoring:readFile': async () => READING });
    const state = new OpenTextFileState(TOKEN, fake.api);
    await state.open(fileOf('chat.txt', 'Le chat dort.\nIl pleut.'));
    expect(fake.inputsOf('authoring:readFile')).toEqual([{ teacherToken: TOKEN, fileName: 'chat.txt', bytes: btoa('Le chat dort.\nIl pleut.') }]);
    expect(state.text).toEqual({ paragraphs: ['Le chat dort.', 'Il pleut.'], title: 'Chat' });
    expect(state.status).toBe('Read: 2 paragraphs, 5 words.');
    expect(state.busy).toBe(false);
  });

  it('pasted text goes as a UTF-8 .txt, accents and all', async () => {
    const fake = fakeApi({ 'authoring:readFile': async () => READING });
    const state = new OpenTextFileState(TOKEN, fake.api);
    await state.paste('Élève');
    const input = fake.inputsOf('authoring:readFile')[0] as { fileName: string; bytes: string };
    expect(input.fileName).toBe('pasted text.txt');
    expect(new TextDecoder().decode(Uint8Array.from(atob(input.bytes), (c) => c.charCodeAt(0)))).toBe('Élève');
  });

  it('a refused file says why, and leaves no text to use', async () => {
    const message = '“scan.pdf” has no text layer: it looks like a scanned PDF.';
    const state = new OpenTextFileState(TOKEN, fakeApi({ 'authoring:readFile': refused('file_no_text', message) }).api);
    await state.open(fileOf('scan.pdf', '%PDF'));
    expect(state.error).toBe(message);
    expect(state.text).toBeNull();
  });

  it('a file over the cap is refused before it is sent', async () => {
    const fake = fakeApi({});
    const state = new OpenTextFileState(TOKEN, fake.api);
    await state.open({ name: 'roman.pdf', size: 5_000_000, arrayBuffer: async () => new ArrayBuffer(0) });
    expect(state.error).toBe('“roman.pdf” is too large (5 MB). Liseuse opens files of up to 3 MB.');
    expect(fake.calls).toEqual([]);
  });

  it('an EPUB lists its chapters first; the chosen range is read from the same bytes, the list kept', async () => {
    const chapters = [
      { index: 0, title: 'Un', words: 10 },
      { index: 1, title: 'Deux', words: 20 },
    ];
    const fake = fakeApi({
      'authoring:readFile': async (input) =>
        input.chapters ? { ...READING, chapters } : { paragraphs: [], title: 'Livre', detectedLanguage: 'und', looksFrench: true, wordCount: 0, chapters },
    });
    const state = new OpenTextFileState(TOKEN, fake.api);
    await state.open(fileOf('livre.epub', 'PK'));
    expect(state.needsChapters).toBe(true);
    expect(state.text).toBeNull();
    expect(state.status).toBe('The book has 2 chapters: choose which to open.');
    await state.chooseChapters(1, 0);
    expect(fake.inputsOf('authoring:readFile')[1]).toEqual({ teacherToken: TOKEN, fileName: 'livre.epub', bytes: btoa('PK'), chapters: { from: 0, to: 1 } });
    expect(state.text?.paragraphs).toEqual(READING.paragraphs);
    expect(state.reading?.chapters).toEqual(chapters);
  });

  it('cancel drops the reply: the bar goes, nothing is shown, and a late reply changes nothing', async () => {
    let answer: (reading: TextFileReading) => void = () => undefined;
    const fake = fakeApi({ 'authoring:readFile': () => new Promise((resolve) => (answer = resolve)) });
    const state = new OpenTextFileState(TOKEN, fake.api);
    const reading = state.open(fileOf('long.txt', 'Le chat dort.'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.busy).toBe(true);
    state.cancel();
    expect(state.busy).toBe(false);
    expect(state.status).toBe('Reading cancelled. Nothing was saved.');
    answer(READING);
    await reading;
    expect(state.reading).toBeNull();
    expect(state.text).toBeNull();
  });

  it('cancel aborts the request itself, so the backend can stop reading', async () => {
    const fake = fakeApi({ 'authoring:readFile': () => new Promise(() => undefined) });
    const state = new OpenTextFileState(TOKEN, fake.api);
    void state.open(fileOf('long.txt', 'Le chat dort.'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const signal = fake.calls.find((c) => c.name === 'authoring:readFile')?.options?.signal;
    expect(signal?.aborted).toBe(false);
    state.cancel();
    expect(signal?.aborted).toBe(true);
  });
});
