// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LrsQueue, LrsSettings } from '../../../shared/contract/lrs';
import { fakeApi, refused } from './fake-api';
import { LrsState } from './lrs.svelte';

const TOKEN = 't'.repeat(43);
const NONE: LrsSettings = { endpoint: '', username: '', secretSet: false, namesShown: false, secretStorage: 'file' };
const SET: LrsSettings = { endpoint: 'http://lrs.school.lan/xapi', username: 'liseuse', secretSet: true, namesShown: false, secretStorage: 'file' };
const QUEUE: LrsQueue = { configured: true, pending: 3, sent: 10, failed: 0, lastSyncAt: null, problems: [] };

describe('the teacher’s LRS panel', () => {
  it('saves the settings, keeps an empty password out of the call, and shows the queue after', async () => {
    const fake = fakeApi({ 'lrs:settings': async () => NONE, 'lrs:queue': async () => QUEUE, 'lrs:save': async () => SET });
    const lrs = new LrsState(TOKEN, fake.api);
    await lrs.load();
    expect(lrs.settings).toEqual(NONE);
    expect(await lrs.save({ endpoint: SET.endpoint, username: 'liseuse', secret: '', namesShown: false })).toBe(true);
    expect(fake.inputsOf('lrs:save')).toEqual([{ teacherToken: TOKEN, endpoint: SET.endpoint, username: 'liseuse', namesShown: false }]);
    expect(lrs.settings).toEqual(SET);
    expect(lrs.notice).toEqual({ kind: 'saved' });
    expect(lrs.queue).toEqual(QUEUE);
  });

  it('a refused save says why and changes nothing shown', async () => {
    const why = 'endpoint: An LRS address starts with http:// or https://';
    const fake = fakeApi({ 'lrs:settings': async () => NONE, 'lrs:queue': async () => QUEUE, 'lrs:save': refused('invalid_input', why) });
    const lrs = new LrsState(TOKEN, fake.api);
    await lrs.load();
    expect(await lrs.save({ endpoint: 'lrs', username: 'x', secret: 'y', namesShown: false })).toBe(false);
    expect(lrs.error).toBe(why);
    expect(lrs.settings).toEqual(NONE);
  });

  it('the connection test’s answer is kept as facts, for the panel to word in the language on screen', async () => {
    const result = { ok: false, versions: [], failure: { kind: 'unauthorized' as const, status: 401, reason: 'Unauthorised' } };
    const fake = fakeApi({ 'lrs:test': async () => result });
    const lrs = new LrsState(TOKEN, fake.api);
    await lrs.test();
    expect(lrs.notice).toEqual({ kind: 'tested', result });
  });
});
