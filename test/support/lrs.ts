// A real Learning Record Store on loopback for tests and benches: Learning Locker's statements service (npm
// xapi-statements, GPL-3, test-only) in memory, in its own process. Its "test" auth lets anyone in, so it is
// started with its "fetch" auth pointed at a tiny client-info server here that knows one client, test:test:
// wrong credentials get the LRS's own 401.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { makeTempDir, removeTempDir } from './db';

const LRS_JS = resolve(import.meta.dirname, '..', '..', 'node_modules', 'xapi-statements', 'dist', 'server.js');
export const LRS_USER = 'test';
export const LRS_PASSWORD = 'test';
const GOOD_AUTH = `Basic ${Buffer.from(`${LRS_USER}:${LRS_PASSWORD}`).toString('base64')}`;
const CLIENT = {
  _id: '5988f0f00000000000000123',
  title: 'Liseuse tests',
  authority: { objectType: 'Agent', name: 'Liseuse tests', mbox: 'mailto:tests@liseuse.invalid' },
  isTrusted: true,
  lrs_id: '5988f0f00000000000000000',
  organisation: '5988f0f00000000000000001',
  scopes: ['all'],
};

export interface XapiStatementsPage {
  statements: Record<string, unknown>[];
  more: string;
}

export interface TestLrs {
  /** http://127.0.0.1:PORT/xAPI */
  endpoint: string;
  /** Takes the LRS process down (as a crash would); start() brings it back on the same port, empty. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Every statement the LRS holds matching the query, following `more` page by page (as a report would). */
  statements(query?: Record<string, string>): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

const auth = (): string => GOOD_AUTH;

export async function startTestLrs(): Promise<TestLrs> {
  const authServer = createServer((req, res) => {
    if (req.headers.authorization !== GOOD_AUTH) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CLIENT));
  });
  const authPort = await listen(authServer);
  const port = await freePort();
  const storage = makeTempDir('liseuse-lrs-');
  const endpoint = `http://127.0.0.1:${port}/xAPI`;
  let child: ChildProcess | null = null;

  const up = async (): Promise<void> => {
    child = spawn(process.execPath, [LRS_JS], {
      env: {
        PATH: process.env.PATH,
        EXPRESS_PORT: String(port),
        AUTH_REPO: 'fetch',
        LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/`,
        EVENTS_REPO: 'test',
        MODELS_REPO: 'memory',
        STORAGE_REPO: 'local',
        FS_LOCAL_STORAGE_DIR: storage,
        WINSTON_CONSOLE_LEVEL: 'error',
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the LRS exited before it was ready: ${stderr}`);
      const ok = await fetch(`${endpoint}/about`, { headers: { 'X-Experience-API-Version': '1.0.3' } }).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`the LRS did not answer /about in 20 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const down = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGKILL');
    await exited;
  };

  await up();
  return {
    endpoint,
    up,
    down,
    async statements(query = {}) {
      const all: Record<string, unknown>[] = [];
      // A query for one statement takes no other parameter.
      const single = 'statementId' in query || 'voidedStatementId' in query;
      let url = `${endpoint}/statements?${new URLSearchParams(single ? query : { limit: '500', ...query })}`;
      for (;;) {
        const response = await fetch(url, { headers: { Authorization: auth(), 'X-Experience-API-Version': '1.0.3' } });
        if (!response.ok) throw new Error(`GET statements: HTTP ${response.status} ${await response.text()}`);
        if (single) return [(await response.json()) as Record<string, unknown>];
        const page = (await response.json()) as XapiStatementsPage;
        all.push(...page.statements);
        if (!page.more) return all;
        url = new URL(page.more, endpoint).href;
      }
    },
    async close() {
      await down();
      await new Promise((done) => authServer.close(done));
      removeTempDir(storage);
    },
  };
}
