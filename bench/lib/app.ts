// Runs the real browser-mode server (out/main/server.js) in its own process and talks to it as the page does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVER_JS = join(ROOT, 'out', 'main', 'server.js');

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
  const env: NodeJS.ProcessEnv = { ...process.env, LISEUSE_DATA_DIR: options.dataDir, LISEUSE_PORT: '0' };
  if (options.lessonsDir) env.LISEUSE_LESSONS_DIR = options.lessonsDir;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [SERVER_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const [, origin, token] = await readyLine(child);
  if (!origin || !token || child.pid === undefined) throw new Error('the server printed no address');
  return {
    origin,
    token,
    pid: child.pid,
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
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function readyLine(child: ChildProcess): Promise<RegExpExecArray> {
  return new Promise((resolveMatch, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${stderr}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveMatch(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${stderr}`));
    });
  });
}

/** Resident and peak resident memory of a process in MB (10^6 bytes), from /proc/<pid>/status (Linux; its "kB" are KiB). */
export function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMB: (kB('VmRSS') * 1024) / 1e6, peakMB: (kB('VmHWM') * 1024) / 1e6 };
}
