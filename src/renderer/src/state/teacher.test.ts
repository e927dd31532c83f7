// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { NewPinSession, TeacherSession } from '../../../shared/contract/teacher';
import { fakeApi, refused } from './fake-api';
import { TeacherState } from './teacher.svelte';

const unlocked: TeacherSession = { teacherToken: 'tok-1', expiresAt: '2026-11-30T10:00:00.000Z' };
const opened: NewPinSession = { ...unlocked, recoveryCode: 'ABCDE-FGHIJ-KLMNO-PQRST' };

describe('the teacher area', () => {
  it('knows whether a PIN is set', async () => {
    const teacher = new TeacherState(fakeApi({ 'teacher:status': async () => ({ pinSet: true, lockedUntil: null, recoveryCodeSet: true }) }).api);
    expect(teacher.pinSet).toBeNull();
    await teacher.load();
    expect(teacher.pinSet).toBe(true);
    expect(teacher.busy).toBe(false);
  });

  it('sets the first PIN and opens at once', async () => {
    const fake = fakeApi({ 'teacher:setPin': async () => opened });
    const teacher = new TeacherState(fake.api);
    await teacher.setPin('246813', '246813');
    expect(fake.calls.map((c) => c.name)).toEqual(['teacher:setPin']);
    expect(fake.inputsOf('teacher:setPin')).toEqual([{ pin: '246813' }]);
    expect(teacher.pinSet).toBe(true);
    expect(teacher.unlocked).toEqual(opened);
    expect(teacher.recoveryCode).toBe(opened.recoveryCode);
    expect(teacher.error).toBeNull();
  });

  it('refuses a new PIN that is not 6 to 12 digits, a tried one not 4 to 12, or typed differently twice, without asking the backend', async () => {
    const fake = fakeApi({});
    const teacher = new TeacherState(fake.api);
    await teacher.setPin('2468', '2468');
    expect(teacher.error).toBe('A teacher PIN is 6 to 12 digits.');
    await teacher.setPin('246813', '246814');
    expect(teacher.error).toBe('The two PINs are not the same. Type them again.');
    await teacher.unlock('123');
    expect(teacher.error).toBe('A teacher PIN is 4 to 12 digits.');
    expect(fake.calls).toEqual([]);
  });

  it('a wrong PIN stays locked, with the backend’s words', async () => {
    const wrong = 'Wrong PIN. 4 more tries before a wait.';
    const teacher = new TeacherState(fakeApi({ 'teacher:unlock': refused('unauthorized', wrong), 'teacher:status': async () => ({ pinSet: true, lockedUntil: null, recoveryCodeSet: true }) }).api);
    teacher.pinSet = true;
    const unlocking = teacher.unlock('1111');
    expect(teacher.busy).toBe(true);
    await unlocking;
    expect(teacher.error).toBe(wrong);
    expect(teacher.unlocked).toBeNull();
    expect(teacher.busy).toBe(false);
  });

  it('the same refusal twice is cleared in between, so it is announced twice', async () => {
    const wrong = 'Wrong PIN. 3 more tries before a wait.';
    const teacher = new TeacherState(fakeApi({ 'teacher:unlock': refused('unauthorized', wrong), 'teacher:status': async () => ({ pinSet: true, lockedUntil: null, recoveryCodeSet: true }) }).api);
    await teacher.unlock('1111');
    const again = teacher.unlock('1111');
    expect(teacher.error).toBeNull();
    await again;
    expect(teacher.error).toBe(wrong);
  });

  it('locks: forgets the unlock at once, and tells the backend even if that fails', async () => {
    const fake = fakeApi({ 'teacher:lock': refused('backend_unreachable', 'Liseuse lost contact with its data service. If you closed it, start Liseuse again, then reload this page.') });
    const teacher = new TeacherState(fake.api);
    teacher.unlocked = unlocked;
    await teacher.lock();
    expect(teacher.unlocked).toBeNull();
    expect(teacher.error).toBeNull();
    expect(fake.inputsOf('teacher:lock')).toEqual([{ teacherToken: 'tok-1' }]);
  });
});
