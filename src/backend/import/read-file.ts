// Opening a file as a new lesson's text: the reader its extension names, then the checks every text passes
// (empty, too long, which language). Reading writes nothing: the teacher's next step saves the lesson.
import { MAX_IMPORT_FILE_BYTES, MAX_LESSON_WORDS } from '../../core/import/limits';
import { guessLanguage } from '../../core/import/language';
import { countWords } from '../../core/import/paragraphs';
import type { TextFileReading } from '../../shared/contract/authoring';
import { readDocx } from './docx';
import { readEpub } from './epub';
import { readPdf } from './pdf';
import { readHtml, readPlainText } from './plain';
import { refusals, stopIfCancelled } from './refusals';
import type { ChapterRange, ReadText } from './types';

const READERS: Record<string, ReadText> = {
  txt: readPlainText,
  text: readPlainText,
  html: readHtml,
  htm: readHtml,
  xhtml: readHtml,
  docx: readDocx,
  epub: readEpub,
  pdf: readPdf,
};

/** The extensions named in the refusal of any other. */
export const IMPORT_EXTENSIONS = '.txt, .html, .docx, .epub and .pdf';

export async function readTextFile(fileName: string, bytes: Uint8Array, chapters?: ChapterRange, signal?: AbortSignal): Promise<TextFileReading> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const read = Object.hasOwn(READERS, extension) ? READERS[extension] : undefined;
  if (!read) throw refusals.unsupported(fileName, IMPORT_EXTENSIONS);
  if (bytes.length === 0) throw refusals.empty(fileName);
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw refusals.tooLargeFile(fileName, bytes.length);
  stopIfCancelled(signal, fileName);
  const result = await read(bytes, fileName, chapters, signal);
  stopIfCancelled(signal, fileName);
  // An EPUB with its chapters listed but none chosen yet has no paragraphs, and is not empty.
  const listing = result.paragraphs.length === 0 && result.chapters !== undefined;
  if (result.paragraphs.length === 0 && !listing) throw refusals.empty(fileName);
  const wordCount = countWords(result.paragraphs);
  if (wordCount > MAX_LESSON_WORDS) throw refusals.tooManyWords(fileName, wordCount);
  const language = guessLanguage(listing ? [] : result.paragraphs);
  return {
    paragraphs: result.paragraphs,
    ...(result.title ? { title: result.title } : {}),
    detectedLanguage: language.code,
    looksFrench: language.looksFrench,
    wordCount,
    ...(result.chapters ? { chapters: result.chapters } : {}),
  };
}
