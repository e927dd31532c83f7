// A simulated class of 30 on real SQLite files: the exports read back with real readers (pdfjs-dist, a CSV parser),
// and results files carried between two computers, good and bad.
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../core/grading';
import type { QuestionView } from '../../core/quiz-view';
import { mulberry32 } from '../../core/random';
import type { ClassReport } from '../../shared/contract/reports';
import type { Learner } from '../../shared/types';
import { pdfText } from '../../../test/support/pdf-text';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { callOk, downloadedFile } from '../../../test/support/backend';
import { unpackLesson } from '../../shared/lesson-wire';

const LESSON = 'kim-russie';
const LESSONS = resolve('resources/lessons');
const NAMES = ['Amélie', 'Bruno', 'Chloé', 'Dylan', 'Élodie', 'Fatou', 'Gaël', 'Hélène', 'Inès', 'Jules', 'Kenza', 'Léo', 'Maëlle', 'Noé', 'Océane', 'Paul', 'Quentin', 'Rose', 'Sacha', 'Théo', 'Ulysse', 'Valentin', 'Wassim', 'Xavier', 'Yasmine', 'Zoé', 'Åsa Łukasz', 'O’Brien', '=HYPERLINK("x")', 'Jean-François'];

const call = callOk;
const download = downloadedFile;

/** A plausible answer: right-ish with a learner-specific chance, so the class has a spread of scores. */
function answerFor(question: QuestionView, random: () => number): Answer {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  switch (question.type) {
    case 'true-false':
      return { type: 'true-false', value: random() < 0.6 };
    case 'single':
      return { type: 'single', choice: pick(question.options).id };
    case 'multiple':
      return { type: 'multiple', choices: question.options.filter(() => random() < 0.5).map((o) => o.id) };
    case 'short-answer':
      return { type: 'short-answer', text: pick(['sept jours', 'Tumen', '9', 'neuf', 'je ne sais pas']) };
    case 'cloze':
      return question.mode === 'typed' ? { type: 'cloze', mode: 'typed', text: pick(['blindé', 'blinde', 'armé']) } : { type: 'cloze', mode: 'choice', choice: pick(question.options).id };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.left.map((l) => [l.id, pick(question.right).id])) };
    case 'ordering':
      return { type: 'ordering', order: [...question.items].sort(() => random() - 0.5).map((i) => i.id) };
    case 'open':
      return { type: 'open', text: 'Kim Jong-un est allé en Russie pour rencontrer Vladimir Poutine.' };
  }
}

