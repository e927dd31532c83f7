// Registers every call of the contract with ipcMain.handle: the sender frame must be our own page, then the
// backend validates the input, checks the teacher guard and maps errors, exactly as it does for browser mode.
import { CALL_NAMES } from '../../shared/contract/call-names';
import type { Result } from '../../shared/errors';
import { isTrustedSenderUrl } from '../security';

/** The part of Electron's IpcMainInvokeEvent we rely on. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain we rely on; a fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface BackendLike {
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
}

export function registerContract(ipcMain: IpcMainLike, backend: BackendLike): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, ...args) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Refused: the request did not come from Liseuse.' } };
      }
      if (args.length > 1) return { ok: false, error: { code: 'invalid_input', message: 'One input object per call.' } };
      return backend.call(name, args[0]);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(name);
  };
}
