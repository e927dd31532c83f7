// Issue 6 rows: the class report on a class's worth of results, and importing a class's results files. Measured
// through browser mode when the contract has the calls; otherwise the rows say so and show no figure.
import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson } from '../../src/core/lesson';
import { loadQuiz } from '../../src/core/quiz';
import { CALL_NAMES } from '../../src/shared/contract/call-names';
import { startApp, type App } from '../lib/app';
import { ARTICLE_DIR, ARTICLE_ID, readLessonFiles } from '../../test/support/article';
import { seed } from '../lib/seed';
import { sample, summarise } from '../lib/stats';
import type { Row } from '../lib/table';

const CLASS = { learners: 1_000, questions: 20, attemptsPerLearner: 5 };
const PIN = '246813';
const REPORT_SAMPLING = { warmup: 1, runs: 3 };
const REPORT_WHAT = `class report (${CLASS.learners.toLocaleString('en')} learners × ${CLASS.questions} questions × ${CLASS.attemptsPerLearner} attempts, reports:class)`;
const IMPORT_WHAT = `import ${CLASS.learners.toLocaleString('en')} results files (results:import each, total)`;
const CSV_WHAT = 'class summary CSV export of that class (reports:export csv)';
const PDF_WHAT = 'class report PDF export of that class (reports:export pdf)';

const built = (name: string): boolean => (CALL_NAMES as readonly string[]).includes(name);

/** A lessons folder holding the article with a 20-question quiz (its first 20 questions). */
function lessonsWith20Questions(work: string): string {
  const lessonsDir = join(work, 'lessons-class');
  cpSync(ARTICLE_DIR, join(lessonsDir, ARTICLE_ID), { recursive: true });
  const quiz = JSON.parse(readFileSync(join(ARTICLE_DIR, 'quiz.json'), 'utf8')) as { questions: unknown[] };
  writeFileSync(join(lessonsDir, ARTICLE_ID, 'quiz.json'), JSON.stringify({ ...quiz, questions: quiz.questions.slice(0, CLASS.questions) }));
  return lessonsDir;
}

async function unlock(app: App): Promise<string> {
  return (await app.call<{ teacherToken: string }>('teacher:setPin', { pin: PIN })).teacherToken;
}

/** The floor of a report: its answers (by far most of its rows), read with one query in this process. */
function readAnswers(dataDir: string): number {
  const db = new Database(join(dataDir, 'liseuse.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT q.attempt_id, q.question_id, q.answer, q.score, q.verdict, q.time_ms, q.answered_at
         FROM quiz_answers q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.lesson_id = ?`,
      )
      .all(ARTICLE_ID).length;
  } finally {
    db.close();
  }
}

export async function reportRows(work: string): Promise<Row[]> {
  if (!built('reports:class') || !built('results:import') || !built('results:export')) {
    return [REPORT_WHAT, CSV_WHAT, PDF_WHAT, IMPORT_WHAT].map((what) => ({ what, unit: 'ms', status: 'not built yet (issue 6)' }));
  }
  const lessonsDir = lessonsWith20Questions(work);
  const files = readLessonFiles(join(lessonsDir, ARTICLE_ID));
  const { questions } = loadQuiz(readFileSync(join(lessonsDir, ARTICLE_ID, 'quiz.json'), 'utf8'), loadLesson(files));
  const classDir = join(work, 'data-class');
  const seeded = seed(classDir, { learners: CLASS.learners, attemptsPerLearner: CLASS.attemptsPerLearner, lessonId: ARTICLE_ID, questions });

  // The class's own computer: the class report, then each learner's results file (not timed).
  const source = await startApp({ dataDir: classDir, lessonsDir });
  const results: { fileName: string; content: string }[] = [];
  let reportTimes: number[];
  let csvTimes: number[];
  let pdfTimes: number[];
  const floorTimes: number[] = [];
  try {
    const teacherToken = await unlock(source);
    // The floor is measured right after each report, so both see the same machine.
    reportTimes = await sample(REPORT_SAMPLING, async () => {
      const start = performance.now();
      await source.call('reports:class', { teacherToken, lessonId: ARTICLE_ID });
      const ms = performance.now() - start;
      const floorStart = performance.now();
      readAnswers(classDir);
      floorTimes.push(performance.now() - floorStart);
      return ms;
    });
    // The exports the issue budgets: the class summary as CSV and the class report as PDF (browser mode: bytes back).
    const timeExport = (format: 'csv' | 'pdf') =>
      sample(REPORT_SAMPLING, async () => {
        const start = performance.now();
        await source.call('reports:export', { teacherToken, lessonId: ARTICLE_ID, report: 'class', format });
        return performance.now() - start;
      });
    csvTimes = await timeExport('csv');
    pdfTimes = await timeExport('pdf');
    for (const learner of await source.call<{ id: string }[]>('learners:list')) {
      const outcome = await source.call<{ download?: { fileName: string; base64: string } }>('results:export', { learnerId: learner.id });
      if (!outcome.download) throw new Error('results:export gave no download in browser mode');
      results.push({ fileName: outcome.download.fileName, content: Buffer.from(outcome.download.base64, 'base64').toString('utf8') });
    }
  } finally {
    await source.stop();
  }
  // The teacher's computer: a fresh database, every file imported in turn, as the teacher's screen sends them.
  const teacher = await startApp({ dataDir: join(work, 'data-teacher'), lessonsDir });
  const importTimes: number[] = [];
  try {
    const teacherToken = await unlock(teacher);
    for (const file of results) {
      const start = performance.now();
      await teacher.call('results:import', { teacherToken, fileName: file.fileName, content: file.content });
      importTimes.push(performance.now() - start);
    }
  } finally {
    await teacher.stop();
  }
  const fileBytes = results.map((f) => Buffer.byteLength(f.content));
  return [
    {
      what: REPORT_WHAT,
      unit: 'ms',
      stat: 'median',
      value: summarise(reportTimes).median,
      budget: { max: 500 },
      floor: summarise(floorTimes.slice(REPORT_SAMPLING.warmup)).median,
      floorWhat: 'one SQL read of its answers',
      details: { ...seeded, ...REPORT_SAMPLING, timesMs: reportTimes, floorTimesMs: floorTimes.slice(REPORT_SAMPLING.warmup) },
    },
    { what: CSV_WHAT, unit: 'ms', stat: 'median', value: summarise(csvTimes).median, budget: { max: 1000 }, details: { timesMs: csvTimes } },
    { what: PDF_WHAT, unit: 'ms', stat: 'median', value: summarise(pdfTimes).median, budget: { max: 5000 }, details: { timesMs: pdfTimes } },
    {
      what: IMPORT_WHAT,
      unit: 'ms',
      value: importTimes.reduce((sum, ms) => sum + ms, 0),
      budget: { max: 10_000 },
      details: { files: results.length, perFileMs: summarise(importTimes), meanFileBytes: fileBytes.reduce((a, b) => a + b, 0) / fileBytes.length, timesMs: importTimes },
    },
  ];
}
