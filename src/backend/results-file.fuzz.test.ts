// Fuzzing results:import with fast-check: a results file is input too. Files made from a real export by random
// edits, forgeries and poisoned answers must be refused by name or imported regraded, never change the attempts
// taken here, and leave every report answering. The arbitraries live in test/support/fuzz-values.ts.
import * as fc from 'fast-check';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/errors';
import type { Learner } from '../shared/types';
import type { AttemptView } from '../shared/contract/quiz';
import { createBackend, type Backend } from './backend';
import { makeTempDir, removeTempDir } from '../../test/support/db';
import { grade } from '../core/grading';
import { MAX_RESULT_BYTES } from '../core/reports/result-file';
import { readAnswer } from '../core/stored-quiz';
import { LessonStore } from './lesson-store';
import { fittingAnswer, kebab, LESSON, mutated } from '../../test/support/fuzz-values';
import { watchFuzz } from '../../test/support/fuzz-oracle';

const { unhandled, logged } = watchFuzz();

/** A results file is input too: what it carries must meet the same rules as the calls that make the same rows. */
describe('contract boundary: results:import holds files to the contract', () => {
  async function withImport(run: (importFile: (edit: (file: Record<string, unknown>) => void) => Promise<Result<unknown>>, backend: Backend) => Promise<void>): Promise<void> {
    const dataDir = makeTempDir('liseuse-fuzz-import-');
    const backend = createBackend({ dataDir, lessonsDir: resolve('resources/lessons'), mode: 'browser', version: '0', logError: () => {} });
    try {
      const ana = (await backend.call('learners:create', { name: 'Ana' })) as Result<Learner>;
      const session = (await backend.call('teacher:setPin', { pin: '246813' })) as Result<{ teacherToken: string }>;
      const exported = (await backend.call('results:export', { learnerId: ana.ok ? ana.value.id : '' })) as Result<{ download: { base64: string } }>;
      if (!ana.ok || !session.ok || !exported.ok) throw new Error('setup failed');
      const file = JSON.parse(Buffer.from(exported.value.download.base64, 'base64').toString('utf8')) as Record<string, unknown>;
      await run(async (edit) => {
        const copy = structuredClone(file);
        edit(copy);
        return backend.call('results:import', { teacherToken: session.value.teacherToken, fileName: 'results.json', content: JSON.stringify(copy) });
      }, backend);
    } finally {
      backend.close();
      removeTempDir(dataDir);
    }
  }

  // Found by this suite: a results file could once bring in names that learners:create refuses.
  it.each(['Bob\u0000', '\u202eevil', 'Zoé\u200b'])('a learner name with control or format characters (%j) is refused, as learners:create refuses it', async (name) => {
    await withImport(async (importFile) => {
      const result = await importFile((file) => {
        file.learner = { ...(file.learner as object), id: '11111111-1111-4111-8111-111111111111', name };
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });

  // Found by this suite: a refusal once quoted the file's bad value whole (100 KB back).
  it('a refused file is named with a short reason, not quoted back', async () => {
    await withImport(async (importFile) => {
      const result = await importFile((file) => {
        file.learner = { ...(file.learner as object), createdAt: 'ÿ'.repeat(100_000) };
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeLessThan(1000);
    });
  });
});

/**
 * Generated results files, as a forger or a broken disk would make them: malformed (random edits of a real file),
 * oversized, forged (full marks, finished, another learner's or this computer's ids, impossible reading time,
 * unknown questions and lessons) and poisoned (answers and question lists of the wrong shape). The oracle: a file
 * is refused by name, or what it wrote is exactly what grade() gives; attempts taken here never change; every
 * report still answers.
 */
describe('contract boundary: generated results files', () => {
  const RUNS = Number(process.env.FUZZ_FILE_RUNS ?? 120);

  it(`${RUNS} malformed, oversized, forged and poisoned files: refused by name, or imported regraded`, { timeout: 240_000 }, async () => {
    const root = makeTempDir('liseuse-fuzz-files-');
    const lessonsDir = resolve('resources/lessons');
    const home = createBackend({ dataDir: join(root, 'home'), lessonsDir, mode: 'browser', version: '0', logError: () => {} });
    const school = createBackend({ dataDir: join(root, 'school'), lessonsDir, mode: 'browser', version: '0', logError: (e) => logged.push(e) });
    const ok = async <T>(result: Promise<Result<unknown>>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    try {
      const quiz = new LessonStore(lessonsDir).quiz(LESSON);
      const byId = new Map(quiz.questions.map((q) => [q.id, q]));
      const ana = await ok<Learner>(home.call('learners:create', { name: 'Ana' }));
      const attempt = await ok<AttemptView>(home.call('quiz:start', { learnerId: ana.id, lessonId: LESSON, kind: 'comprehension' }));
      for (const question of attempt.questions.slice(0, 6)) {
        const answer = fc.sample(fittingAnswer(question), { numRuns: 1, seed: 7 })[0];
        await ok(home.call('quiz:answer', { learnerId: ana.id, attemptId: attempt.id, questionId: question.id, answer, timeMs: 1000 }));
      }
      const { teacherToken } = await ok<{ teacherToken: string }>(school.call('teacher:setPin', { pin: '246813' }));
      const bea = await ok<Learner>(school.call('learners:create', { name: 'Bea' }));
      const local = await ok<AttemptView>(school.call('quiz:start', { learnerId: bea.id, lessonId: LESSON, kind: 'comprehension' }));
      const exported = await ok<{ download: { base64: string } }>(home.call('results:export', { learnerId: ana.id }));
      const base = JSON.parse(Buffer.from(exported.download.base64, 'base64').toString('utf8')) as { attempts: Record<string, unknown>[]; learner: Record<string, unknown>; reading: Record<string, unknown>[] };
      const outcomes = { imported: 0, asked: 0, refused: 0 };
      const localRows = (): unknown => school.db.prepare('SELECT a.*, (SELECT json_group_array(q.id) FROM quiz_answers q WHERE q.attempt_id = a.id) AS answers FROM quiz_attempts a WHERE a.source IS NULL ORDER BY a.id').all();
      const before = localRows();

      const edit = (change: (file: typeof base) => void): typeof base => {
        const copy = structuredClone(base);
        change(copy);
        return copy;
      };
      const answersOf = (file: typeof base) => (file.attempts[0]?.answers ?? []) as Record<string, unknown>[];
      const forged = fc.oneof(
        fc.constant(edit((f) => answersOf(f).forEach((a) => Object.assign(a, { score: 1, verdict: 'correct' })))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { finishedAt: '2026-01-01T10:00:00.000Z', score: 1 }))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { id: local.id }))),
        fc.constant(edit((f) => Object.assign(f.learner, { id: bea.id, name: 'Bea' }))),
        fc.constant(edit((f) => { Object.assign(f.learner, { id: bea.id }); Object.assign(f.attempts[0]!, { id: local.id, finishedAt: '2026-01-01T10:00:00.000Z', score: 1 }); })),
        fc.integer({ min: 0, max: 100_000_000 }).map((seconds) => edit((f) => f.reading.forEach((r) => (r.secondsRead = seconds)))),
        kebab.map((id) => edit((f) => answersOf(f).forEach((a) => (a.questionId = id)))),
        kebab.map((id) => edit((f) => f.attempts.forEach((a) => (a.lessonId = id)))),
        fc.uuid().map((id) => edit((f) => Object.assign(f.learner, { id }))),
        fc.uuid({ version: 4 }).map((id) => edit((f) => Object.assign(f.learner, { id, name: 'Bea' }))),
      );
      const poisoned = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((x) => edit((f) => answersOf(f).forEach((a) => (a.answer = JSON.stringify(x))))),
        fc.string({ maxLength: 40 }).map((x) => edit((f) => answersOf(f).forEach((a) => (a.answer = x)))),
        fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }).map((x) => JSON.stringify(x))).map((x) => edit((f) => (f.attempts[0]!.questions = x))),
        fc.constant(edit((f) => Object.assign(f.attempts[0]!, { kind: 'vocabulary' }))),
      );
      const oversized = fc.constantFrom('x', 'é', '\\n').map((unit) => JSON.stringify(base).replace('"learner":', `"pad":"${unit.repeat(Math.ceil((MAX_RESULT_BYTES + 1) / unit.length))}","learner":`));
      const files = fc.oneof(
        { arbitrary: mutated(base).map((x) => JSON.stringify(x, (_k, y: unknown) => (typeof y === 'bigint' ? Number(y) : y)) ?? ''), weight: 3 },
        { arbitrary: forged.map((x) => JSON.stringify(x)), weight: 3 },
        { arbitrary: poisoned.map((x) => JSON.stringify(x)), weight: 2 },
        { arbitrary: oversized, weight: 1 },
      );

      await fc.assert(
        fc.asyncProperty(files, fc.constantFrom(undefined, 'merge', 'keep-both'), async (content, sameName) => {
          const result = await school.call('results:import', { teacherToken, fileName: 'gen.json', content, ...(sameName ? { sameName } : {}) });
          outcomes[result.ok ? ('needsDecision' in (result.value as object) ? 'asked' : 'imported') : 'refused']++;
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_input');
            expect(result.error.message).toMatch(/^gen\.json: |^content: A results file is at most/);
          }
          expect(localRows()).toEqual(before);
          const stored = school.db.prepare(`SELECT q.question_id, q.answer, q.score, q.verdict FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.source IS NOT NULL AND a.kind = 'comprehension'`).all() as { question_id: string; answer: string; score: number; verdict: string }[];
          for (const row of stored) {
            const question = byId.get(row.question_id);
            const answer = readAnswer(row.answer);
            expect(question && answer, row.question_id).toBeTruthy();
            if (question && answer) expect({ score: row.score, verdict: row.verdict }).toEqual({ score: grade(question, answer).score, verdict: grade(question, answer).verdict });
          }
          for (const learner of await ok<Learner[]>(school.call('learners:list', {}))) {
            await ok(school.call('reports:learner', { teacherToken, lessonId: LESSON, learnerId: learner.id }));
            await ok(school.call('quiz:overview', { learnerId: learner.id, lessonId: LESSON }));
          }
          await ok(school.call('reports:class', { teacherToken, lessonId: LESSON }));
        }),
        { numRuns: RUNS },
      );
      console.log(`results-file fuzz: ${RUNS} generated files: ${outcomes.imported} imported (regraded), ${outcomes.asked} asked about a same-name learner, ${outcomes.refused} refused by name`);
      // In contract.fuzz.test.ts the HTTP fuzz that ran next checked these for this section too.
      expect(logged).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      home.close();
      school.close();
      removeTempDir(root);
    }
  });
});
