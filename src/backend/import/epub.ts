// An EPUB's chapters (a zip of XHTML files in the order its package gives): every chapter with text is listed with
// its title and word count, and the text is the chapters the teacher chose. With no choice yet, a book of one
// chapter gives it at once; a longer one gives only the list, so even a book too long for one lesson can be
// opened and a part of it chosen.
import { htmlText } from '../../core/import/html-text';
import { packagePath, readPackage, tableOfContents } from '../../core/import/epub-package';
import { countWords } from '../../core/import/paragraphs';
import { readZip } from './zip';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { refusals, stopIfCancelled } from './refusals';
import type { ReadText } from './types';

const utf8 = new TextDecoder();

export const readEpub: ReadText = async (bytes, fileName, range, signal) => {
  const files = readZip(bytes, fileName, 'EPUB book');
  const text = (path: string): string | null => {
    const file = files[path];
    return file ? utf8.decode(file) : null;
  };
  const container = text('META-INF/container.xml');
  if (container === null) throw refusals.damaged(fileName, 'it is not an EPUB book (it has no META-INF/container.xml).');
  const opfPath = packagePath(container);
  const opf = opfPath ? text(opfPath) : null;
  if (!opfPath || opf === null) throw refusals.damaged(fileName, 'the book’s package file, which lists its chapters, is missing.');
  const book = readPackage(opf, opfPath);
  const toc = book.tocPath && book.tocKind ? text(book.tocPath) : null;
  const titles = toc !== null && book.tocPath && book.tocKind ? tableOfContents(toc, book.tocPath, book.tocKind) : new Map<string, string>();

  const chapters: { title: string; words: number; paragraphs: string[] }[] = [];
  for (const path of book.spine) {
    // Between chapters the server hears of a cancel (the event loop runs), and the reading stops there.
    if (signal) await nextTurn();
    stopIfCancelled(signal, fileName);
    const xhtml = text(path);
    if (xhtml === null) continue;
    const chapter = htmlText(xhtml);
    const words = countWords(chapter.paragraphs);
    // A cover or a page of images has no words: nothing to choose.
    if (words > 0) chapters.push({ title: titles.get(path) ?? chapter.firstHeading ?? '', words, paragraphs: chapter.paragraphs });
  }
  if (chapters.length === 0) throw refusals.empty(fileName);
  const listed = chapters.map(({ title, words }, index) => ({ index, title, words }));
  const chosen = range ?? (chapters.length === 1 ? { from: 0, to: 0 } : null);
  if (!chosen) return { paragraphs: [], ...(book.title ? { title: book.title } : {}), chapters: listed };
  if (chosen.from > chosen.to || chosen.to >= chapters.length)
    throw refusals.noSuchChapters(fileName, chapters.length);
  const picked = chapters.slice(chosen.from, chosen.to + 1);
  const title = picked.length === 1 && picked[0]?.title ? picked[0].title : book.title;
  return { paragraphs: picked.flatMap((c) => c.paragraphs), ...(title ? { title } : {}), chapters: listed };
};
