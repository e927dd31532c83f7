import { describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES, parseResultFile, RESULT_FORMAT, ResultFileError } from './result-file';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const AT = '2026-11-27T10:00:00.000Z';

export function validFile(): Record<string, unknown> {
  return {
    format: RESULT_FORMAT,
    version: 1,
    exportedAt: AT,
    source: C,
    learner: { id: A, name: 'Léa', createdAt: AT },
    attempts: [
      {
        id: B,
        lessonId: 'kim-russie',
        kind: 'comprehension',
        seed: 7,
        questions: '["trip-length"]',
        startedAt: AT,
        finishedAt: AT,
        score: 1,
        answers: [{ id: C, questionId: 'trip-length', answer: '{"type":"short-answer","text":"sept jours"}', score: 1, verdict: 'correct', timeMs: 3000, answeredAt: AT }],
      },
    ],
    lookups: [],
    statusChanges: [],
    reading: [{ lessonId: 'kim-russie', secondsRead: 120 }],
  };
}

const refusal = (text: string): string => {
  try {
    parseResultFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ResultFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('parseResultFile', () => {
  it('accepts a valid file', () => {
    expect(parseResultFile(JSON.stringify(validFile())).learner.name).toBe('Léa');
  });

  it('refuses a truncated file as damaged JSON', () => {
    const text = JSON.stringify(validFile());
    expect(refusal(text.slice(0, text.length / 2))).toMatch(/not valid JSON/);
  });

  it('refuses a file that is not a results file', () => {
    expect(refusal(JSON.stringify({ hello: 'world' }))).toMatch(/not a Liseuse results file/);
    expect(refusal('[]')).toMatch(/not a Liseuse results file/);
  });

  it('refuses a file from a newer Liseuse by its version', () => {
    expect(refusal(JSON.stringify({ ...validFile(), version: 2 }))).toMatch(/newer Liseuse/);
  });

  it('refuses prototype-polluting keys while parsing, before any check of the content', () => {
    expect(refusal(JSON.stringify(validFile()).replace('"learner":', '"__proto__":{"admin":true},"learner":'))).toMatch(/forbidden key "__proto__"/);
    expect(refusal('{"constructor":{"prototype":{"x":1}}}')).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses an oversized file without parsing it', () => {
    const big = `{"format":"${RESULT_FORMAT}","pad":"${'x'.repeat(MAX_RESULT_BYTES)}"}`;
    expect(refusal(big)).toMatch(/larger than 2 MB/);
  });

  it('names where the content is wrong', () => {
    const file = validFile();
    (file.attempts as { score: number }[])[0]!.score = 7;
    expect(refusal(JSON.stringify(file))).toMatch(/attempts\.0\.score/);
  });
});
