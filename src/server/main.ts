// Entry point of browser mode: `npm run serve`, or `npm start` where Electron's binary is missing.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/backend';
import { defaultDataDir } from '../backend/paths';
import { startServer } from './http-server';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  let backend;
  try {
    // LISEUSE_LESSONS_DIR points at another lessons folder (benchmarks use a generated long lesson).
    const lessonsDir = process.env.LISEUSE_LESSONS_DIR ?? resolve(root, 'resources', 'lessons');
    // LISEUSE_XAPI_SYNC_MS: how often the outbox goes to the LRS (the kill test syncs every few ms).
    const xapiSyncMs = process.env.LISEUSE_XAPI_SYNC_MS === undefined ? undefined : Number(process.env.LISEUSE_XAPI_SYNC_MS);
    backend = createBackend({ dataDir, lessonsDir, mode: 'browser', version, dailyBackup: true, ...(xapiSyncMs === undefined ? {} : { xapiSyncMs }) });
  } catch (error) {
    console.error(`Liseuse could not open its data in ${dataDir}: ${(error as Error).message}`);
    process.exit(1);
  }
  const token = randomBytes(32).toString('base64url');
  const port = Number(process.env.LISEUSE_PORT ?? 0);
  const running = await startServer({ backend, staticDir: resolve(root, 'out', 'renderer'), token, port });
  // The token travels in the fragment: it never reaches a server log or a Referer header.
  console.log(`Liseuse (browser mode) is ready: ${running.url}#token=${token}`);
  console.log(`Learner data: ${dataDir}`);

  const stop = (): void => {
    void running.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
