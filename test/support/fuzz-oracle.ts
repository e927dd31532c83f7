// What every contract fuzz checks besides its own oracle: no unhandled rejection, nothing in a backend's
// "unexpected failure" log, and error messages that are sentences, not stacks.
import { afterAll, beforeAll, expect } from 'vitest';

/** What a message must never look like: a stack frame, a source location, a Node internal, an error class dump. */
const STACK_LIKE = [/\n\s*at\s/, /\bat\s+\S+\s+\(.*:\d+:\d+\)/, /node:internal/, /\.(?:ts|js|mjs|cjs):\d+/, /\b(?:TypeError|RangeError|ReferenceError|SyntaxError):/];

export interface FuzzWatch {
  /** Every promise the backend or the server forgot to handle while this file ran. */
  unhandled: unknown[];
  /** For the backends' logError: what reached the "unexpected failure" log. */
  logged: unknown[];
  /** The longest error message expectCleanMessage saw, and its call, for the closing line. */
  longest: { length: number; call: string };
  expectCleanMessage(message: unknown, context: string): void;
}

/** Call at the top of a fuzz file: it listens for unhandled rejections while the file's tests run. */
export function watchFuzz(): FuzzWatch {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  // Any promise the backend or the server forgets to handle would land here; the tests assert none did.
  beforeAll(() => void process.on('unhandledRejection', onUnhandled));
  afterAll(() => void process.off('unhandledRejection', onUnhandled));
  const longest = { length: 0, call: '' };
  return {
    unhandled,
    logged: [],
    longest,
    expectCleanMessage(message: unknown, context: string): void {
      expect(typeof message, context).toBe('string');
      expect((message as string).length, context).toBeGreaterThan(0);
      for (const pattern of STACK_LIKE) expect(message, `${context}: message looks like a stack or source location`).not.toMatch(pattern);
      if ((message as string).length > longest.length) {
        longest.length = (message as string).length;
        longest.call = context.split(' ')[0] ?? '';
      }
    },
  };
}

export function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined ? String(input) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}
