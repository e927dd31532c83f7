// For the state classes' unit tests: a stand-in for the transport that answers only the calls a test gives it and
// records every call. Refusals are the ApiError the real api throws for a backend error (see lib/api.ts); it sits
// beside the tests because it needs the renderer's ApiError and is type-checked with the renderer.
import type { Api, CallName, SendOptions } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { ApiError } from '../lib/api';

export interface FakeApi {
  api: Api;
  /** Every call made, in order, with its input (and the options given, when there were some). */
  calls: { name: CallName; input: unknown; options?: SendOptions }[];
  /** The inputs given to one call, in order. */
  inputsOf(name: CallName): unknown[];
}

export function fakeApi(answers: Partial<Api>): FakeApi {
  const calls: FakeApi['calls'] = [];
  const api = new Proxy({} as Api, {
    get(_target, name: CallName) {
      return (input?: unknown, options?: SendOptions) => {
        calls.push({ name, input, ...(options ? { options } : {}) });
        const answer = answers[name] as ((input?: unknown, options?: SendOptions) => Promise<unknown>) | undefined;
        // A plain Error, not an ApiError: the state shows the generic message and the test sees it.
        if (!answer) return Promise.reject(new Error(`the test gave no answer for ${name}`));
        return answer(input, options);
      };
    },
  });
  return { api, calls, inputsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.input) };
}

/** A call the backend refuses, as lib/api.ts throws it. */
export function refused(code: ErrorCode, message: string): () => Promise<never> {
  return () => Promise.reject(new ApiError(code, message));
}
