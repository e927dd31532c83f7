// "My words" as a tool, through the real backend: notes, ignoring, removing, and the exports read back as a
// spreadsheet and a Quizlet import would read them.
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { MyWord, ReviewQueue, ReviewSummary, WordChange } from '../../shared/contract/review';
import type { ExportOutcome, Learner, LessonView } from '../../shared/types';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { unpackLesson } from '../../shared/lesson-wire';

const LESSONS = resolve('resources/lessons');
const LESSON = 'kim-russie';
const START = Date.parse('2024-05-01T10:00:00.000Z');

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('my words', () => {
  let dataDir: string;
  let backend: Backend;
  let lesson: LessonView;
  let ana: Learner;

  const lookUp = async (lemma: string): Promise<void> => {
    const found = lesson.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss?.lemma === lemma).map((t) => ({ token: t.i, paragraph: p.index })))[0];
    if (!found) throw new Error(`no "${lemma}" in the lesson`);
    value(await backend.call('reading:lookup', { learnerId: ana.id, lessonId: LESSON, ...found }));
  };
  const words = async (): Promise<MyWord[]> => value(await backend.call('review:words', { learnerId: ana.id }));
  const queue = async (): Promise<ReviewQueue> => value(await backend.call('review:queue', { learnerId: ana.id }));
  const download = async (format: string): Promise<{ fileName: string; bytes: Buffer }> => {
    const outcome = value<ExportOutcome>(await backend.call('review:export', { learnerId: ana.id, format }));
    if (!('download' in outcome)) throw new Error('expected a download in browser mode');
    return { fileName: outcome.download.fileName, bytes: Buffer.from(outcome.download.base64, 'base64') };
  };

  beforeEach(async () => {
    dataDir = makeTempDir('liseuse-my-words-');
    backend = createBackend({ dataDir, lessonsDir: LESSONS, mode: 'browser', version: '0', now: () => new Date(START) });
    lesson = unpackLesson(value(await backend.call('lessons:get', { lessonId: LESSON })));
    ana = value(await backend.call('learners:create', { name: 'Ana' }));
    await lookUp('voyage');
    await lookUp('retenir');
  });

  afterEach(() => {
    backend.close();
    removeTempDir(dataDir);
  });

  it('keeps the learner’s own note on a word, trimmed, and an empty note removes it', async () => {
    const change = value<WordChange>(await backend.call('review:note', { learnerId: ana.id, lemma: 'voyage', note: '  a trip; le voyage de noces  ' }));
    expect(change.word).toMatchObject({ lemma: 'voyage', note: 'a trip; le voyage de noces' });
    expect((await words()).find((w) => w.lemma === 'voyage')?.note).toBe('a trip; le voyage de noces');
    value(await backend.call('review:note', { learnerId: ana.id, lemma: 'voyage', note: '   ' }));
    expect((await words()).find((w) => w.lemma === 'voyage')?.note).toBeNull();
  });

  it('refuses a note too long or on a word that is not the learner’s, and changes nothing', async () => {
    expect(await backend.call('review:note', { learnerId: ana.id, lemma: 'voyage', note: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.call('review:note', { learnerId: ana.id, lemma: 'gare', note: 'station' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await words()).map((w) => w.note)).toEqual([null, null]);
  });

  it('an ignored word stays in the list, marked so, leaves review, and comes back when taken back', async () => {
    const change = value<WordChange>(await backend.call('review:ignore', { learnerId: ana.id, lemma: 'voyage', ignored: true }));
    expect(change.word).toMatchObject({ lemma: 'voyage', ignored: true, inQueue: false });
    expect(change.summary).toEqual({ due: 1, inReview: 1 });
    expect((await queue()).words.map((w) => w.lemma)).toEqual(['retenir']);
    // Looking it up again does not bring it back to review.
    await lookUp('voyage');
    expect((await queue()).words.map((w) => w.lemma)).toEqual(['retenir']);
    expect((await words()).map((w) => [w.lemma, w.ignored])).toEqual([['voyage', true], ['retenir', false]]);
    value(await backend.call('review:ignore', { learnerId: ana.id, lemma: 'voyage', ignored: false }));
    expect((await queue()).words.map((w) => w.lemma)).toEqual(['retenir', 'voyage']);
  });

  it('removing a word takes it out of the list and review, and keeps the look-ups counted in reading', async () => {
    const before = value<{ lookups: number }>(await backend.call('reading:state', { learnerId: ana.id, lessonId: LESSON })).lookups;
    expect(value<ReviewSummary>(await backend.call('review:remove', { learnerId: ana.id, lemma: 'voyage' }))).toEqual({ due: 1, inReview: 1 });
    expect((await words()).map((w) => w.lemma)).toEqual(['retenir']);
    expect(value<{ lookups: number }>(await backend.call('reading:state', { learnerId: ana.id, lessonId: LESSON })).lookups).toBe(before);
    expect(await backend.call('review:remove', { learnerId: ana.id, lemma: 'voyage' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('marking a word known from its place in the lesson takes it out of review', async () => {
    const word = (await words()).find((w) => w.lemma === 'voyage');
    if (!word) throw new Error('voyage is missing');
    value(await backend.call('reading:setStatus', { learnerId: ana.id, lessonId: word.lessonId, token: word.token, status: 'known' }));
    expect((await words()).find((w) => w.lemma === 'voyage')?.status).toBe('known');
    expect((await queue()).words.map((w) => w.lemma)).toEqual(['retenir']);
  });

  it('each word of a session says when each rating would bring it back', async () => {
    const first = (await queue()).words[0];
    expect(first?.nextDue).toEqual({
      again: new Date(START + 60_000).toISOString(),
      hard: new Date(START + 6 * 60_000).toISOString(),
      good: new Date(START + 10 * 60_000).toISOString(),
      easy: expect.any(String),
    });
  });

  it('exports a CSV with a BOM that a spreadsheet reads: a header and one row per word, formulas neutralised', async () => {
    value(await backend.call('review:note', { learnerId: ana.id, lemma: 'voyage', note: '=HYPERLINK("x")' }));
    const { fileName, bytes } = await download('csv');
    expect(fileName).toBe('liseuse-words-ana-2024-05-01.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.lemma)).toEqual(['voyage', 'retenir']);
    const voyage = rows[0];
    expect(voyage).toMatchObject({ kind: 'word', status: 'new', note: `'=HYPERLINK("x")`, lesson: lesson.title });
    expect(voyage?.sentence).toContain(voyage?.word);
    expect(voyage?.meaning).not.toBe('');
  });

  it('exports a Quizlet file: term, tab, definition, one word a line', async () => {
    const { fileName, bytes } = await download('tsv');
    expect(fileName).toBe('liseuse-words-ana-2024-05-01-quizlet.txt');
    const lines = bytes.toString('utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => l.split('\t')[0])).toEqual(['voyage', 'retenir']);
    for (const line of lines.slice(0, -1)) expect(line.split('\t')).toHaveLength(2);
  });

  it('a saved phrase takes a note, is exported by its text (never its "phrase:" key), and leaves with its range when removed', async () => {
    const tokens = lesson.paragraphs.flatMap((p) => p.tokens);
    const at = (form: string): number => tokens.find((t) => t.gloss?.form === form)!.i;
    const phrase = value<MyWord>(await backend.call('review:addPhrase', { learnerId: ana.id, lessonId: LESSON, first: at('agence'), last: at('presse') }));
    expect(phrase).toMatchObject({ kind: 'phrase', lemma: 'phrase:agence de presse', token: at('agence'), note: null, ignored: false });
    value(await backend.call('review:note', { learnerId: ana.id, lemma: phrase.lemma, note: 'news agency' }));
    const { bytes } = await download('csv');
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.kind === 'phrase')).toMatchObject({ kind: 'phrase', word: 'agence de presse', lemma: 'agence de presse', note: 'news agency' });
    value(await backend.call('review:remove', { learnerId: ana.id, lemma: phrase.lemma }));
    expect((await words()).map((w) => w.lemma)).toEqual(['voyage', 'retenir']);
  });

  it('refuses to export when there is no word yet', async () => {
    const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
    expect(await backend.call('review:export', { learnerId: bruno.id, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.call('review:export', { learnerId: ana.id, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
