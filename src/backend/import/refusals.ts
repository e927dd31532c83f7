// Every reason Liseuse gives for not opening a file as a lesson's text: one code each, and a message that names
// the file and says what the teacher can do. Nothing is saved when one is thrown (reading a file writes nothing).
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_WORDS, megabytes } from '../../core/import/limits';
import { AppError } from '../../shared/errors';

const LIMITS = `Liseuse opens texts of up to ${MAX_IMPORT_WORDS.toLocaleString('en-GB')} words, in files of up to ${megabytes(MAX_IMPORT_FILE_BYTES)}`;

export const refusals = {
  unsupported: (fileName: string, extensions: string) =>
    new AppError('file_unsupported', `Liseuse cannot open “${fileName}”: it opens ${extensions} files. Save the text in one of those, or paste it.`),
  empty: (fileName: string) => new AppError('file_empty', `“${fileName}” has no text in it.`),
  binary: (fileName: string) =>
    new AppError('file_binary', `“${fileName}” is not a text file (it holds binary data). Open the document in the program that made it and save it as text.`),
  tooLargeFile: (fileName: string, bytes: number) =>
    new AppError('file_too_large', `“${fileName}” is too large (${megabytes(bytes)}). ${LIMITS}.`),
  tooManyWords: (fileName: string, words: number) =>
    new AppError('file_too_large', `“${fileName}” is too long (${words.toLocaleString('en-GB')} words). ${LIMITS}: choose fewer chapters, or split the text.`),
  damaged: (fileName: string, reason: string) => new AppError('file_damaged', `Liseuse cannot read “${fileName}”: ${reason}`),
  noSuchChapters: (fileName: string, count: number) =>
    new AppError('invalid_input', `“${fileName}” has chapters 1 to ${count}: choose among those.`),
  encrypted: (fileName: string) =>
    new AppError('file_encrypted', `“${fileName}” is protected by a password (an encrypted PDF). Save a copy without the password, then open that.`),
  noText: (fileName: string) =>
    new AppError(
      'file_no_text',
      `“${fileName}” has no text layer: it looks like a scanned PDF (pictures of pages). Liseuse needs the text itself; run it through text recognition (OCR) first, or paste the text.`,
    ),
};
