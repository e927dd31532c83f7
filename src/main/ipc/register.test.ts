import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { CALL_NAMES } from '../../shared/contract/call-names';
import type { Result } from '../../shared/errors';
import type { Learner } from '../../shared/types';
import { registerContract, type InvokeEvent, type IpcMainLike } from './register';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

/** ipcMain as far as registerContract sees it: a map of channel to handler, refusing a second handler like Electron does. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

const TRUSTED: InvokeEvent = { senderFrame: { url: 'app://liseuse/index.html' } };

describe('registerContract', () => {
  let dataDir: string;
  let backend: Backend;
  let ipc: FakeIpcMain;
  let calls: { name: unknown; input: unknown }[];
  let dispose: () => void;

  beforeEach(() => {
    dataDir = makeTempDir();
    backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'electron', version: '1.0.0', logError: () => {} });
    ipc = new FakeIpcMain();
    calls = [];
    dispose = registerContract(ipc, {
      call: (name, input) => {
        calls.push({ name, input });
        return backend.call(name, input);
      },
    });
  });

  afterEach(() => {
    dispose();
    backend.close();
    removeTempDir(dataDir);
  });

  it('registers one handler per call of the contract, and nothing else', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...CALL_NAMES].sort());
    expect(CALL_NAMES).toContain('learners:create');
  });

  it('a call from our page returns what the backend returns', async () => {
    expect(await ipc.invoke('app:info', TRUSTED)).toEqual({ ok: true, value: { version: '1.0.0', mode: 'electron', notice: null, language: null } });
    const created = await ipc.invoke('learners:create', TRUSTED, { name: 'Ana' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Ana' } });
    const listed = await ipc.invoke('learners:list', TRUSTED);
    expect(listed).toEqual({ ok: true, value: [(created as { value: Learner }).value] });
    expect(calls.map((c) => c.name)).toEqual(['app:info', 'learners:create', 'learners:list']);
    expect(calls[1]?.input).toEqual({ name: 'Ana' });
  });

  it('the backend validation still applies to trusted calls', async () => {
    const result = await ipc.invoke('learners:create', TRUSTED, { name: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each<[string, InvokeEvent]>([
    ['a null sender frame', { senderFrame: null }],
    ['a look-alike host', { senderFrame: { url: 'app://liseuse.evil/index.html' } }],
    ['a web page', { senderFrame: { url: 'https://example.com/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['an empty url', { senderFrame: { url: '' } }],
    ['user info', { senderFrame: { url: 'app://x@liseuse/index.html' } }],
  ])('a call from %s is refused as unauthorized and never reaches the backend', async (_label, event) => {
    for (const name of ['learners:create', 'app:info', 'learners:list']) {
      const result = await ipc.invoke(name, event, { name: 'Intruder' });
      expect(result).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect(calls).toEqual([]);
    expect(((await ipc.invoke('learners:list', TRUSTED)) as { value: unknown[] }).value).toEqual([]);
  });

  it('more than one argument gives invalid_input and never reaches the backend', async () => {
    const result = await ipc.invoke('learners:create', TRUSTED, { name: 'Ana' }, { name: 'Bruno' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('the disposer removes every handler, and registering again works', () => {
    dispose();
    expect(ipc.handlers.size).toBe(0);
    dispose = registerContract(ipc, backend);
    expect(ipc.handlers.size).toBe(CALL_NAMES.length);
  });
});
