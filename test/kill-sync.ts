// Kills the browser-mode server (SIGKILL) again and again while its outbox is being sent to a real LRS, then
// checks that every statement reached the LRS exactly once: none lost (each row marked sent is in the LRS, and
// in the end none is pending), none doubled (the LRS holds as many statements as the outbox has rows).
// Run: npm run build && npx tsx test/kill-sync.ts
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../src/backend/backend';
import { ARTICLE_ID } from './support/article';
import { LRS_PASSWORD, LRS_USER, startTestLrs } from './support/lrs';
import { startServerProcess } from './support/server';

const EVENTS = Number(process.env.KILL_SYNC_EVENTS ?? 4000);
const MAX_ROUNDS = 40;

function ok<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function outbox(dataDir: string): { pending: number; sent: number; sentIds: string[]; all: number } {
  const db = new Database(join(dataDir, 'liseuse.db'), { readonly: true });
  try {
    const sentIds = (db.prepare("SELECT id FROM xapi_outbox WHERE status = 'sent'").all() as { id: string }[]).map((r) => r.id);
    const { pending, all } = db.prepare("SELECT total(status = 'pending') AS pending, count(*) AS \"all\" FROM xapi_outbox").get() as { pending: number; all: number };
    return { pending, sent: sentIds.length, sentIds, all };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const lrs = await startTestLrs();
  const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-kill-sync-'));
  try {
    // The events, made by the real backend in this process with no sync running.
    const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'kill-sync', xapiSyncMs: 0 });
    const { teacherToken } = ok<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    const { id: learnerId } = ok<{ id: string }>(await backend.call('learners:create', { name: 'Ana' }));
    for (let i = 0; i < EVENTS; i++) ok(await backend.call('reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 1 + (i % 30) }));
    ok(await backend.call('lrs:save', { teacherToken, endpoint: lrs.endpoint, username: LRS_USER, secret: LRS_PASSWORD, namesShown: false }));
    backend.close();

    const started = Date.now();
    let rounds = 0;
    for (; rounds < MAX_ROUNDS; rounds++) {
      const before = outbox(dataDir);
      if (before.pending === 0) break;
      const server = await startServerProcess({ ...process.env, LISEUSE_DATA_DIR: dataDir, LISEUSE_XAPI_SYNC_MS: '10' });
      // Most kills land during a POST (this LRS takes about half a second for a batch of 200).
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
      await server.stop('SIGKILL');
      const after = outbox(dataDir);
      console.log(`round ${rounds + 1}: killed with ${after.pending} pending, ${after.sent} sent (${after.sent - before.sent} this round)`);
    }
    const final = outbox(dataDir);
    // The LRS is this run's own: every statement it holds is ours (its `more` links lose an agent filter).
    const held = await lrs.statements();
    const heldIds = new Set(held.map((s) => s.id as string));
    const lost = final.sentIds.filter((id) => !heldIds.has(id));
    const problems = [
      ...(final.pending > 0 ? [`${final.pending} statements still pending after ${rounds} rounds`] : []),
      ...(lost.length ? [`${lost.length} statements marked sent are not in the LRS`] : []),
      ...(held.length !== final.all ? [`the LRS holds ${held.length} statements for ${final.all} outbox rows`] : []),
      ...(heldIds.size !== held.length ? ['the LRS returned a statement twice'] : []),
    ];
    console.log(
      `kill-sync: ${final.all} statements, ${rounds} kills in ${((Date.now() - started) / 1000).toFixed(1)} s; LRS holds ${held.length}, ` +
        `lost ${lost.length}, doubled ${held.length - heldIds.size}`,
    );
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exitCode = 1;
    }
  } finally {
    await lrs.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
