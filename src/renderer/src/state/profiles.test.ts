// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../../shared/contract/reading';
import type { Learner } from '../../../shared/types';
import { fakeApi, refused } from './fake-api';
import { ProfilesState } from './profiles.svelte';
import { SessionState } from './session.svelte';
import type { FakeApi } from './fake-api';

const amelie: Learner = { id: 'l-1', name: 'Amélie', createdAt: '2026-11-30T09:00:00.000Z' };
const bruno: Learner = { id: 'l-2', name: 'Bruno', createdAt: '2026-11-30T09:05:00.000Z' };
const session = { teacherToken: 'tok-1', expiresAt: '2026-11-30T10:00:00.000Z' };
const wrongPin = 'Wrong PIN. 4 more tries before a wait.';

function setUp(fake: FakeApi, current: Learner | null = amelie): { profiles: ProfilesState; app: SessionState } {
  const app = new SessionState(fake.api);
  app.learners = [amelie, bruno];
  app.current = current;
  if (current) app.settings = { ...DEFAULT_SETTINGS, theme: 'dark' } satisfies ReaderSettings;
  return { profiles: new ProfilesState(fake.api, app), app };
}

describe('renaming a learner', () => {
  it('renames, refreshes the list and the current learner, and says so', async () => {
    const renamed = { ...amelie, name: 'Amélie B.' };
    const fake = fakeApi({ 'learners:rename': async () => renamed, 'learners:list': async () => [renamed, bruno] });
    const { profiles, app } = setUp(fake);
    profiles.startRename(amelie);
    expect(profiles.renaming).toBe('l-1');
    expect(await profiles.rename(amelie, 'Amélie B.')).toBe(true);
    expect(fake.inputsOf('learners:rename')).toEqual([{ learnerId: 'l-1', name: 'Amélie B.' }]);
    expect(app.learners).toEqual([renamed, bruno]);
    expect(app.current).toEqual(renamed);
    expect(profiles.renaming).toBeNull();
    expect(profiles.announcement).toBe('Renamed to Amélie B..');
    expect(profiles.error).toBeNull();
    expect(profiles.busy).toBe(false);
  });

  it('renaming someone else leaves the current learner alone', async () => {
    const renamed = { ...bruno, name: 'Bruno L.' };
    const { profiles, app } = setUp(fakeApi({ 'learners:rename': async () => renamed, 'learners:list': async () => [amelie, renamed] }));
    expect(await profiles.rename(bruno, 'Bruno L.')).toBe(true);
    expect(app.current).toEqual(amelie);
  });

  it('a refused name stays in its form with the reason, and the app-wide alert stays clear', async () => {
    const taken = 'There is already a learner called “Bruno”.';
    const { profiles, app } = setUp(fakeApi({ 'learners:rename': refused('conflict', taken) }));
    profiles.startRename(amelie);
    const renaming = profiles.rename(amelie, 'Bruno');
    expect(profiles.busy).toBe(true);
    expect(await renaming).toBe(false);
    expect(profiles.error).toBe(taken);
    expect(profiles.renaming).toBe('l-1');
    expect(profiles.busy).toBe(false);
    expect(app.error).toBeNull();
    expect(app.learners).toEqual([amelie, bruno]);
  });

  it('the same refusal twice is cleared in between, so it is announced twice', async () => {
    const taken = 'There is already a learner called “Bruno”.';
    const { profiles } = setUp(fakeApi({ 'learners:rename': refused('conflict', taken) }));
    await profiles.rename(amelie, 'Bruno');
    const again = profiles.rename(amelie, 'Bruno');
    expect(profiles.error).toBeNull();
    await again;
    expect(profiles.error).toBe(taken);
  });
});

