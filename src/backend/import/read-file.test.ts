// authoring:readFile through the real backend: each format from a fixture made here, each bad input refused by
// its code with the file's name, and nothing written to the database either way.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BASE64_CHARS, MAX_LESSON_WORDS } from '../../core/import/limits';
import { MAX_BODY_BYTES } from '../../server/http-server';
import type { TextFileReading } from '../../shared/contract/authoring';
import type { Backend } from '../backend';
import { errorOf, useBackend, value } from '../../../test/support/backend';
import { ENGLISH_PARAGRAPHS, FRENCH_PARAGRAPHS, makeDocx, makeEpub, makePdf, makePdfWithoutText } from '../../../test/support/import-files';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('authoring:readFile', () => {
  const { start } = useBackend();

  async function teacher(): Promise<{ backend: Backend; read: (fileName: string, bytes: Uint8Array, chapters?: { from: number; to: number }) => ReturnType<Backend['call']> }> {
    const backend = start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    return { backend, read: (fileName, bytes, chapters) => backend.call('authoring:readFile', { teacherToken, fileName, bytes: base64(bytes), ...(chapters ? { chapters } : {}) }) };
  }

  /** Every table's row count: reading a file must leave them all as they were. */
  function rowCounts(backend: Backend): Record<string, number> {
    const tables = backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, backend.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  }

  it('a UTF-8 .txt: its paragraphs, word count and language', async () => {
    const { read } = await teacher();
    const reading = value<TextFileReading>(await read('train.txt', utf8(FRENCH_PARAGRAPHS.join('\n\n'))));
    expect(reading).toEqual({ paragraphs: FRENCH_PARAGRAPHS, detectedLanguage: 'fra', looksFrench: true, wordCount: 67 });
  });

  it('a Latin-1 .txt and a UTF-16 one read the same text', async () => {
    const { read } = await teacher();
    const text = 'Élève à l\'école, où ça bouge : déjà là.';
    const latin1 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(value<TextFileReading>(await read('latin1.txt', latin1)).paragraphs).toEqual([text]);
    expect(value<TextFileReading>(await read('utf16.txt', utf16)).paragraphs).toEqual([text]);
  });

  it('an .html page: the article’s paragraphs and its title, not the menu', async () => {
    const { read } = await teacher();
    const page = `<html><head><title>Site</title></head><body><nav>Accueil · Monde</nav><article><h1>Le train de nuit</h1>${FRENCH_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Site</footer></body></html>`;
    const reading = value<TextFileReading>(await read('article.HTM', utf8(page)));
    expect(reading.title).toBe('Le train de nuit');
    expect(reading.paragraphs).toEqual(['Le train de nuit', ...FRENCH_PARAGRAPHS]);
  });

  it('a .docx: its paragraphs and heading, by mammoth', async () => {
    const { read } = await teacher();
    const reading = value<TextFileReading>(await read('train.docx', makeDocx(FRENCH_PARAGRAPHS, { heading: 'Le train de nuit' })));
    expect(reading).toMatchObject({ title: 'Le train de nuit', paragraphs: ['Le train de nuit', ...FRENCH_PARAGRAPHS], looksFrench: true });
  });

  it('an .epub: the chapters listed with titles and words, then the chosen range read', async () => {
    const { backend, read } = await teacher();
    const book = makeEpub('Voyages', [
      { title: 'Le départ', paragraphs: FRENCH_PARAGRAPHS.slice(0, 1) },
      { title: 'La mer', paragraphs: FRENCH_PARAGRAPHS.slice(1, 2) },
      { title: 'Marseille', paragraphs: FRENCH_PARAGRAPHS.slice(2) },
    ]);
    const before = rowCounts(backend);
    const listing = value<TextFileReading>(await read('voyages.epub', book));
    // The cover page has no words and is not offered; each chapter's heading counts among its words.
    expect(listing.paragraphs).toEqual([]);
    expect(listing.title).toBe('Voyages');
    expect(listing.chapters).toEqual([
      { index: 0, title: 'Le départ', words: 26 },
      { index: 1, title: 'La mer', words: 19 },
      { index: 2, title: 'Marseille', words: 27 },
    ]);
    const two = value<TextFileReading>(await read('voyages.epub', book, { from: 1, to: 2 }));
    expect(two.paragraphs).toEqual(['La mer', FRENCH_PARAGRAPHS[1], 'Marseille', FRENCH_PARAGRAPHS[2]]);
    expect(two).toMatchObject({ title: 'Voyages', wordCount: 46, looksFrench: true });
    expect(value<TextFileReading>(await read('voyages.epub', book, { from: 2, to: 2 })).title).toBe('Marseille');
    expect(errorOf(await read('voyages.epub', book, { from: 2, to: 5 }))).toEqual({ code: 'invalid_input', message: '“voyages.epub” has chapters 1 to 3: choose among those.' });
    expect(rowCounts(backend)).toEqual(before);
  });

  it('a .pdf: its text layer joined into paragraphs, and its title', async () => {
    const { read } = await teacher();
    const reading = value<TextFileReading>(await read('train.pdf', await makePdf(FRENCH_PARAGRAPHS, { title: 'Le train' })));
    expect(reading).toMatchObject({ title: 'Le train', paragraphs: FRENCH_PARAGRAPHS, looksFrench: true, wordCount: 67 });
  });

  it('an English text is read, flagged as English for the teacher to decide', async () => {
    const { read } = await teacher();
    expect(value<TextFileReading>(await read('english.txt', utf8(ENGLISH_PARAGRAPHS.join('\n'))))).toMatchObject({ detectedLanguage: 'eng', looksFrench: false });
  });

  it('100,000 words are read; a text over the limit is refused naming it in words and bytes', async () => {
    const { read } = await teacher();
    const paragraph = FRENCH_PARAGRAPHS.join(' ');
    const copies = (n: number): Uint8Array => utf8(Array.from({ length: n }, () => paragraph).join('\n'));
    // 67 words a copy: "vingt-deux", "grand-mère" and "avait-elle" are one word each, as the tokenizer has them.
    const hundredThousand = Math.ceil(100_000 / 67);
    expect(value<TextFileReading>(await read('long.txt', copies(hundredThousand))).wordCount).toBe(hundredThousand * 67);
    const tooMany = Math.ceil((MAX_LESSON_WORDS + 1) / 67);
    expect(errorOf(await read('roman.txt', copies(tooMany)))).toEqual({
      code: 'file_too_large',
      message: `“roman.txt” is too long (${(tooMany * 67).toLocaleString('en-GB')} words). Liseuse opens texts of up to 150,000 words, in files of up to 3 MB: choose fewer chapters, or split the text.`,
    });
  });

  it.each([
    ['vide.txt', new Uint8Array(), 'file_empty', '“vide.txt” has no text in it.'],
    ['blancs.txt', utf8(' \n\n\t '), 'file_empty', '“blancs.txt” has no text in it.'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'file_binary', '“image.txt” is not a text file'],
    ['tableur.xlsx', utf8('x'), 'file_unsupported', 'Liseuse cannot open “tableur.xlsx”: it opens .txt, .html, .docx, .epub and .pdf files.'],
    ['sans extension', utf8('Bonjour.'), 'file_unsupported', 'Liseuse cannot open “sans extension”'],
    ['faux.docx', utf8('Ceci n’est pas un zip.'), 'file_damaged', 'Liseuse cannot read “faux.docx”: it is not a valid Word document'],
    ['autre.docx', zipSync({ 'hello.txt': strToU8('Bonjour') }), 'file_damaged', 'it is not a Word document (it has no word/document.xml)'],
    ['coupé.epub', makeEpub('Livre', [{ title: 'Un', paragraphs: ['Texte.'] }]).slice(0, 300), 'file_damaged', 'Liseuse cannot read “coupé.epub”: it is not a valid EPUB book'],
    ['zip.epub', zipSync({ 'a.xhtml': strToU8('<p>Un.</p>') }), 'file_damaged', 'it is not an EPUB book (it has no META-INF/container.xml)'],
    ['évadé.epub', zipSync({ '../../evil.xhtml': strToU8('x') }), 'file_damaged', 'the archive holds a file named “../../evil.xhtml”, which points outside it.'],
    ['absolu.docx', zipSync({ '/etc/passwd': strToU8('x') }), 'file_damaged', 'which points outside it.'],
    ['cassé.pdf', utf8('%PDF-1.7\nrien du tout'), 'file_damaged', 'Liseuse cannot read “cassé.pdf”: it is not a valid PDF'],
  ])('%s is refused (%#)', async (fileName, bytes, code, message) => {
    const { backend, read } = await teacher();
    const before = rowCounts(backend);
    const error = errorOf(await read(fileName, bytes));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(rowCounts(backend)).toEqual(before);
  });

  it('a zip bomb is refused before it is unpacked, and one that lies about its size unpacks no more than it says', async () => {
    const { read } = await teacher();
    const zeros = zipSync({ 'word/document.xml': new Uint8Array(5_000_000) }, { level: 1 });
    /** The archive with its one entry declaring this size, in its local header and in the central directory. */
    const declaring = (size: number): Uint8Array => {
      const copy = zeros.slice();
      const view = new DataView(copy.buffer);
      view.setUint32(22, size, true);
      for (let i = copy.length - 4; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
      return copy;
    };
    expect(errorOf(await read('bombe.docx', declaring(4_000_000_000)))).toEqual({
      code: 'file_damaged',
      message: 'Liseuse cannot read “bombe.docx”: it would unpack to more than 100 MB (a “zip bomb”), which no Word document of text needs.',
    });
    // Declaring 100 bytes: no more than that is unpacked, and 100 zero bytes are no Word document.
    expect(errorOf(await read('menteuse.docx', declaring(100)))).toMatchObject({ code: 'file_damaged' });
  });

  it('an encrypted PDF and a scanned one are refused with that reason', async () => {
    const { read } = await teacher();
    expect(errorOf(await read('secret.pdf', await makePdf(FRENCH_PARAGRAPHS, { userPassword: 'motdepasse' })))).toEqual({
      code: 'file_encrypted',
      message: '“secret.pdf” is protected by a password (an encrypted PDF). Save a copy without the password, then open that.',
    });
    const scanned = errorOf(await read('scan.pdf', await makePdfWithoutText()));
    expect(scanned.code).toBe('file_no_text');
    expect(scanned.message).toContain('“scan.pdf” has no text layer: it looks like a scanned PDF');
  });

  it('a file over the byte cap is refused by the contract before it is read', async () => {
    const { backend } = await teacher();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '246813' }));
    const error = errorOf(await backend.call('authoring:readFile', { teacherToken, fileName: 'gros.pdf', bytes: 'A'.repeat(MAX_IMPORT_BASE64_CHARS + 4) }));
    expect(error).toEqual({ code: 'invalid_input', message: 'bytes: A file to open is at most 3 MB.' });
    // The largest file, in base64 inside its call, fits the browser-mode server's body cap.
    expect(MAX_IMPORT_BASE64_CHARS + 1_000).toBeLessThan(MAX_BODY_BYTES);
  });
});