describe('a class of 30', () => {
  let dir: string;
  let backend: Backend;
  let token: string;
  let learners: Learner[];
  let report: ClassReport;

  beforeAll(async () => {
    dir = makeTempDir();
    backend = createBackend({ dataDir: dir, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    token = (await call(backend, 'teacher:setPin', { pin: '482916' })).teacherToken;
    learners = [];
    const view = unpackLesson(await call(backend, 'lessons:get', { lessonId: LESSON }));
    const words = view.paragraphs.flatMap((p) => p.tokens.filter((t) => t.gloss).map((t) => ({ token: t.i, paragraph: p.index })));
    for (const [n, name] of NAMES.entries()) {
      const learner = await call(backend, 'learners:create', { name });
      learners.push(learner);
      const random = mulberry32(n + 1);
      for (let k = 0; k < 5; k++) {
        const word = words[Math.floor(random() * words.length)]!;
        await call(backend, 'reading:lookup', { learnerId: learner.id, lessonId: LESSON, ...word });
      }
      if (n >= 27) continue; // three learners never take the quiz
      const attempt = await call(backend, 'quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
      for (const question of attempt.questions) {
        await call(backend, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer: answerFor(question, random), timeMs: 1000 + n });
      }
    }
    report = await call(backend, 'reports:class', { teacherToken: token, lessonId: LESSON });
  }, 60_000);

  afterAll(() => {
    backend.close();
    removeTempDir(dir);
  });

  it('the class report lists every learner with last and best scores, and analyses every question', () => {
    expect(report.learners).toHaveLength(30);
    expect(report.learners.filter((l) => l.bestScore !== null)).toHaveLength(27);
    expect(report.questions).toHaveLength(report.lesson.questionCount);
    for (const question of report.questions) {
      // An open answer counts once the teacher has graded it; none is graded here.
      expect([question.answered, question.awaiting]).toEqual(question.type === 'open' ? [0, 27] : [27, 0]);
      if (question.type !== 'open') expect(question.discrimination).not.toBeNull();
      else expect(question.discrimination).toBeNull();
    }
    expect(report.paragraphs.reduce((sum, p) => sum + p.lookups, 0)).toBe(150);
    // Each paragraph is named by its first words, not only its number.
    expect(report.paragraphs[0]?.opening).toMatch(/^Ce voyage, qui a retenu Kim en Russie .*…$/);
  });

  // A longer bound: the first PDF read in a test file loads pdfjs and its worker, seconds on a busy machine.
  it('the PDF read back with pdfjs-dist holds every learner’s name and best score', async () => {
    const pdf = download(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'class', format: 'pdf' }));
    expect(pdf.fileName).toMatch(/^liseuse-kim-russie-class-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(pdf.bytes);
    for (const learner of report.learners) {
      const line = text.split('\n').find((l) => l.includes(learner.name.slice(0, 12)));
      expect(line, learner.name).toBeDefined();
      if (learner.bestScore !== null) expect(text).toContain(`${Math.round(learner.bestScore * 100)}%`);
    }
  }, 20_000);

  it('the attempts CSV has one row per learner × question × attempt, numbers numeric, formulas neutralised', async () => {
    const csv = download(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'attempts', format: 'csv' }));
    const rows = parse(csv.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(27 * report.lesson.questionCount);
    // Scores as percentages with at most one decimal, never 0.3333333333333333; an open answer not graded yet has none.
    const badScores = rows.filter((r) => r.verdict !== 'awaiting the teacher').map((r) => r.score_pct ?? '').filter((score) => !/^(100|\d{1,2}(\.\d)?)$/.test(score));
    expect(rows.filter((r) => r.verdict === 'awaiting the teacher').map((r) => r.score_pct)).toEqual(Array.from({ length: 27 * 2 }, () => ''));
    expect(badScores).toEqual([]);
    expect(rows.some((r) => r.learner === 'Jean-François')).toBe(false); // never took the quiz
    const summary = download(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'class', format: 'csv' }));
    const learners = parse(summary.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(learners).toHaveLength(30);
    // The learner named like a formula comes out as inert text.
    expect(learners.map((l) => l.learner)).toContain(`'=HYPERLINK("x")`);
  });

  it('the attempts CSV gives times in the teacher’s time zone and the right answer beside the given one', async () => {
    const csv = download(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'attempts', format: 'csv', timeZone: 'Pacific/Auckland' }));
    const rows = parse(csv.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const first = learners[0]!;
    const own = await call(backend, 'reports:learner', { teacherToken: token, lessonId: LESSON, learnerId: first.id });
    const started = own.attempts[0]!.startedAt;
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland', dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(started)).replace(', ', ' ');
    const mine = rows.filter((r) => r.learner_id === first.id);
    expect(mine.every((r) => r.attempt_started === local && r.time_zone === 'Pacific/Auckland')).toBe(true);
    const byQuestion = new Map(mine.map((r) => [r.question_id, r]));
    expect(byQuestion.get('trip-length')?.right_answer).toBe('sept jours');
    expect(byQuestion.get('longest-trip')?.right_answer).toBe('True');
    expect(byQuestion.get('journey-home')?.right_answer).toMatch(/^[^|]+ \| [^|]+ \| [^|]+$/);
    expect(byQuestion.get('events-order')?.right_answer).toMatch(/^1\. .* 2\. /);

    const refused = await backend.call('reports:export', { teacherToken: token, lessonId: LESSON, report: 'attempts', format: 'csv', timeZone: 'Mars/Olympus' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('the JSON report carries its format and version', async () => {
    const json = download(await call(backend, 'reports:export', { teacherToken: token, lessonId: LESSON, report: 'class', format: 'json' }));
    expect(JSON.parse(json.bytes.toString('utf8'))).toMatchObject({ format: 'liseuse-class-report', version: 1 });
  });

  it('reports need the teacher unlocked', async () => {
    const locked = await backend.call('reports:class', { teacherToken: 'x'.repeat(43), lessonId: LESSON });
    expect(locked).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('results files between computers', () => {
  let home: string;
  let school: string;
  let learnerComputer: Backend;
  let teacherComputer: Backend;
  let token: string;
  let fileText: string;

  beforeAll(async () => {
    home = makeTempDir();
    school = makeTempDir();
    learnerComputer = createBackend({ dataDir: home, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    teacherComputer = createBackend({ dataDir: school, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    const lea = await call(learnerComputer, 'learners:create', { name: 'Léa' });
    const attempt = await call(learnerComputer, 'quiz:start', { learnerId: lea.id, lessonId: LESSON, kind: 'comprehension' });
    await call(learnerComputer, 'quiz:answer', { learnerId: lea.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' }, timeMs: 900 });
    await call(learnerComputer, 'reading:lookup', { learnerId: lea.id, lessonId: LESSON, token: 4, paragraph: 0 });
    await call(learnerComputer, 'reading:setStatus', { learnerId: lea.id, lessonId: LESSON, token: 4, status: 'known' });
    await call(learnerComputer, 'reading:addTime', { learnerId: lea.id, lessonId: LESSON, seconds: 300 });
    fileText = download(await call(learnerComputer, 'results:export', { learnerId: lea.id })).bytes.toString('utf8');
    token = (await call(teacherComputer, 'teacher:setPin', { pin: '123456' })).teacherToken;
  });

  afterAll(() => {
    learnerComputer.close();
    teacherComputer.close();
    removeTempDir(home);
    removeTempDir(school);
  });

  it('imports a learner’s file once; importing it again changes nothing', async () => {
    const first = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: fileText });
    expect(first).toMatchObject({ learner: 'Léa', createdLearner: true, added: { attempts: 1, answers: 1, lookups: 1, statusChanges: 1 }, alreadyImported: false });
    const again = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: fileText });
    expect(again).toMatchObject({ createdLearner: false, added: { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 }, alreadyImported: true });
    const report = await call(teacherComputer, 'reports:class', { teacherToken: token, lessonId: LESSON });
    expect(report.learners).toEqual([expect.objectContaining({ name: 'Léa', readingSeconds: 300, lookups: 1, known: 1, attempts: 1 })]);
  });

  it.each([
    ['truncated.json', () => fileText.slice(0, Math.floor(fileText.length * 0.6)), /not valid JSON/],
    ['malformed.json', () => fileText.replace('"verdict":"correct"', '"verdict":"brilliant"'), /not valid at attempts\.0\.answers\.0\.verdict/],
    ['future.json', () => fileText.replace('"version":1', '"version":9'), /newer Liseuse/],
    ['notes.txt', () => 'Bonjour, voici mes résultats', /not valid JSON/],
    ['huge.json', () => `{"format":"liseuse-results","pad":"${'é'.repeat(1_100_000)}"}`, /larger than 2 MB/],
    ['evil.json', () => fileText.replace('"learner":', '"__proto__":{"polluted":true},"learner":'), /forbidden key/],
  ])('refuses %s by name with the reason, writing nothing', async (fileName, content, reason) => {
    const before = await call(teacherComputer, 'reports:class', { teacherToken: token, lessonId: LESSON });
    const result = await teacherComputer.call('results:import', { teacherToken: token, fileName, content: content() });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) {
      expect(result.error.message.startsWith(`${fileName}:`)).toBe(true);
      expect(result.error.message).toMatch(reason);
    }
    const after = await call(teacherComputer, 'reports:class', { teacherToken: token, lessonId: LESSON });
    expect(after.learners).toEqual(before.learners);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
