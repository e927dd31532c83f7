// The sandboxed preload: one frozen object with a function per contract call. No ipcRenderer, no events,
// nothing else reaches the page. It imports the call names alone, so no schema is bundled into it.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../shared/contract/call-names';

const bridge = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(name, input)])),
);

contextBridge.exposeInMainWorld('liseuse', bridge);
