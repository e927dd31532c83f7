// Runs the real browser-mode server (out/main/server.js) in its own process and talks to it as the page does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServerProcess } from '../../test/support/server';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface App {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  token: string;
  pid: number;
  /** performance.now() just before the process was spawned. */
  spawnedAt: number;
  call<T>(name: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface AppOptions {
  dataDir: string;
  /** Defaults to the app's own resources/lessons. */
  lessonsDir?: string;
}

export async function startApp(options: AppOptions): Promise<App> {
  const env: NodeJS.ProcessEnv = { ...process.env, LISEUSE_DATA_DIR: options.dataDir };
  if (options.lessonsDir) env.LISEUSE_LESSONS_DIR = options.lessonsDir;
  const spawnedAt = performance.now();
  const server = await startServerProcess(env, 15_000);
  const { origin, token } = server;
  if (server.child.pid === undefined) throw new Error('the server has no process id');
  return {
    origin,
    token,
    pid: server.child.pid,
    spawnedAt,
    async call<T>(name: string, input?: unknown): Promise<T> {
      const response = await fetch(`${origin}api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Liseuse-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!body.ok) throw new Error(`${name}: ${body.error.code}: ${body.error.message}`);
      return body.value;
    },
    stop: () => server.stop(),
  };
}

/** Resident and peak resident memory of a process in MB (10^6 bytes), from /proc/<pid>/status (Linux; its "kB" are KiB). */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMB: (kB('VmRSS') * 1024) / 1e6, peakMB: (kB('VmHWM') * 1024) / 1e6 };
}
