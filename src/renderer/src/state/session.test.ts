// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract/app';
import type { LessonLibrary } from '../../../shared/contract/lessons';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../../shared/contract/reading';
import type { Learner } from '../../../shared/types';
import { fakeApi, refused } from './fake-api';
import { SessionState } from './session.svelte';

const amelie: Learner = { id: 'l-1', name: 'Amélie', createdAt: '2026-11-30T09:00:00.000Z' };
const bruno: Learner = { id: 'l-2', name: 'Bruno', createdAt: '2026-11-30T09:05:00.000Z' };
const library: LessonLibrary = {
  lessons: [{ id: 'kim-russie', title: 'Kim Jong-un rentre de Russie', titleEn: 'Kim Jong-un returns from Russia', level: 'B1', summary: '…', wordCount: 437, paragraphCount: 9, quizQuestions: 23 }],
  problems: [],
};
const info: AppInfo = { version: '0.1.0', mode: 'browser', notice: null, language: null };
const dark: ReaderSettings = { ...DEFAULT_SETTINGS, theme: 'dark' };

describe('the session: who is reading and their settings', () => {
  it('starts with the learners, the library and the chosen learner’s settings', async () => {
    const fake = fakeApi({
      'learners:list': async () => [amelie, bruno],
      'learners:current': async () => bruno,
      'lessons:list': async () => library,
      'app:info': async () => info,
      'settings:get': async () => dark,
    });
    const session = new SessionState(fake.api);
    await session.init();
    expect(session.ready).toBe(true);
    expect(session.learners).toEqual([amelie, bruno]);
    expect(session.library).toEqual(library);
    expect(session.current).toEqual(bruno);
    expect(session.settings).toEqual(dark);
    expect(fake.inputsOf('settings:get')).toEqual([{ learnerId: 'l-2' }]);
    expect(session.error).toBeNull();
    expect(session.notice).toBeNull();
  });

  it('says what happened to the data before this start', async () => {
    const restored = 'Liseuse found its data damaged and restored the backup of 29 November.';
    const session = new SessionState(
      fakeApi({
        'learners:list': async () => [],
        'learners:current': async () => null,
        'lessons:list': async () => library,
        'app:info': async () => ({ ...info, notice: { kind: 'restored', message: restored } }),
      }).api,
    );
    await session.init();
    expect(session.notice).toBe(restored);
    expect(session.current).toBeNull();
    expect(session.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('is ready even when the backend cannot be reached, and says so', async () => {
    const unreachable = 'Liseuse lost contact with its data service. If you closed it, start Liseuse again, then reload this page.';
    const session = new SessionState(
      fakeApi({
        'learners:list': refused('backend_unreachable', unreachable),
        'learners:current': async () => null,
        'lessons:list': async () => library,
        'app:info': async () => info,
      }).api,
    );
    await session.init();
    expect(session.ready).toBe(true);
    expect(session.error).toBe(unreachable);
    expect(session.learners).toEqual([]);
  });

  it('creates a learner, lists them and reads as them', async () => {
    const fake = fakeApi({
      'learners:create': async () => amelie,
      'learners:list': async () => [amelie],
      'learners:choose': async () => amelie,
      'settings:get': async () => DEFAULT_SETTINGS,
    });
    const session = new SessionState(fake.api);
    expect(await session.createLearner('Amélie')).toEqual(amelie);
    expect(fake.inputsOf('learners:create')).toEqual([{ name: 'Amélie' }]);
    expect(fake.inputsOf('learners:choose')).toEqual([{ learnerId: 'l-1' }]);
    expect(session.learners).toEqual([amelie]);
    expect(session.current).toEqual(amelie);
  });

  it('refuses a second learner of the same name with the backend’s words, and keeps the current one', async () => {
    const taken = 'There is already a learner called “Amélie”.';
    const session = new SessionState(fakeApi({ 'learners:create': refused('conflict', taken) }).api);
    session.current = bruno;
    expect(await session.createLearner('Amélie')).toBeNull();
    expect(session.error).toBe(taken);
    expect(session.current).toEqual(bruno);
  });

  it('a step that succeeds clears the last failure', async () => {
    const session = new SessionState(fakeApi({ 'learners:choose': async () => amelie, 'settings:get': async () => dark }).api);
    session.error = 'This learner no longer exists.';
    await session.chooseLearner('l-1');
    expect(session.error).toBeNull();
    expect(session.current).toEqual(amelie);
    expect(session.settings).toEqual(dark);
  });

  it('changes a setting at once and keeps what the backend saved', async () => {
    const fake = fakeApi({ 'settings:set': async (input) => ({ ...input.settings, fontSize: 24 }) });
    const session = new SessionState(fake.api);
    session.current = amelie;
    const saving = session.updateSettings({ theme: 'sepia' });
    expect(session.settings.theme).toBe('sepia');
    await saving;
    expect(fake.inputsOf('settings:set')).toEqual([{ learnerId: 'l-1', settings: { ...DEFAULT_SETTINGS, theme: 'sepia' } }]);
    expect(session.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 24 });
  });

  it('a setting the backend could not save stays on screen, with the reason', async () => {
    const full = 'The disk is full: Liseuse could not save. Free some space and try again.';
    const session = new SessionState(fakeApi({ 'settings:set': refused('storage_full', full) }).api);
    session.current = amelie;
    await session.updateSettings({ theme: 'dark' });
    expect(session.settings.theme).toBe('dark');
    expect(session.error).toBe(full);
  });

  it('changes no setting when nobody is reading', async () => {
    const fake = fakeApi({});
    const session = new SessionState(fake.api);
    await session.updateSettings({ theme: 'dark' });
    expect(fake.calls).toEqual([]);
    expect(session.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('a failure that is not the backend’s gets a generic message, never the exception', async () => {
    const session = new SessionState(fakeApi({}).api);
    expect(await session.guard(() => Promise.reject(new TypeError('x is undefined')))).toBeNull();
    expect(session.error).toBe('Something went wrong. Please try again.');
  });

  it('opens a screen', () => {
    const session = new SessionState(fakeApi({}).api);
    session.open({ name: 'teacher' });
    expect(session.screen).toEqual({ name: 'teacher' });
  });
});

describe('the language each screen speaks', () => {
  const started = async (computer: AppInfo['language'], own: ReaderSettings['language'], current: Learner | null = amelie) => {
    const session = new SessionState(
      fakeApi({
        'learners:list': async () => [amelie],
        'learners:current': async () => current,
        'lessons:list': async () => library,
        'app:info': async () => ({ ...info, language: computer }),
        'settings:get': async () => ({ ...DEFAULT_SETTINGS, ...(own ? { language: own } : {}) }),
      }).api,
    );
    await session.init();
    return session;
  };

  it('a learner’s own choice on their screens, the computer’s in the teacher area', async () => {
    const session = await started('en', 'fr');
    expect(session.language).toBe('fr');
    session.open({ name: 'teacher' });
    expect(session.language).toBe('en');
  });

  it('the computer’s for a learner who has not chosen, and on the picker before anyone is chosen', async () => {
    expect((await started('fr', undefined)).language).toBe('fr');
    expect((await started('fr', 'en', null)).language).toBe('fr');
  });

  it('the system’s on a computer where nobody has chosen (happy-dom says en-US)', async () => {
    expect((await started(null, undefined)).language).toBe('en');
  });
});
