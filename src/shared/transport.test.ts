import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from './contract';
import { HTTP_CALLS } from './transport';

describe('browser-mode transport', () => {
  it('sends over HTTP only calls the contract has, and keeps every small learner call on the socket', () => {
    for (const name of HTTP_CALLS) expect(CALL_NAMES).toContain(name);
    for (const name of ['quiz:answer', 'reading:lookup', 'reading:setStatus', 'review:grade', 'app:info']) {
      expect(CALL_NAMES).toContain(name);
      expect(HTTP_CALLS.has(name)).toBe(false);
    }
  });
});
