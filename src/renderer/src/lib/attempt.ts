// The renderer's one way to run a backend call that may fail: the failure becomes the message a person reads
// (ours for a backend refusal, a generic one for anything else), and the caller gets a typed outcome, never an
// exception.
import { messageOf } from './api';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

/**
 * A form's call: the form is busy while it runs and shows the failure's message, or none. Its error is cleared
 * first, so the same refusal twice is announced twice.
 */
export async function attemptInForm<T>(form: { busy: boolean; error: string | null }, call: () => Promise<T>): Promise<Outcome<T>> {
  form.busy = true;
  form.error = null;
  const outcome = await attempt(call);
  form.error = outcome.ok ? null : outcome.message;
  form.busy = false;
  return outcome;
}
