// Results files are evidence, not truth: what a forged or mistaken file can and cannot do to the teacher's
// computer, through the contract, on real SQLite files.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ImportOutcome } from '../../shared/contract/results';
import type { ExportOutcome, Learner } from '../../shared/types';
import { createBackend, type Backend } from '../backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';

const LESSON = 'kim-russie';
const LESSONS = resolve('resources/lessons');

async function call<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

function downloaded(outcome: ExportOutcome): { fileName: string; text: string } {
  if (!('download' in outcome)) throw new Error('expected a download in browser mode');
  return { fileName: outcome.download.fileName, text: Buffer.from(outcome.download.base64, 'base64').toString('utf8') };
}

interface FileJson {
  source: string;
  learner: { id: string; name: string; createdAt: string };
  lessons?: { id: string; title: string }[];
  attempts: {
    id: string;
    lessonId: string;
    kind: string;
    questions: string;
    finishedAt: string | null;
    score: number | null;
    answers: { id: string; questionId: string; answer: string; score: number; verdict: string }[];
  }[];
  lookups: { lessonId: string }[];
  reading: { lessonId: string; secondsRead: number }[];
}

describe('importing results files', () => {
  let home: string;
  let school: string;
  let learnerComputer: Backend;
  let teacherComputer: Backend;
  let token: string;
  let lea: Learner;

  beforeEach(async () => {
    home = makeTempDir();
    school = makeTempDir();
    learnerComputer = createBackend({ dataDir: home, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    teacherComputer = createBackend({ dataDir: school, lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    lea = await call(learnerComputer, 'learners:create', { name: 'Léa' });
    token = (await call(teacherComputer, 'teacher:setPin', { pin: '123456' })).teacherToken;
  });

  afterEach(() => {
    learnerComputer.close();
    teacherComputer.close();
    removeTempDir(home);
    removeTempDir(school);
  });

  /** Léa's file after one wrong answer to "trip-length" (the trip lasted seven days) and five minutes of reading. */
  async function leasFile(): Promise<FileJson> {
    const attempt = await call(learnerComputer, 'quiz:start', { learnerId: lea.id, lessonId: LESSON, kind: 'comprehension' });
    await call(learnerComputer, 'quiz:answer', { learnerId: lea.id, attemptId: attempt.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'trois jours' }, timeMs: 900 });
    await call(learnerComputer, 'reading:addTime', { learnerId: lea.id, lessonId: LESSON, seconds: 300 });
    return JSON.parse(downloaded(await call(learnerComputer, 'results:export', { learnerId: lea.id })).text) as FileJson;
  }

  const importing = (file: unknown, fileName = 'lea.json', extra: Partial<CallInput<'results:import'>> = {}) =>
    teacherComputer.call('results:import', { teacherToken: token, fileName, content: JSON.stringify(file), ...extra });

  async function refused(file: unknown, reason: RegExp, fileName = 'forged.json'): Promise<void> {
    const result = await importing(file, fileName);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) {
      expect(result.error.message.startsWith(`${fileName}:`)).toBe(true);
      expect(result.error.message).toMatch(reason);
    }
    expect(await call(teacherComputer, 'learners:list', {})).toEqual([]);
  }

  it('regrades every answer: a wrong answer marked correct, and a score of 100 % for one answer, count for what they are', async () => {
    const file = await leasFile();
    const attempt = file.attempts[0]!;
    attempt.answers[0]!.score = 1;
    attempt.answers[0]!.verdict = 'correct';
    attempt.finishedAt = '2026-01-01T10:00:00.000Z';
    attempt.score = 1;
    await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    const report = await call(teacherComputer, 'reports:learner', { teacherToken: token, lessonId: LESSON, learnerId: lea.id });
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]).toMatchObject({ finishedAt: null, score: null });
    expect(report.attempts[0]!.answers).toEqual([expect.objectContaining({ questionId: 'trip-length', verdict: 'wrong', score: 0 })]);
    expect(report.learner.bestScore).toBeNull();
  });

  it('refuses an answer to a question the lesson does not have, naming it', async () => {
    const file = await leasFile();
    file.attempts[0]!.answers[0]!.questionId = 'no-such-question';
    await refused(file, /no-such-question/);
  });

  it('refuses an answer that is valid JSON of the wrong shape', async () => {
    const file = await leasFile();
    file.attempts[0]!.answers[0]!.answer = JSON.stringify({ type: 'multiple', choices: 5 });
    await refused(file, /attempts\.0\.answers\.0\.answer/);
  });

  it('refuses an attempt whose question list is not JSON', async () => {
    const file = await leasFile();
    file.attempts[0]!.questions = 'not json';
    await refused(file, /attempts\.0\.questions/);
  });

  it('refuses a file for a lesson this computer does not have, by title and id', async () => {
    const file = await leasFile();
    for (const a of file.attempts) a.lessonId = 'les-contes';
    file.lessons = [{ id: 'les-contes', title: 'Les Contes' }];
    await refused(file, /Les Contes.*les-contes|les-contes.*Les Contes/);
  });

  it('takes an answer given after hours away from the screen, as quiz:answer took it', async () => {
    const file = await leasFile();
    (file.attempts[0]!.answers[0] as unknown as { timeMs: number }).timeMs = 5 * 3600 * 1000;
    const outcome = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    expect(outcome).toMatchObject({ added: { attempts: 1, answers: 1 } });
  });

  it('refuses a look-up of a word the lesson does not have there', async () => {
    await call(learnerComputer, 'reading:lookup', { learnerId: lea.id, lessonId: LESSON, token: 4, paragraph: 0 });
    const file = await leasFile();
    expect(file.lookups).toHaveLength(1);
    await refused({ ...file, lookups: file.lookups.map((l) => ({ ...l, lemma: 'bidule' })) }, /look-up/);
  });

  it('refuses ten million seconds of reading', async () => {
    const file = await leasFile();
    file.reading[0]!.secondsRead = 10_000_000;
    await refused(file, /reading/);
  });

  it('never closes or rescores an attempt made on this computer, and says nothing changed', async () => {
    const camille = await call(teacherComputer, 'learners:create', { name: 'Camille' });
    const local = await call(teacherComputer, 'quiz:start', { learnerId: camille.id, lessonId: LESSON, kind: 'comprehension' });
    await call(teacherComputer, 'quiz:answer', { learnerId: camille.id, attemptId: local.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'trois jours' }, timeMs: 900 });
    const file = await leasFile();
    // A forged file: Camille's ids (visible to any learner), the attempt "finished" with full marks.
    file.learner = { ...file.learner, id: camille.id, name: 'Camille' };
    const attempt = file.attempts[0]!;
    attempt.id = local.id;
    attempt.finishedAt = '2026-01-01T10:00:00.000Z';
    attempt.score = 1;
    const outcome = (await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'camille.json', content: JSON.stringify(file) })) as ImportOutcome;
    expect(outcome).toMatchObject({ added: { attempts: 0, answers: 0 } });
    const after = await call(teacherComputer, 'quiz:attempt', { learnerId: camille.id, attemptId: local.id });
    expect(after).toMatchObject({ finishedAt: null, score: null, answered: 1 });
  });

  it('never touches a learner other than the one the file is for', async () => {
    const camille = await call(teacherComputer, 'learners:create', { name: 'Camille' });
    const local = await call(teacherComputer, 'quiz:start', { learnerId: camille.id, lessonId: LESSON, kind: 'comprehension' });
    const file = await leasFile();
    file.attempts[0]!.id = local.id;
    await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    expect(await call(teacherComputer, 'quiz:attempt', { learnerId: camille.id, attemptId: local.id })).toMatchObject({ finishedAt: null, answered: 0 });
    const overview = await call(teacherComputer, 'quiz:overview', { learnerId: camille.id, lessonId: LESSON });
    expect(overview.attempts).toHaveLength(1);
  });

  it('asks before putting another computer’s Camille with this one; keep both shows the two apart', async () => {
    const here = await call(teacherComputer, 'learners:create', { name: 'Léa' });
    const file = await leasFile();
    const first = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    expect(first).toMatchObject({ needsDecision: { fileName: 'lea.json', fileLearner: { id: lea.id, name: 'Léa' }, localLearner: { id: here.id, name: 'Léa' } } });
    expect(await call(teacherComputer, 'quiz:overview', { learnerId: here.id, lessonId: LESSON })).toMatchObject({ attempts: [] });

    const kept = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file), sameName: 'keep-both' });
    expect(kept).toMatchObject({ createdLearner: true, added: { attempts: 1, answers: 1 } });
    const names = (await call(teacherComputer, 'learners:list', {})).map((l) => l.name);
    expect(names).toHaveLength(2);
    expect(names).toContain('Léa');
    expect(names.find((n) => n !== 'Léa')).toMatch(/^Léa \(.+\)$/);
    expect(await call(teacherComputer, 'quiz:overview', { learnerId: here.id, lessonId: LESSON })).toMatchObject({ attempts: [] });
  });

  it('merges only when the teacher says so, and an imported attempt is never this computer’s attempt in progress', async () => {
    const here = await call(teacherComputer, 'learners:create', { name: 'Léa' });
    const file = await leasFile();
    const merged = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file), sameName: 'merge' });
    expect(merged).toMatchObject({ learner: 'Léa', createdLearner: false, added: { attempts: 1, answers: 1 } });
    const overview = await call(teacherComputer, 'quiz:overview', { learnerId: here.id, lessonId: LESSON });
    expect(overview.attempts).toHaveLength(1);
    expect(overview.inProgress.comprehension).toBeNull();
    const imported = overview.attempts[0]!;
    const answering = await teacherComputer.call('quiz:answer', { learnerId: here.id, attemptId: imported.id, questionId: 'trip-length', answer: { type: 'short-answer', text: 'sept jours' }, timeMs: 1 });
    expect(answering).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The same file again goes to the same learner without asking.
    const again = await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    expect(again).toMatchObject({ learner: 'Léa', alreadyImported: true });
    // Every record it holds was here already: ignored by id, and counted (one attempt, one answer).
    expect(again).toMatchObject({ added: { attempts: 0, answers: 0 }, duplicates: 2 });
    expect(merged).toMatchObject({ duplicates: 0 });
  });

  it('names exported files so that two Camilles on one day do not collide', async () => {
    const other = createBackend({ dataDir: makeTempDir(), lessonsDir: LESSONS, mode: 'browser', version: 'test' });
    try {
      const a = await call(learnerComputer, 'learners:create', { name: 'Camille' });
      const b = await call(other, 'learners:create', { name: 'Camille' });
      const nameA = downloaded(await call(learnerComputer, 'results:export', { learnerId: a.id })).fileName;
      const nameB = downloaded(await call(other, 'results:export', { learnerId: b.id })).fileName;
      expect(nameA).not.toBe(nameB);
      expect(nameA).toContain(a.id.slice(0, 8));
      expect(nameA).toMatch(/\d{4}-\d{2}-\d{2}-\d{4}/);
    } finally {
      other.close();
    }
  });

  it('exports a vocabulary attempt without its answer key, and the teacher’s computer still grades it', async () => {
    const practice = await call(learnerComputer, 'quiz:start', { learnerId: lea.id, lessonId: LESSON, kind: 'vocabulary' });
    const question = practice.questions[0]!;
    if (question.type !== 'single' && question.type !== 'cloze') throw new Error(`unexpected ${question.type}`);
    const right = question.id.replace(/^vocab-(meaning|cloze)-/, '');
    const answer = question.type === 'single' ? { type: 'single' as const, choice: right } : { type: 'cloze' as const, mode: 'choice' as const, choice: right };
    await call(learnerComputer, 'quiz:answer', { learnerId: lea.id, attemptId: practice.id, questionId: question.id, answer, timeMs: 500 });
    const text = downloaded(await call(learnerComputer, 'results:export', { learnerId: lea.id })).text;
    const file = JSON.parse(text) as FileJson;
    const vocabulary = file.attempts.find((a) => a.kind === 'vocabulary')!;
    expect(vocabulary.questions).not.toMatch(/"correct"/);
    expect(vocabulary.questions).not.toMatch(/"explanation"/);
    await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: text });
    const imported = await call(teacherComputer, 'quiz:attempt', { learnerId: lea.id, attemptId: practice.id });
    expect(imported.feedback[question.id]).toMatchObject({ verdict: 'correct' });
  });

  it('never believes a vocabulary key a file carries, and refuses a vocabulary question the lesson cannot ask', async () => {
    const practice = await call(learnerComputer, 'quiz:start', { learnerId: lea.id, lessonId: LESSON, kind: 'vocabulary' });
    const question = practice.questions.find((q) => q.type === 'single');
    if (!question || question.type !== 'single') throw new Error('expected a meaning question');
    const right = question.id.replace(/^vocab-meaning-/, '');
    const wrong = question.options.find((o) => o.id !== right)!.id;
    await call(learnerComputer, 'quiz:answer', { learnerId: lea.id, attemptId: practice.id, questionId: question.id, answer: { type: 'single', choice: wrong }, timeMs: 500 });
    const file = JSON.parse(downloaded(await call(learnerComputer, 'results:export', { learnerId: lea.id })).text) as FileJson;
    const attempt = file.attempts.find((a) => a.kind === 'vocabulary')!;
    const questions = JSON.parse(attempt.questions) as { id: string; correct?: string; options: { id: string; text: string }[] }[];

    // As an earlier Liseuse wrote it, with a key, here forged to make the wrong choice right.
    attempt.questions = JSON.stringify(questions.map((q) => (q.id === question.id ? { ...q, correct: wrong, explanation: 'forged' } : q)));
    attempt.answers = attempt.answers.map((a) => ({ ...a, score: 1, verdict: 'correct' }));
    await call(teacherComputer, 'results:import', { teacherToken: token, fileName: 'lea.json', content: JSON.stringify(file) });
    const imported = await call(teacherComputer, 'quiz:attempt', { learnerId: lea.id, attemptId: practice.id });
    expect(imported.feedback[question.id]).toMatchObject({ verdict: 'wrong', score: 0 });

    const invented = { id: 'vocab-meaning-bidule', options: [{ id: 'bidule', text: 'a thing' }, { id: wrong, text: 'other' }] };
    attempt.id = crypto.randomUUID();
    attempt.questions = JSON.stringify(questions.map((q) => (q.id === question.id ? { ...q, ...invented } : q)));
    attempt.answers = attempt.answers.map((a) => ({ ...a, id: crypto.randomUUID(), questionId: invented.id, answer: JSON.stringify({ type: 'single', choice: 'bidule' }) }));
    const result = await importing(file, 'invented.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^invented\.json: .*vocab-meaning-bidule/);
  });
});
