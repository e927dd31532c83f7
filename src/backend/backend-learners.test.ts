import { describe, expect, it } from 'vitest';
import type { Learner } from '../shared/types';
import { errorOf, NOBODY, useBackend, UUID, value } from '../../test/support/backend';

describe('createBackend', () => {
  const { start } = useBackend();

  describe('learners', () => {
    it('creates a learner with an id, the trimmed name and the creation time, and lists them by name', async () => {
      const backend = start();
      expect(value(await backend.call('learners:list', undefined))).toEqual([]);
      const zoe = value<Learner>(await backend.call('learners:create', { name: '  Zoé ' }));
      expect(zoe).toEqual({ id: expect.stringMatching(UUID), name: 'Zoé', createdAt: '2024-05-01T10:00:00.000Z' });
      const ana = value<Learner>(await backend.call('learners:create', { name: 'ana' }));
      const bruno = value<Learner>(await backend.call('learners:create', { name: 'Bruno' }));
      expect(value(await backend.call('learners:list', undefined))).toEqual([ana, bruno, zoe]);
    });

    it('refuses a second learner with the same name in another case, or with spaces around it', async () => {
      const backend = start();
      value(await backend.call('learners:create', { name: 'Camille' }));
      for (const name of ['camille', 'CAMILLE', '  Camille  ']) {
        const error = errorOf(await backend.call('learners:create', { name }));
        expect(error.code).toBe('conflict');
        expect(error.message).toContain(`“${name.trim()}”`);
      }
      expect(value<Learner[]>(await backend.call('learners:list', undefined))).toHaveLength(1);
    });

    it('refuses a second learner whose name differs only by the case of an accented letter (Élodie / élodie)', async () => {
      const backend = start();
      value(await backend.call('learners:create', { name: 'Élodie' }));
      expect(errorOf(await backend.call('learners:create', { name: 'élodie' })).code).toBe('conflict');
      expect(errorOf(await backend.call('learners:create', { name: 'ÉLODIE' })).code).toBe('conflict');
    });

    it('the chosen learner is still current after the backend is closed and opened again', async () => {
      const first = start();
      expect(value(await first.call('learners:current', undefined))).toBeNull();
      const ana = value<Learner>(await first.call('learners:create', { name: 'Ana' }));
      const bruno = value<Learner>(await first.call('learners:create', { name: 'Bruno' }));
      expect(value(await first.call('learners:choose', { learnerId: ana.id }))).toEqual(ana);
      expect(value(await first.call('learners:choose', { learnerId: bruno.id }))).toEqual(bruno);
      first.close();

      const second = start();
      expect(value(await second.call('learners:current', undefined))).toEqual(bruno);
      expect(value(await second.call('learners:list', undefined))).toEqual([ana, bruno]);
    });

    it('choosing a learner who does not exist gives not_found and keeps the current one', async () => {
      const backend = start();
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      value(await backend.call('learners:choose', { learnerId: ana.id }));
      expect(errorOf(await backend.call('learners:choose', { learnerId: NOBODY })).code).toBe('not_found');
      expect(value(await backend.call('learners:current', undefined))).toEqual(ana);
    });
  });
});
