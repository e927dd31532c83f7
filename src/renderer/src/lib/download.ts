// Browser mode: hands a file the backend made to the browser as a download.
import type { ExportOutcome } from '../../../shared/types';
export function offerDownload(file: { fileName: string; mimeType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Completes an export whatever the mode did with it, and says what happened in the given words. */
export function deliverExport(
  outcome: ExportOutcome,
  words: { saved: (name: string) => string; downloaded: (name: string) => string; cancelled: string },
): string {
  if ('download' in outcome) {
    offerDownload(outcome.download);
    return words.downloaded(outcome.download.fileName);
  }
  return 'saved' in outcome ? words.saved(outcome.saved.fileName) : words.cancelled;
}
