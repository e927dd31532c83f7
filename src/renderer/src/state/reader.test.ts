// @vitest-environment happy-dom
// happy-dom because lib/api.ts builds its transport from `window` when it is imported; the reader itself talks to
// a real backend on a temporary SQLite file, handed in as its api.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_DIR, ARTICLE_ID, readLessonFiles } from '../../../../test/support/article';
import { repeatLesson, writeLessonFolder } from '../../../../test/support/lessons';
import { createBackend, type Backend } from '../../../backend/backend';
import { ApiError } from '../lib/api';
import { LOOKUP_AFTER_MS, ReaderState, type ReaderApi, type WordRef } from './reader.svelte';
import { session } from './session.svelte';

const LONG_ID = 'long';

let dataDir: string;
let lessonsDir: string;
let backend: Backend;
let learnerId: string;

/** The backend's answer to a call, or the ApiError the real api would throw. */
async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value as T;
}

const backendApi = {
  'lessons:get': (input) => call('lessons:get', input),
  'lessons:part': (input) => call('lessons:part', input),
  'reading:state': (input) => call('reading:state', input),
  'reading:lookup': (input) => call('reading:lookup', input),
  'reading:setStatus': (input) => call('reading:setStatus', input),
  'reading:setStatuses': (input) => call('reading:setStatuses', input),
  'reading:savePosition': (input) => call('reading:savePosition', input),
  'reading:addTime': (input) => call('reading:addTime', input),
  'review:addPhrase': (input) => call('review:addPhrase', input),
} satisfies ReaderApi;

/** A short wait before an open card counts as a look-up keeps the tests quick; the rule's own test uses the real one. */
async function openReader(lessonId = ARTICLE_ID, lookupAfterMs = 20): Promise<ReaderState> {
  const reader = new ReaderState(lessonId, learnerId, backendApi, lookupAfterMs);
  await reader.load();
  return reader;
}

/** Every word of the text, in reading order. */
function wordsOf(reader: ReaderState): WordRef[] {
  const words: WordRef[] = [];
  for (let p = 0; p < (reader.paragraphCount); p++) {
    let word = reader.firstWordOfParagraph(p);
    const last = reader.lastWordOfParagraph(p);
    while (word && last && word.token.i <= last.token.i) {
      words.push(word);
      const next = reader.neighbour(word.token.i, 1);
      if (!next || next.token.i === word.token.i) break;
      word = next;
    }
  }
  return words;
}

const wordOf = (reader: ReaderState, form: string, nth = 0): WordRef => {
  const word = wordsOf(reader).filter((w) => w.token.gloss.form === form)[nth];
  if (!word) throw new Error(`No word "${form}" (${nth}) in the lesson`);
  return word;
};

const savedState = (): Promise<{ lookups: number; position: { token: number } | null; secondsRead: number; statuses: Record<string, string> }> =>
  call('reading:state', { learnerId, lessonId: ARTICLE_ID });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'liseuse-reader-data-'));
  lessonsDir = mkdtempSync(join(tmpdir(), 'liseuse-reader-lessons-'));
  cpSync(ARTICLE_DIR, join(lessonsDir, ARTICLE_ID), { recursive: true });
  writeLessonFolder(lessonsDir, LONG_ID, repeatLesson(readLessonFiles(ARTICLE_DIR), 6, LONG_ID, 'Un long récit'));
  backend = createBackend({ dataDir, lessonsDir, mode: 'browser', version: 'test' });
  learnerId = (await call<{ id: string }>('learners:create', { name: 'Inès' })).id;
  session.error = null;
});

/** A little longer than the reader waits before saving the place, so no save lands on a closed backend. */
const POSITION_SAVED_MS = 450;

afterEach(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, POSITION_SAVED_MS));
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(lessonsDir, { recursive: true, force: true });
});

