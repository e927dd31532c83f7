// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { locale, systemLanguage } from './locale.svelte';
import { strings, stringsIn } from '../strings';
import { FRENCH_TYPOGRAPHY_FAULT } from '../../../../test/support/typography';

/** Every leaf of a table: [path, value], functions included. */
function leaves(table: unknown, path = ''): [string, unknown][] {
  if (typeof table !== 'object' || table === null) return [[path, table]];
  return Object.entries(table).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

/** Sample arguments for a string function, by its parameter count: numbers that exercise plurals, then text. */
function samples(fn: (...args: never[]) => unknown): unknown[][] {
  const name = fn.toString();
  const textual = /\((?:name|word|file|item|answer|line|message|when|time|source|level|id|interval|rating|score|learner)\b/.test(name);
  return [0, 1, 2, 5].map((n) => Array.from({ length: fn.length }, (_, i) => (textual && i === 0 ? 'Inès' : n + i)));
}

function rendered(table: unknown): [string, string][] {
  return leaves(table).flatMap(([path, value]) => {
    if (typeof value === 'string') return [[path, value] as [string, string]];
    if (typeof value !== 'function') return [];
    const fn = value as (...args: unknown[]) => unknown;
    if (path.startsWith('format.')) return [];
    return samples(fn as never)
      .map((args) => {
        try {
          const out = fn(...args);
          return typeof out === 'string' ? ([path, out] as [string, string]) : undefined;
        } catch {
          return undefined;
        }
      })
      .filter((x): x is [string, string] => x !== undefined);
  });
}

const TYPOGRAPHY_FAULT = FRENCH_TYPOGRAPHY_FAULT;

afterEach(() => locale.set('en'));

describe('the two interface languages', () => {
  it('have the same keys, and each function the same number of parameters', () => {
    const shape = (table: unknown) => leaves(table).map(([path, value]) => `${path}:${typeof value === 'function' ? (value as () => void).length : typeof value}`);
    expect(shape(fr)).toEqual(shape(en));
  });

  it('French text follows French typography: no plain space before : ; ! ? %, no straight apostrophe', () => {
    expect(rendered(fr).length).toBeGreaterThan(400);
    const faults = rendered(fr).filter(([, text]) => TYPOGRAPHY_FAULT.test(text));
    expect(faults).toEqual([]);
    // The rule itself catches what it is for.
    expect(rendered({ bad: 'Score : 47%', quote: "l'agence" }).filter(([, text]) => TYPOGRAPHY_FAULT.test(text))).toHaveLength(2);
  });

  it('French counts take the singular for 0 and 1, and spaces that do not break', () => {
    expect([0, 1, 2].map((n) => fr.library.words(n))).toEqual(['0\u00a0mot', '1\u00a0mot', '2\u00a0mots']);
    expect(fr.quiz.score(47)).toBe('47\u202f%');
    expect(fr.review.interval(1.5 * 365 * 24 * 3600_000)).toBe('1,5\u00a0an');
  });

  it('a section kept in a variable shows the new language as soon as it is chosen', () => {
    const S = strings.library;
    expect(S.heading).toBe('Lessons');
    locale.set('fr');
    expect(S.heading).toBe('Leçons');
    expect(S.words(2)).toBe('2\u00a0mots');
    expect(Object.keys(strings.reports.tabs)).toEqual(Object.keys(en.reports.tabs));
    expect(document.documentElement.lang).toBe('fr');
  });

  it('stringsIn names a language whatever is on screen', () => {
    locale.set('fr');
    expect(stringsIn('en').library.heading).toBe('Lessons');
  });

  it('the first launch follows the system’s language when the interface has it', () => {
    expect(systemLanguage(['fr-CA', 'en-GB'])).toBe('fr');
    expect(systemLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
  });
});
