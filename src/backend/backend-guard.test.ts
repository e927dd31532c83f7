// The teacher guard of createBackend: every call behind the PIN refuses a missing, made-up, locked or expired token.
import { describe, expect, it } from 'vitest';
import { contract, type CallInput, type TeacherCallName } from '../shared/contract';
import type { Call } from '../shared/contract/call';
import { CALL_NAMES } from '../shared/contract/call-names';
import type { Learner } from '../shared/types';
import { UNLOCK_MS } from './services/teacher';
import { errorOf, NOBODY, REAL_LESSONS, useBackend, value } from '../../test/support/backend';

const GUARDED = CALL_NAMES.filter((name): name is TeacherCallName => (contract[name] as Call).guard === 'teacher');
/** A valid input for every teacher-guarded call but its token; the type makes a new guarded call need one here. */
const GUARDED_INPUTS: { [K in TeacherCallName]: (learnerId: string) => Omit<CallInput<K>, 'teacherToken'> } = {
  'learners:delete': (learnerId) => ({ learnerId }),
  'teacher:info': () => ({}),
  'teacher:setLanguage': () => ({ language: 'fr' }),
  'quiz:glossSettings': () => ({}),
  'quiz:setGlosses': () => ({ lessonId: 'kim-russie', kind: 'vocabulary', shown: true }),
  'teacher:changePin': () => ({ pin: '246813' }),
  'reports:class': () => ({ lessonId: 'kim-russie' }),
  'reports:learner': (learnerId) => ({ lessonId: 'kim-russie', learnerId }),
  'reports:export': () => ({ lessonId: 'kim-russie', report: 'class', format: 'csv' }),
  'results:import': () => ({ fileName: 'ana.liseuse-results.json', content: '{}' }),
  'reports:responses': () => ({ lessonId: 'kim-russie', questionId: 'trip-length' }),
  'reports:decideAnswer': () => ({ lessonId: 'kim-russie', questionId: 'trip-length', text: 'sept', accept: true }),
  'reports:classFromLrs': () => ({ lessonId: 'kim-russie' }),
  'openAnswers:list': () => ({ lessonId: 'kim-russie' }),
  'openAnswers:grade': () => ({ answerId: NOBODY, score: 0.5, comment: '' }),
  'lms:exportQuiz': () => ({ lessonId: 'kim-russie', format: 'gift' }),
  'lms:exportSettings': () => ({}),
  'lms:setExportSettings': () => ({ csvLocale: 'fr' }),
  'authoring:list': () => ({}),
  'authoring:create': () => ({ title: 'Une journée à Lyon', level: 'A2', paragraphs: ['Nous allons à Lyon.'] }),
  'authoring:get': () => ({ lessonId: 'kim-russie' }),
  'authoring:glosses': () => ({ lessonId: 'kim-russie', first: 0, end: 1 }),
  'authoring:draftQuestions': () => ({ lessonId: 'kim-russie', generation: 0, takenIds: [] }),
  'authoring:saveDetails': () => ({ lessonId: 'kim-russie', revision: 0, title: 'Kim', level: 'B2' }),
  'authoring:saveGlosses': () => ({ lessonId: 'kim-russie', revision: 0 }),
  'authoring:saveTranslations': () => ({ lessonId: 'kim-russie', revision: 0, translations: [] }),
  'authoring:saveQuiz': () => ({ lessonId: 'kim-russie', revision: 0, quiz: { questions: [] } }),
  'authoring:validate': () => ({ lessonId: 'kim-russie' }),
  'authoring:publish': () => ({ lessonId: 'kim-russie', revision: 0 }),
  'authoring:editPublished': () => ({ lessonId: 'kim-russie' }),
  'authoring:archive': () => ({ lessonId: 'kim-russie' }),
  'authoring:exportPack': () => ({ lessonId: 'kim-russie' }),
  'authoring:importPack': () => ({ fileName: 'kim.liseuse', base64: '' }),
  'authoring:readFile': () => ({ fileName: 'texte.txt', bytes: btoa('Le chat dort.') }),
  'lrs:settings': () => ({}),
  'lrs:save': () => ({ endpoint: 'http://127.0.0.1:9/xapi', username: 'test', secret: 'test', namesShown: false }),
  'lrs:forget': () => ({}),
  'lrs:test': () => ({}),
  'lrs:queue': () => ({}),
  'lrs:syncNow': () => ({}),
};

describe('createBackend', () => {
  const { start } = useBackend();

  describe('the teacher guard', () => {
    it('covers the calls behind the PIN', () => {
      expect(GUARDED.length).toBeGreaterThan(0);
      expect([...GUARDED].sort()).toEqual(Object.keys(GUARDED_INPUTS).sort());
    });

    it.each(GUARDED)('%s without a live teacher token is refused, and its handler does not run', async (name) => {
      let clock = Date.parse('2024-05-01T10:00:00.000Z');
      const backend = start(REAL_LESSONS, () => new Date(clock));
      const ana = value<Learner>(await backend.call('learners:create', { name: 'Ana' }));
      const input = GUARDED_INPUTS[name](ana.id);
      const call = (teacherToken?: string) => backend.call(name, teacherToken === undefined ? input : { ...input, teacherToken });

      const missing = errorOf(await call());
      expect(missing.code).toBe('invalid_input');
      expect(missing.message).toContain('teacherToken');
      const { teacherToken: expiring } = value<{ teacherToken: string }>(await backend.call('teacher:setPin', { pin: '246813' }));
      const { teacherToken: locked } = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '246813' }));
      value(await backend.call('teacher:lock', { teacherToken: locked }));
      clock += UNLOCK_MS;
      for (const token of ['w'.repeat(43), locked, expiring]) {
        expect(errorOf(await call(token))).toEqual({ code: 'unauthorized', message: 'The teacher area is locked. Enter the teacher PIN again.' });
      }
      expect(value(await backend.call('learners:list', undefined))).toEqual([ana]);

      const { teacherToken: live } = value<{ teacherToken: string }>(await backend.call('teacher:unlock', { pin: '246813' }));
      const allowed = await call(live);
      // Past the guard: a value, or the handler's own refusal of this sample (an empty results file is not one).
      if (!allowed.ok) expect(allowed.error.code).not.toBe('unauthorized');
    });
  });
});
