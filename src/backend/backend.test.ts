// The contract boundary of createBackend: what every call, known or not, answers to wrong names and wrong inputs.
// The other subjects are beside it: backend-guard (the teacher PIN), backend-learners, backend-reading, backend-lessons.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../shared/contract/call-names';
import { DEFAULT_SETTINGS } from '../shared/contract/reading';
import { errorOf, NOBODY, useBackend, value } from '../../test/support/backend';

describe('createBackend', () => {
  const fixture = useBackend();
  const { start } = fixture;

  describe('the contract boundary', () => {
    it('app:info answers with the options it was given, and no path: the data folder names the OS user', async () => {
      const backend = start();
      expect(value(await backend.call('app:info', undefined))).toEqual({ version: '9.9.9', mode: 'browser', notice: null, language: null });
      expect(value(await backend.call('app:info', {}))).toEqual({ version: '9.9.9', mode: 'browser', notice: null, language: null });
    });

    it('teacher:info tells the data folder’s path to an unlocked teacher area only', async () => {
      const backend = start();
      expect(errorOf(await backend.call('teacher:info', { teacherToken: 'w'.repeat(43) })).code).toBe('unauthorized');
      const { teacherToken } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
      expect(value(await backend.call('teacher:info', { teacherToken }))).toEqual({ dataDir: fixture.dataDir });
    });

    it.each<[string, unknown]>([
      ['an unknown name', 'learners:destroy'],
      ['a name from Object.prototype', 'toString'],
      ['__proto__', '__proto__'],
      ['a number', 42],
      ['nothing', undefined],
      ['a name with different case', 'App:Info'],
    ])('%s gives unknown_call', async (_label, name) => {
      const error = errorOf(await start().call(name, {}));
      expect(error.code).toBe('unknown_call');
      expect(error.message).toBe('Liseuse does not know that request.');
    });

    it.each<[string, unknown, string]>([
      ['learners:create', { name: 42 }, 'name'],
      ['learners:create', {}, 'name'],
      ['learners:create', { name: '   ' }, 'name: A name is needed.'],
      ['learners:create', { name: 'x'.repeat(41) }, 'name: A name has at most 40 characters.'],
      ['learners:create', { name: 'Ana\u0000' }, 'name: A name cannot contain control characters.'],
      ['learners:create', { name: 'Ana', admin: true }, 'admin'],
      ['learners:choose', { learnerId: 'not-an-id' }, 'learnerId'],
      ['lessons:get', { lessonId: '../../etc' }, 'lessonId'],
      ['reading:lookup', { learnerId: NOBODY, lessonId: 'chat', token: -1, paragraph: 0 }, 'token'],
      ['reading:lookup', { learnerId: NOBODY, lessonId: 'chat', token: '1', paragraph: 0 }, 'token'],
      ['reading:setStatus', { learnerId: NOBODY, lessonId: 'chat', token: 1, status: 'mastered' }, 'status'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 0 }, 'seconds'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 3601 }, 'seconds'],
      ['reading:addTime', { learnerId: NOBODY, lessonId: 'chat', seconds: 1.5 }, 'seconds'],
      ['settings:set', { learnerId: NOBODY, settings: { ...DEFAULT_SETTINGS, fontSize: 100 } }, 'settings.fontSize'],
      ['settings:set', { learnerId: NOBODY, settings: { ...DEFAULT_SETTINGS, theme: 'neon' } }, 'settings.theme'],
    ])('%s with %j gives invalid_input naming %s', async (name, input, field) => {
      const error = errorOf(await start().call(name, input));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(field);
    });

    it.each<[string, unknown]>([
      ['app:info', 'hello'],
      ['learners:list', null],
      ['learners:list', { page: 2 }],
      ['learners:create', undefined],
      ['learners:create', ['Ana']],
    ])('%s with input %j gives invalid_input', async (name, input) => {
      expect(errorOf(await start().call(name, input)).code).toBe('invalid_input');
    });

    it('answers every call of the contract (no handler is missing)', async () => {
      const backend = start();
      for (const name of CALL_NAMES) {
        const result = await backend.call(name, {});
        // Either a value or a typed refusal, never an unexpected failure.
        if (!result.ok) expect(['invalid_input', 'not_found']).toContain(result.error.code);
      }
    });
  });
});