describe('deleting a learner with the teacher PIN', () => {
  it('asks whether a PIN exists when the dialog opens', async () => {
    const { profiles } = setUp(fakeApi({ 'teacher:status': async () => ({ pinSet: false, lockedUntil: null, recoveryCodeSet: false }) }));
    await profiles.startDelete(bruno);
    expect(profiles.deleting).toEqual(bruno);
    expect(profiles.pinSet).toBe(false);
  });

  it('unlocks for this one deletion, locks again, and forgets the current learner it deleted', async () => {
    const fake = fakeApi({
      'teacher:status': async () => ({ pinSet: true, lockedUntil: null, recoveryCodeSet: true }),
      'teacher:unlock': async () => session,
      'learners:delete': async () => null,
      'teacher:lock': async () => null,
      'learners:list': async () => [bruno],
    });
    const { profiles, app } = setUp(fake);
    await profiles.startDelete(amelie);
    expect(await profiles.confirmDelete('2468')).toBe(true);
    expect(fake.calls.map((c) => c.name)).toEqual(['teacher:status', 'teacher:unlock', 'learners:delete', 'teacher:lock', 'learners:list']);
    expect(fake.inputsOf('learners:delete')).toEqual([{ learnerId: 'l-1', teacherToken: 'tok-1' }]);
    expect(fake.inputsOf('teacher:lock')).toEqual([{ teacherToken: 'tok-1' }]);
    expect(app.learners).toEqual([bruno]);
    expect(app.current).toBeNull();
    expect(app.settings).toEqual(DEFAULT_SETTINGS);
    expect(profiles.deleting).toBeNull();
    expect(profiles.announcement).toBe('Amélie was deleted.');
  });

  it('a wrong PIN keeps the dialog open with the backend’s words and deletes nothing', async () => {
    const fake = fakeApi({ 'teacher:unlock': refused('unauthorized', wrongPin), 'teacher:status': async () => ({ pinSet: true, lockedUntil: null, recoveryCodeSet: true }) });
    const { profiles, app } = setUp(fake);
    profiles.deleting = bruno;
    expect(await profiles.confirmDelete('1111')).toBe(false);
    expect(profiles.error).toBe(wrongPin);
    expect(profiles.secondsLeft).toBe(0);
    expect(profiles.deleting).toEqual(bruno);
    expect(fake.inputsOf('learners:delete')).toEqual([]);
    expect(app.learners).toEqual([amelie, bruno]);
  });

  it('a wrong PIN that starts a wait counts it down, second by second, then takes the refusal away', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00.000Z') });
    try {
      const waitWords = 'Wrong PIN. Too many wrong PINs: wait 1 minute before trying again.';
      const fake = fakeApi({
        'teacher:unlock': refused('unauthorized', waitWords),
        'teacher:status': async () => ({ pinSet: true, lockedUntil: '2026-11-30T10:01:00.000Z', recoveryCodeSet: true }),
      });
      const { profiles } = setUp(fake);
      profiles.deleting = bruno;
      expect(await profiles.confirmDelete('1111')).toBe(false);
      expect(fake.calls.map((c) => c.name)).toEqual(['teacher:unlock', 'teacher:status']);
      expect(profiles.error).toBe(waitWords);
      expect(profiles.secondsLeft).toBe(60);
      vi.advanceTimersByTime(20_000);
      expect(profiles.secondsLeft).toBe(40);
      vi.advanceTimersByTime(40_000);
      expect(profiles.secondsLeft).toBe(0);
      expect(profiles.error).toBeNull();
      expect(profiles.deleting).toEqual(bruno);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a dialog opened during a wait counts down the time left', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00.000Z') });
    try {
      const { profiles } = setUp(fakeApi({ 'teacher:status': async () => ({ pinSet: true, lockedUntil: '2026-11-30T10:00:30.000Z', recoveryCodeSet: true }) }));
      await profiles.startDelete(bruno);
      expect(profiles.secondsLeft).toBe(30);
      vi.advanceTimersByTime(10_000);
      expect(profiles.secondsLeft).toBe(20);
      profiles.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it('locks the teacher area again even when the deletion fails', async () => {
    const gone = 'This learner no longer exists.';
    const fake = fakeApi({ 'teacher:unlock': async () => session, 'learners:delete': refused('not_found', gone), 'teacher:lock': async () => null });
    const { profiles } = setUp(fake);
    profiles.deleting = bruno;
    expect(await profiles.confirmDelete('2468')).toBe(false);
    expect(fake.inputsOf('teacher:lock')).toEqual([{ teacherToken: 'tok-1' }]);
    expect(profiles.error).toBe(gone);
  });

  it('does nothing when no deletion is waiting', async () => {
    const fake = fakeApi({});
    const { profiles } = setUp(fake);
    expect(await profiles.confirmDelete('2468')).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it('cancel closes both forms and their error', () => {
    const { profiles } = setUp(fakeApi({}));
    profiles.renaming = 'l-1';
    profiles.deleting = bruno;
    profiles.error = wrongPin;
    profiles.cancel();
    expect([profiles.renaming, profiles.deleting, profiles.error]).toEqual([null, null, null]);
  });
});
