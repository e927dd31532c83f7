// A database holding rows no current import lets in (an answer of the wrong shape, a question list that is not
// JSON), as an older Liseuse could have stored them: every report, export and quiz screen still answers.
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Learner } from '../../shared/types';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { pdfText } from '../../../test/support/pdf-text';

const LESSON = 'kim-russie';

async function call<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

describe('a poisoned learner in the class', () => {
  let dir: string;
  let backend: Backend;
  let token: string;
  let poisoned: Learner;
  let shapeless: string;
  let listless: string;

  beforeAll(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: 'test' });
    token = (await call(backend, 'teacher:setPin', { pin: '123456' })).teacherToken;
    const healthy = await call(backend, 'learners:create', { name: 'Ana' });
    const attempt = await call(backend, 'quiz:start', { learnerId: healthy.id, lessonId: LESSON, kind: 'comprehension' });
    await call(backend, 'quiz:answer', { learnerId: healthy.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' }, timeMs: 900 });

    poisoned = await call(backend, 'learners:create', { name: 'Hugo' });
    shapeless = (await call(backend, 'quiz:start', { learnerId: poisoned.id, lessonId: LESSON, kind: 'comprehension' })).id;
    const questions = JSON.parse((backend.db.prepare('SELECT questions FROM quiz_attempts WHERE id = ?').get(shapeless) as { questions: string }).questions) as string[];
    // Every question answered with JSON of the wrong shape: the attempt is finished, its answers unreadable.
    const insert = backend.db.prepare(
      `INSERT INTO quiz_answers (id, attempt_id, question_id, answer, score, verdict, time_ms, answered_at) VALUES (?, ?, ?, ?, 0, 'wrong', 1, '2026-01-01T10:00:00.000Z')`,
    );
    questions.forEach((q, i) => insert.run(crypto.randomUUID(), shapeless, q, i % 2 ? '{"type":"multiple","choices":5}' : '{"type":"matching"}'));
    backend.db.prepare(`UPDATE quiz_attempts SET finished_at = '2026-01-01T10:00:00.000Z', score = 0 WHERE id = ?`).run(shapeless);
    listless = (await call(backend, 'quiz:start', { learnerId: poisoned.id, lessonId: LESSON, kind: 'vocabulary' }).catch(() => call(backend, 'quiz:start', { learnerId: poisoned.id, lessonId: LESSON, kind: 'comprehension' }))).id;
    backend.db.prepare(`UPDATE quiz_attempts SET questions = 'not json' WHERE id = ?`).run(listless);
  });

  afterAll(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('the class report answers, with both learners', async () => {
    const report = await call(backend, 'reports:class', { teacherToken: token, lessonId: LESSON });
    expect(report.learners.map((l) => l.name)).toEqual(['Ana', 'Hugo']);
  });

  it('the learner report marks each unreadable answer as a value in no language (null), for whoever shows it to word', async () => {
    const report = await call(backend, 'reports:learner', { teacherToken: token, lessonId: LESSON, learnerId: poisoned.id });
    const answers = report.attempts.find((a) => a.id === shapeless)!.answers;
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.given).toBeNull();
  });

  it('the learner PDF and the every-answer CSV say so in the language of the export', async () => {
    const exported = async (input: Omit<CallInput<'reports:export'>, 'teacherToken' | 'lessonId'>): Promise<Buffer> => {
      const outcome = await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, ...input });
      if (!('download' in outcome)) throw new Error('expected a download');
      return Buffer.from(outcome.download.base64, 'base64');
    };
    const csvCells = async (language: 'en' | 'fr'): Promise<string[]> =>
      (parse((await exported({ report: 'attempts', format: 'csv', language })).toString('utf8'), { bom: true, columns: true, delimiter: language === 'fr' ? ';' : ',' }) as Record<string, string>[]).flatMap((r) =>
        Object.values(r),
      );
    const english = await csvCells('en');
    expect(english).toContain('unreadable answer');
    expect(english).toContain('sept jours');
    const french = await csvCells('fr');
    expect(french).toContain('réponse illisible');
    expect(french).not.toContain('unreadable answer');
    // The PDF's table wraps a cell over lines: words, not phrases.
    expect(await pdfText(await exported({ report: 'learner', format: 'pdf', learnerId: poisoned.id }))).toMatch(/unreadable[\s\S]*answer/);
    const frenchPdf = await pdfText(await exported({ report: 'learner', format: 'pdf', learnerId: poisoned.id, language: 'fr' }));
    expect(frenchPdf).toMatch(/réponse[\s\S]*illisible/);
    expect(frenchPdf).not.toContain('unreadable');
  }, 20_000);

  it('the quiz panel and both attempts open for the learner', async () => {
    const overview = await call(backend, 'quiz:overview', { learnerId: poisoned.id, lessonId: LESSON });
    expect(overview.attempts).toHaveLength(2);
    const finished = await call(backend, 'quiz:attempt', { learnerId: poisoned.id, attemptId: shapeless });
    expect(finished.questions.length).toBeGreaterThan(0);
    // Its review words each unreadable answer in the learner's language (AttemptReview): core leaves it null.
    expect(Object.values(finished.feedback).map((f) => f.given)).toEqual(finished.questions.map(() => null));
    const broken = await call(backend, 'quiz:attempt', { learnerId: poisoned.id, attemptId: listless });
    expect(broken.questions).toEqual([]);
  });
});
