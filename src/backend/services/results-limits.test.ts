// The one size limit of a results file, seen end to end in browser mode: a file of exactly that size reaches the
// importer over HTTP however much JSON escaping inflates it, and one byte more is refused with the limit named.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '../../core/reports/result-file';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../server/http-server';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const TOKEN = 'limits-token-0123456789abcdefghijklmnopqrstuvwxyz';

describe('the results-file size limit', () => {
  let root: string;
  let backend: Backend;
  let server: RunningServer;
  let teacherToken: string;

  beforeAll(async () => {
    root = makeTempDir();
    mkdirSync(join(root, 'static'));
    writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>limits</title>');
    backend = createBackend({ dataDir: join(root, 'data'), lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test' });
    server = await startServer({ backend, staticDir: join(root, 'static'), token: TOKEN });
    const session = await backend.call('teacher:setPin', { pin: '123456' });
    if (!session.ok) throw new Error(session.error.message);
    teacherToken = (session.value as { teacherToken: string }).teacherToken;
  });

  afterAll(async () => {
    await server.close();
    backend.close();
    removeTempDir(root);
  });

  /** A file of `bytes` bytes whose text is mostly `"`, each escaped to two characters inside the request. */
  const fileOf = (bytes: number): string => {
    const head = '{"format":"liseuse-results","version":1,"pad":"';
    const tail = '"}';
    return head + '\\"'.repeat(Math.floor((bytes - head.length - tail.length) / 2)) + 'x'.repeat((bytes - head.length - tail.length) % 2) + tail;
  };

  const post = async (content: string): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/results:import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ teacherToken, fileName: 'big.json', content }),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
  };

  it('a file of exactly the limit gets to the importer, which judges its content', async () => {
    const content = fileOf(MAX_RESULT_BYTES);
    expect(Buffer.byteLength(content)).toBe(MAX_RESULT_BYTES);
    const reply = await post(content);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reply.body.error?.message).toMatch(/^big\.json: its content is not valid/);
  });

  it('one byte more is refused, naming the limit', async () => {
    const reply = await post(fileOf(MAX_RESULT_BYTES + 1));
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reply.body.error?.message).toMatch(/at most 2 MB/);
  });
});
