// The computer's interface language: chosen in the teacher area, told to every screen by app:info, kept on disk.
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../shared/contract/app';
import type { ReaderSettings } from '../shared/contract/reading';
import type { Learner } from '../shared/types';
import { errorOf, useBackend, value } from '../../test/support/backend';

describe('the interface language', () => {
  const { start } = useBackend();

  it('is not chosen on a new computer, so the renderer follows the system', async () => {
    expect(value<AppInfo>(await start().call('app:info', {})).language).toBeNull();
  });

  it('is set behind the PIN, and every later start tells it', async () => {
    const backend = start();
    expect(errorOf(await backend.call('teacher:setLanguage', { teacherToken: 'w'.repeat(43), language: 'fr' })).code).toBe('unauthorized');
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    expect(value(await backend.call('teacher:setLanguage', { teacherToken, language: 'fr' }))).toBeNull();
    backend.close();
    expect(value<AppInfo>(await start().call('app:info', {})).language).toBe('fr');
  });

  it('refuses a language the interface is not written in', async () => {
    const backend = start();
    const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
    expect(errorOf(await backend.call('teacher:setLanguage', { teacherToken, language: 'de' })).code).toBe('invalid_input');
  });

  it('a learner’s own choice is one of their settings, and a learner without one has none', async () => {
    const backend = start();
    const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
    const before = value<ReaderSettings>(await backend.call('settings:get', { learnerId: ana.id }));
    expect(before.language).toBeUndefined();
    const after = value<ReaderSettings>(await backend.call('settings:set', { learnerId: ana.id, settings: { ...before, language: 'fr' } }));
    expect(after.language).toBe('fr');
    expect(errorOf(await backend.call('settings:set', { learnerId: ana.id, settings: { ...before, language: 'klingon' } })).code).toBe('invalid_input');
  });
});
