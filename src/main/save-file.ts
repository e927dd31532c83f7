// Electron's way to save an exported file: the user picks the place in a save dialog, the main process writes
// the bytes there atomically. The renderer never names a path.
import type { ExportOutcome } from '../shared/types';
import { writeFileAtomic } from '../backend/export/atomic-write';
import type { OutgoingFile, SaveFile } from '../backend/services/reports';

/** The part of Electron's dialog.showSaveDialog we use; a fake in tests. */
export type ShowSaveDialog = (options: {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('showOverwriteConfirmation' | 'createDirectory')[];
}) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  json: { name: 'JSON data', extensions: ['json'] },
};

export function saveWithDialog(
  showSaveDialog: ShowSaveDialog,
  defaultDir: string,
  write: (path: string, bytes: Uint8Array) => void = writeFileAtomic,
): SaveFile {
  return async (file: OutgoingFile): Promise<ExportOutcome> => {
    const extension = file.fileName.split('.').pop() ?? '';
    const filter = FILTERS[extension];
    const choice = await showSaveDialog({
      title: 'Save the report',
      defaultPath: `${defaultDir}/${file.fileName}`,
      filters: filter ? [filter] : [],
      // macOS and Windows always ask before replacing a file; GTK on Linux only when told to.
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return { cancelled: true };
    write(choice.filePath, file.bytes);
    return { saved: { fileName: choice.filePath.split(/[\\/]/).pop() ?? file.fileName } };
  };
}
