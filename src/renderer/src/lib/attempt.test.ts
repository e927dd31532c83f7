// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { attempt, attemptInForm } from './attempt';

describe('running a backend call that may fail', () => {
  it('hands back the value', async () => {
    expect(await attempt(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('a backend refusal keeps the backend’s words; anything else gets a generic message, never the exception', async () => {
    expect(await attempt(() => Promise.reject(new ApiError('conflict', 'There is already a learner called “Amélie”.')))).toEqual({
      ok: false,
      message: 'There is already a learner called “Amélie”.',
    });
    expect(await attempt(() => Promise.reject(new TypeError('Cannot read properties of undefined')))).toEqual({
      ok: false,
      message: 'Something went wrong. Please try again.',
    });
  });

  it('a form is busy while its call runs, its old error cleared, and ends with the new one or none', async () => {
    const form = { busy: false, error: 'Wrong PIN. 4 more tries before a wait.' as string | null };
    let finish: () => void = () => {};
    const running = attemptInForm(form, () => new Promise<void>((resolve) => (finish = resolve)));
    expect(form).toEqual({ busy: true, error: null });
    finish();
    expect(await running).toEqual({ ok: true, value: undefined });
    expect(form).toEqual({ busy: false, error: null });

    await attemptInForm(form, () => Promise.reject(new ApiError('unauthorized', 'Wrong PIN. 3 more tries before a wait.')));
    expect(form).toEqual({ busy: false, error: 'Wrong PIN. 3 more tries before a wait.' });
  });
});
