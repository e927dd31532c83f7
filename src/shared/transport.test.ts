import { describe, expect, it } from 'vitest';
import { contract, type CallName } from './contract';
import { CALL_NAMES } from './contract/call-names';
import type { Call } from './contract/call';

const viaHttp = (name: CallName): boolean => (contract[name] as Call).transport === 'http';

describe('browser-mode transport', () => {
  it('sends over HTTP only the bulky calls, and keeps every small learner call on the socket', () => {
    expect(CALL_NAMES.filter(viaHttp)).toEqual(['lessons:get', 'lessons:part', 'review:export', 'reports:class', 'reports:export', 'reports:classFromLrs', 'results:export', 'results:import', 'results:exportStatements', 'lms:exportQuiz', 'authoring:create', 'authoring:get', 'authoring:glosses', 'authoring:saveGlosses', 'authoring:saveTranslations', 'authoring:saveQuiz', 'authoring:editPublished', 'authoring:exportPack', 'authoring:importPack', 'authoring:readFile']);
    for (const name of ['quiz:answer', 'reading:lookup', 'reading:setStatus', 'review:grade', 'app:info'] as const) {
      expect(CALL_NAMES).toContain(name);
      expect(viaHttp(name)).toBe(false);
    }
  });
});