describe('ReaderState', () => {
  it('opens the article on one page, its first word in the tab order, the whole page rendered a screenful at a time', async () => {
    const reader = await openReader();
    expect(reader.lesson?.title).toBe('Kim Jong-un rentre de Russie');
    expect(reader.pages).toEqual([[0, reader.paragraphCount]]);
    const first = reader.firstWordOfParagraph(0)!;
    expect(first.token.gloss.form).toBe('Ce');
    expect(reader.active).toBe(first.token.i);
    expect(reader.isTabStop).toEqual({ [first.token.i]: true });
    expect(reader.renderedEnd).toBeGreaterThan(0);
    expect(reader.renderedEnd).toBeLessThan(reader.paragraphCount);
    await vi.waitFor(() => expect(reader.renderedEnd).toBe(reader.paragraphCount));
    expect(session.error).toBeNull();
  });

  it('opening a gloss shows that word and records a look-up the backend keeps', async () => {
    const reader = await openReader();
    const word = wordOf(reader, 'retenu');
    reader.show(word, 'pointer');
    expect(reader.open).toEqual({ word, by: 'pointer' });
    expect(reader.isOpen).toEqual({ [word.token.i]: true });
    expect(reader.active).toBe(word.token.i);
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(1));
    expect((await savedState()).lookups).toBe(1);

    // Another word: one gloss open at a time, and one more look-up.
    const other = wordOf(reader, 'Russie');
    reader.show(other, 'keyboard');
    expect(reader.isOpen).toEqual({ [other.token.i]: true });
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(2));
    reader.close();
    expect(reader.open).toBeNull();
    expect(reader.isOpen).toEqual({});
  });

  it('a card opened only to set a status is no look-up; one read for a while, or closed without a status, is one', async () => {
    const reader = await openReader(ARTICLE_ID, LOOKUP_AFTER_MS);
    // Click, "Known", close: the learner said what they know, they did not look the word up.
    const retenu = wordOf(reader, 'retenu');
    reader.show(retenu, 'pointer');
    await reader.setStatus(retenu, 'known');
    reader.close();
    // The same with "learning", from the keyboard, and then another card opened straight after.
    const voyage = wordOf(reader, 'voyage');
    reader.show(voyage, 'keyboard');
    await reader.setStatus(voyage, 'learning');
    const russie = wordOf(reader, 'Russie');
    reader.show(russie, 'pointer');
    // Russie's card closed without a status: read, so one look-up, at once.
    reader.close();
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(1));
    // A card left open is a look-up after LOOKUP_AFTER_MS, and a status set later does not take it back.
    const kim = wordOf(reader, 'Kim');
    reader.show(kim, 'pointer');
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_AFTER_MS / 2));
    expect(reader.reading.lookups).toBe(1);
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(2), { timeout: LOOKUP_AFTER_MS * 2 });
    await reader.setStatus(kim, 'learning');
    reader.close();
    expect((await savedState()).lookups).toBe(2);
    // Leaving the reader with a card open: it was read.
    reader.show(wordOf(reader, 'agence'), 'pointer');
    await reader.stopClock();
    await vi.waitFor(async () => expect((await savedState()).lookups).toBe(3));
  });

  it('a resting pointer shows a preview the backend never hears of; a click on it is the look-up', async () => {
    const reader = await openReader();
    const words = wordsOf(reader).slice(0, 12);
    for (const word of words) reader.show(word, 'hover');
    expect(reader.open).toEqual({ word: words.at(-1), by: 'hover' });
    const word = wordOf(reader, 'retenu');
    reader.show(word, 'hover');
    reader.show(word, 'pointer');
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(1));
    expect((await savedState()).lookups).toBe(1);
  });

  it('opening the same word again in one reading is one look-up; a new reading counts it again', async () => {
    const reader = await openReader();
    const retenu = wordOf(reader, 'retenu');
    reader.show(retenu, 'pointer');
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(1));
    reader.close();
    reader.show(retenu, 'keyboard');
    const capital = wordOf(reader, 'Le');
    reader.show(capital, 'pointer');
    // Another form of the same lemma is the same word.
    reader.show(wordOf(reader, 'le'), 'pointer');
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(2));
    expect((await savedState()).lookups).toBe(2);

    const again = await openReader();
    again.show(wordOf(again, 'retenu'), 'pointer');
    await vi.waitFor(() => expect(again.reading.lookups).toBe(3));
  });

  it('a resting pointer does not take over a gloss opened by click or keyboard', async () => {
    const reader = await openReader();
    const word = wordOf(reader, 'voyage');
    reader.show(word, 'keyboard');
    reader.show(word, 'hover');
    expect(reader.open?.by).toBe('keyboard');
    await vi.waitFor(() => expect(reader.reading.lookups).toBe(1));
  });

  it('a status applies to every occurrence of the lemma, whatever its form, and is kept', async () => {
    const reader = await openReader();
    const words = wordsOf(reader);
    const capital = wordOf(reader, 'Le');
    const sameLemma = words.filter((w) => w.token.gloss.lemma === capital.token.gloss.lemma);
    expect(new Set(sameLemma.map((w) => w.token.gloss.form))).toEqual(new Set(['Le', 'le', 'l’']));
    await reader.setStatus(capital, 'learning');
    for (const w of sameLemma) expect(reader.statusOf(w.token.gloss.lemma)).toBe('learning');
    expect(reader.statusOf(wordOf(reader, 'voyage').token.gloss.lemma)).toBe('new');

    // A new reader (the app restarted) finds it; back to "new", it is gone for every occurrence.
    const again = await openReader();
    expect(again.statusOf(capital.token.gloss.lemma)).toBe('learning');
    await again.setStatus(sameLemma.at(-1)!, 'new');
    for (const w of sameLemma) expect(again.statusOf(w.token.gloss.lemma)).toBe('new');
    expect((await savedState()).statuses).toEqual({});
  });

  it('"mark the rest of this page as known" leaves learning words alone, is kept, and undoes, one call each way', async () => {
    const calls: string[] = [];
    const counting = Object.fromEntries(
      Object.entries(backendApi).map(([name, run]) => [name, (input: never) => (calls.push(name), (run as (i: never) => Promise<unknown>)(input))]),
    ) as unknown as ReaderApi;
    const reader = new ReaderState(ARTICLE_ID, learnerId, counting);
    await reader.load();
    const retenu = wordOf(reader, 'retenu');
    await reader.setStatus(retenu, 'learning');
    const lemmas = new Set(wordsOf(reader).map((w) => w.token.gloss.lemma.toLowerCase()));
    calls.length = 0;
    await reader.markRestKnown();
    expect(calls).toEqual(['reading:setStatuses']);
    expect(reader.markedKnown).toHaveLength(lemmas.size - 1);
    expect(reader.newWordsOnPage()).toEqual([]);
    const saved = (await savedState()).statuses;
    expect(Object.values(saved).filter((s) => s === 'known')).toHaveLength(lemmas.size - 1);
    expect(saved[retenu.token.gloss.lemma]).toBe('learning');

    calls.length = 0;
    await reader.undoMarkKnown();
    expect(calls).toEqual(['reading:setStatuses']);
    expect(reader.markedKnown).toBeNull();
    expect((await savedState()).statuses).toEqual({ [retenu.token.gloss.lemma]: 'learning' });
    expect(reader.newWordsOnPage()).toHaveLength(lemmas.size - 1);
  });

  it('reads a word\'s sentence aloud word by word: each spoken offset marks the word there, one at a time', async () => {
    const reader = await openReader();
    const retenu = wordOf(reader, 'retenu');
    const sentence = reader.sentenceAround(retenu)!;
    expect(sentence.text).toMatch(/^Ce voyage, qui a retenu Kim en Russie/);
    const say = (word: string): number | undefined => sentence.wordAt(sentence.text.indexOf(word));
    expect(say('Ce')).toBe(wordOf(reader, 'Ce').token.i);
    expect(say('retenu')).toBe(retenu.token.i);
    reader.setSpoken(say('voyage'));
    reader.setSpoken(say('retenu'));
    expect(reader.isSpoken).toEqual({ [retenu.token.i]: true });
    reader.setSpoken(undefined);
    expect(reader.isSpoken).toEqual({});
  });

  it('saves the place a moment after the learner moves, and reopens there', async () => {
    const reader = await openReader();
    const far = wordOf(reader, 'bilatérales');
    reader.focusWord(far);
    expect(reader.active).toBe(far.token.i);
    expect(reader.isTabStop).toEqual({ [far.token.i]: true });
    await vi.waitFor(async () => expect((await savedState()).position?.token).toBe(far.token.i));

    const reopened = await openReader();
    expect(reopened.active).toBe(far.token.i);
    expect(reopened.isTabStop).toEqual({ [far.token.i]: true });
    expect(reopened.renderedEnd).toBeGreaterThan(far.paragraph);
  });

  it('walks a long lesson page by page: the keyboard turns the page, the pager lands on the page’s first word', async () => {
    const reader = await openReader(LONG_ID);
    expect(reader.pages.length).toBeGreaterThan(2);
    const [, endOfPage1] = reader.pages[0]!;
    const lastOfPage1 = reader.lastWordOfParagraph(endOfPage1 - 1)!;
    reader.show(lastOfPage1, 'keyboard');

    const next = reader.neighbour(lastOfPage1.token.i, 1)!;
    expect(next.paragraph).toBe(endOfPage1);
    reader.focusWord(next);
    expect(reader.page).toBe(1);
    expect(reader.active).toBe(next.token.i);
    expect(reader.renderedEnd).toBeGreaterThan(next.paragraph);

    // The next page's part is fetched while this one is read, so turning to it is instant.
    await vi.waitFor(() => expect(reader.paragraph(reader.pages[2]![0])).toBeDefined());
    reader.showPage(2);
    expect(reader.page).toBe(2);
    expect(reader.open).toBeNull();
    expect(reader.active).toBe(reader.firstWordOfParagraph(reader.pages[2]![0])!.token.i);
    // Past the last page is the last page; its part was never fetched: its words come, and the keyboard with them.
    reader.showPage(99);
    expect(reader.page).toBe(reader.pages.length - 1);
    await vi.waitFor(() => expect(reader.active).toBe(reader.firstWordOfParagraph(reader.pages.at(-1)![0])?.token.i));
  });

  it('counts reading time and sends it in batches of 30 seconds, the rest when the learner leaves', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const reader = await openReader();
    reader.startClock();
    vi.advanceTimersByTime(29_000);
    expect((await savedState()).secondsRead).toBe(0);
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(reader.reading.secondsRead).toBe(30));
    vi.advanceTimersByTime(5_000);
    await reader.stopClock();
    expect(reader.reading.secondsRead).toBe(35);
    expect((await savedState()).secondsRead).toBe(35);
  });

  it('selects words of one sentence: the expression they form, else their senses here, and the sentence’s translation', async () => {
    const reader = await openReader();
    const words = wordsOf(reader);
    const find = (form: string, nth = 0): number => words.filter((w) => w.token.gloss.form === form)[nth]!.token.i;
    reader.select(find('ans'), find('il'));
    expect(reader.selected?.text).toBe('il y a plus de dix ans');
    expect(reader.selected?.expression?.sense).toBe('more than ten years ago');
    expect(reader.selected?.translation).toMatch(/^This trip, which kept Kim in Russia/u);
    expect(Object.keys(reader.isSelected).map(Number)).toHaveLength(7);
    reader.select(find('sept'), find('jours'));
    expect(reader.selected?.expression).toBeUndefined();
    expect(reader.selected?.words.map((w) => w.gloss.here)).toEqual(['seven', 'days']);
    expect(Object.keys(reader.isSelected).map(Number)).toEqual([find('sept'), find('jours')]);
    // A selection stops at its sentence's end: « Lundi, selon KCNA. » is a sentence of its own.
    reader.select(find('heure'), find('Lundi'));
    expect(reader.selected?.text).toBe('heure locale');
    expect(reader.selected?.translation).toMatch(/in the morning \(local time\)\.$/u);
    reader.clearSelection();
    expect(reader.selected).toBeNull();
    expect(reader.isSelected).toEqual({});
  });

  it('saves a selection as a phrase that My words lists, or says why it could not', async () => {
    const reader = await openReader();
    const words = wordsOf(reader);
    const find = (form: string): number => words.find((w) => w.token.gloss.form === form)!.token.i;
    reader.select(find('agence'), find('presse'));
    expect(await reader.savePhrase()).toBeUndefined();
    const mine = await call<{ kind: string; lemma: string }[]>('review:words', { learnerId });
    expect(mine.filter((w) => w.kind === 'phrase').map((w) => w.lemma)).toEqual(['phrase:agence de presse']);
    backend.close();
    expect(await reader.savePhrase()).toMatch(/./u);
    backend = createBackend({ dataDir, lessonsDir, mode: 'browser', version: '0' });
  });

  it('stops counting a minute after the last input, and counts again from the next one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const reader = await openReader();
    reader.startClock();
    vi.advanceTimersByTime(3.5 * 60_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    await reader.stopClock();
    expect((await savedState()).secondsRead).toBe(70);
    // Once the clock is stopped, input is no longer watched and time no longer counts.
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10_000);
    expect((await savedState()).secondsRead).toBe(70);
  });

  it('a lesson that is not there leaves a message for the learner, not an exception', async () => {
    const reader = new ReaderState('no-such-lesson', learnerId, backendApi);
    await expect(reader.load()).resolves.toBeUndefined();
    expect(reader.lesson).toBeNull();
    expect(session.error).toMatch(/lesson/i);
  });
});
