// The real browser-mode server (out/main/server.js, built by `npm run build`) in its own process, as
// `npm run serve` starts it: on a free port, ready once it prints its address and per-launch token.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const SERVER_JS = join(resolve(import.meta.dirname, '..', '..'), 'out', 'main', 'server.js');

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  token: string;
  /** Resolves once the process has exited, however it ended. */
  exited: Promise<void>;
  /** Ends it as a user quitting would (SIGTERM), or kills it (SIGKILL), and waits for the exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** `env` is the whole environment the server gets (LISEUSE_DATA_DIR at least); the port is always a free one. */
export function startServerProcess(env: NodeJS.ProcessEnv, startTimeoutMs = 20_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_JS], { env: { ...env, LISEUSE_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ready, fail) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start in ${startTimeoutMs / 1000} s: ${stderr}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /ready: (http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(stdout);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        ready({ child, origin: match[1], token: match[2], exited, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code ?? signal}) before it was ready: ${stderr}`));
    });
  });
}
