// Backend rows: start-up of browser mode to its first answer, and its memory on a database of 100,000 attempts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson } from '../../src/core/lesson';
import { loadQuiz } from '../../src/core/quiz';
import { openDatabase } from '../../src/backend/db/store';
import { memoryOf, startApp } from '../lib/app';
import { ARTICLE_DIR, ARTICLE_ID, readLessonFiles } from '../../test/support/article';
import { seed } from '../lib/seed';
import { sample, summarise } from '../lib/stats';
import type { Row } from '../lib/table';

const LEARNERS = 1_000;
const ATTEMPTS_PER_LEARNER = 100;

function nodeNothing(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - start));
  });
}

export async function startRow(work: string): Promise<Row> {
  // An existing, migrated database: the usual start, not the first one.
  const dataDir = join(work, 'data-start');
  openDatabase(dataDir).close();
  const sampling = { warmup: 1, runs: 7 };
  // The floor is measured right after each start, so both see the same machine.
  const floorTimes: number[] = [];
  const times = await sample(sampling, async () => {
    const app = await startApp({ dataDir });
    await app.call('app:info');
    const ms = performance.now() - app.spawnedAt;
    await app.stop();
    floorTimes.push(await nodeNothing());
    return ms;
  });
  floorTimes.splice(0, sampling.warmup);
  return {
    what: 'backend start (browser mode) to first response (app:info)',
    unit: 'ms',
    stat: 'median',
    value: summarise(times).median,
    budget: { max: 500 },
    floor: summarise(floorTimes).median,
    floorWhat: "node -e ''",
    details: { ...sampling, timesMs: times, floorTimesMs: floorTimes },
  };
}

export async function memoryRow(work: string): Promise<Row> {
  const dataDir = join(work, 'data-memory');
  const article = loadLesson(readLessonFiles(ARTICLE_DIR));
  const { questions } = loadQuiz(readFileSync(join(ARTICLE_DIR, 'quiz.json'), 'utf8'), article);
  // 1,000 learners × 100 attempts on the article, all 23 questions answered: 100,000 attempts, 2.3 million answers.
  const seeded = seed(dataDir, { learners: LEARNERS, attemptsPerLearner: ATTEMPTS_PER_LEARNER, lessonId: ARTICLE_ID, questions });
  const app = await startApp({ dataDir });
  try {
    const idle = memoryOf(app.pid);
    await app.call('lessons:list');
    const afterLessons = memoryOf(app.pid);
    const learners = await app.call<{ id: string }[]>('learners:list');
    const overviewMs: number[] = [];
    for (const learner of learners) {
      const start = performance.now();
      await app.call('quiz:overview', { learnerId: learner.id, lessonId: ARTICLE_ID });
      overviewMs.push(performance.now() - start);
    }
    const after = memoryOf(app.pid);
    return {
      what: `backend memory with ${seeded.attempts.toLocaleString('en')} attempts (RSS after lessons:list + quiz:overview ×${learners.length})`,
      unit: 'MB',
      value: after.rssMB,
      budget: { max: 150 },
      details: { ...seeded, idleRssMB: idle.rssMB, afterLessonsListRssMB: afterLessons.rssMB, peakRssMB: after.peakMB, overviewMs: summarise(overviewMs) },
    };
  } finally {
    await app.stop();
  }
}
