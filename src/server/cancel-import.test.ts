// Cancelling a long import over browser mode's HTTP road, as the page does (fetch with an AbortSignal): the
// request is aborted, the backend stops reading the file at its next page and keeps nothing, and the server
// answers the next call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend/backend';
import type { CallContext } from '../shared/contract/call';
import type { Result } from '../shared/errors';
import { startServer, TOKEN_HEADER, type RunningServer } from './http-server';
import { DICTIONARY_DIR, REAL_LESSONS, callOk } from '../../test/support/backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { FRENCH_PARAGRAPHS, makePdf } from '../../test/support/import-files';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

describe('cancelling an import', () => {
  let dataDir: string;
  let backend: Backend;
  let running: RunningServer;
  /** What the backend answered each readFile the server passed on, once it answered. */
  let readings: Promise<Result<unknown>>[];
  let started: () => void;
  let readStarted: Promise<void>;

  beforeEach(async () => {
    dataDir = makeTempDir('liseuse-data-');
    backend = createBackend({ dataDir, lessonsDir: REAL_LESSONS, dictionaryDir: DICTIONARY_DIR, mode: 'browser', version: '9.9.9' });
    readings = [];
    readStarted = new Promise((done) => (started = done));
    // The real backend, watched: the test sees when the reading starts and what it came to.
    const watched = {
      call(name: unknown, input: unknown, context?: CallContext): Promise<Result<unknown>> {
        const result = backend.call(name, input, context);
        if (name === 'authoring:readFile') {
          readings.push(result);
          started();
        }
        return result;
      },
    };
    running = await startServer({ backend: watched, staticDir: dataDir, token: TOKEN });
  });

  afterEach(async () => {
    await running.close();
    backend.close();
    removeTempDir(dataDir);
  });

  const post = (name: string, input: unknown, signal?: AbortSignal): Promise<Response> =>
    fetch(`${running.url}api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify(input),
      ...(signal ? { signal } : {}),
    });

  it('aborts the request, stops the reading with nothing kept, and the next call is answered', async () => {
    const { teacherToken } = await callOk(backend, 'teacher:setPin', { pin: '246813' });
    // A PDF of some sixty pages, made here: reading it takes pdfjs a few seconds on this machine.
    const paragraphs = Array.from({ length: 600 }, (_, i) => `${FRENCH_PARAGRAPHS[i % FRENCH_PARAGRAPHS.length]} (${i + 1})`);
    const bytes = Buffer.from(await makePdf(paragraphs)).toString('base64');

    const cancel = new AbortController();
    const reply = post('authoring:readFile', { teacherToken, fileName: 'livre.pdf', bytes }, cancel.signal);
    await readStarted;
    cancel.abort();
    await expect(reply).rejects.toThrow(/abort/i);

    // The backend did not read the whole book for nobody: it stopped, with the cancel as its reason.
    const outcome = await readings[0];
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: { key: 'fileReadCancelled', params: { fileName: 'livre.pdf' } } } });
    expect(backend.db.prepare('SELECT COUNT(*) AS n FROM lesson_versions').get()).toEqual({ n: 0 });

    const next = await post('authoring:list', { teacherToken });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { ok: boolean }).ok).toBe(true);
    // Room for the whole book to be made and, without the cancel, read: the assertions say what went wrong.
  }, 60_000);
});
