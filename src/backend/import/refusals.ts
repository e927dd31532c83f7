// Every reason Liseuse gives for not opening a file as a lesson's text: one code each, and a message that names
// the file and says what the teacher can do (worded in each language in error-messages.ts). Nothing is saved when
// one is thrown (reading a file writes nothing).
import { AppError } from '../../shared/errors';

export const refusals = {
  unsupported: (fileName: string, extensions: string) => AppError.because('file_unsupported', 'fileUnsupported', { fileName, extensions }),
  empty: (fileName: string) => AppError.because('file_empty', 'fileEmpty', { fileName }),
  binary: (fileName: string) => AppError.because('file_binary', 'fileBinary', { fileName }),
  tooLargeFile: (fileName: string, bytes: number) => AppError.because('file_too_large', 'fileTooLarge', { fileName, bytes }),
  tooManyWords: (fileName: string, words: number) => AppError.because('file_too_large', 'fileTooLong', { fileName, words }),
  damaged: (fileName: string, reason: string) => AppError.because('file_damaged', 'fileDamaged', { fileName, detail: reason }),
  noSuchChapters: (fileName: string, count: number) => AppError.because('invalid_input', 'noSuchChapters', { fileName, count }),
  encrypted: (fileName: string) => AppError.because('file_encrypted', 'fileEncrypted', { fileName }),
  noText: (fileName: string) => AppError.because('file_no_text', 'fileNoText', { fileName }),
  /** The teacher cancelled the reading: its reply goes nowhere, and nothing was kept. */
  cancelled: (fileName: string) => AppError.because('invalid_input', 'fileReadCancelled', { fileName }),
};

/** Stops a reader whose caller gave up: between pages, chapters and steps, never in the middle of one. */
export function stopIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw refusals.cancelled(fileName);
}
