// A statement file carried from one computer to another: exported by the learner's computer (real SQLite, its own
// data folder), imported through the contract into the teacher's, with every rule of the v1 results import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_ID } from '../../../test/support/article';
import { answerFor, type QuestionView } from '../../../test/support/answers';
import { callOk, DICTIONARY_DIR, downloadedFile, errorOf, REAL_LESSONS } from '../../../test/support/backend';
import { makeTempDir, removeTempDir } from '../../../test/support/db';
import { EXTENSIONS, VERBS } from '../../core/xapi';
import type { ImportSummary } from '../../shared/contract/results';
import { createBackend, type Backend } from '../backend';
import { LessonStore } from '../lesson-store';

/** The article's first glossed word. */
const WORD = new LessonStore(REAL_LESSONS).get(ARTICLE_ID).tokens.find((t) => t.gloss)!;

interface Statement {
  id: string;
  actor: { account: { name: string }; name?: string };
  verb: { id: string };
  context?: { registration?: string; extensions?: Record<string, unknown> };
  [key: string]: unknown;
}

describe('importing a statement file', () => {
  const folders: string[] = [];
  const open: Backend[] = [];
  let learnerComputer: Backend;
  let teacherComputer: Backend;
  let teacherToken: string;
  let learnerToken: string;

  const backend = (): Backend => {
    const dataDir = makeTempDir('liseuse-data-');
    folders.push(dataDir);
    const b = createBackend({ dataDir, lessonsDir: REAL_LESSONS, dictionaryDir: DICTIONARY_DIR, mode: 'browser', version: '9.9.9' });
    open.push(b);
    return b;
  };

  beforeEach(async () => {
    learnerComputer = backend();
    teacherComputer = backend();
    learnerToken = (await callOk(learnerComputer, 'teacher:setPin', { pin: '246813' })).teacherToken;
    teacherToken = (await callOk(teacherComputer, 'teacher:setPin', { pin: '123456' })).teacherToken;
  });

  afterEach(() => {
    for (const b of open.splice(0)) b.close();
    for (const dir of folders.splice(0)) removeTempDir(dir);
  });

  /**
   * Léa reads, looks a word up, marks it, takes the whole quiz (with `graded`, the teacher grades her open answer,
   * so the file holds a regrade and its voidings) and starts vocabulary practice, answering one question of it.
   */
  async function leasStatements(graded = false): Promise<{ learnerId: string; statements: Statement[]; fileName: string }> {
    const { id: learnerId } = await callOk(learnerComputer, 'learners:create', { name: 'Léa' });
    await callOk(learnerComputer, 'reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 300 });
    await callOk(learnerComputer, 'reading:addTime', { learnerId, lessonId: ARTICLE_ID, seconds: 45 });
    await callOk(learnerComputer, 'reading:lookup', { learnerId, lessonId: ARTICLE_ID, token: WORD.index, paragraph: WORD.paragraph });
    await callOk(learnerComputer, 'reading:setStatus', { learnerId, lessonId: ARTICLE_ID, token: WORD.index, status: 'learning' });
    const attempt = (await callOk(learnerComputer, 'quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'comprehension' })) as { id: string; questions: QuestionView[] };
    // Graded, the open answer is the attempt's first: the answer whose statement carries the attempt is replaced.
    const order = graded ? [...attempt.questions].sort((a, b) => Number(b.type === 'open') - Number(a.type === 'open')) : attempt.questions;
    for (const question of order) {
      await callOk(learnerComputer, 'quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer: answerFor(question), timeMs: 4000 });
    }
    if (graded) {
      const open = (await callOk(learnerComputer, 'openAnswers:list', { teacherToken: learnerToken, lessonId: ARTICLE_ID })).answers[0]!;
      await callOk(learnerComputer, 'openAnswers:grade', { teacherToken: learnerToken, answerId: open.answerId, score: 1, comment: 'Très bien.' });
    }
    const practice = (await callOk(learnerComputer, 'quiz:start', { learnerId, lessonId: ARTICLE_ID, kind: 'vocabulary' })) as { id: string; questions: QuestionView[] };
    await callOk(learnerComputer, 'quiz:answer', { learnerId, attemptId: practice.id, questionId: practice.questions[0]!.id, answer: answerFor(practice.questions[0]!), timeMs: 2500 });
    const file = downloadedFile(await callOk(learnerComputer, 'results:exportStatements', { learnerId }));
    return { learnerId, statements: JSON.parse(file.bytes.toString('utf8')) as Statement[], fileName: file.fileName };
  }

  const importing = (statements: unknown, fileName = 'lea-statements.json') =>
    teacherComputer.call('results:import', { teacherToken, fileName, content: typeof statements === 'string' ? statements : JSON.stringify(statements) });

  async function refused(statements: unknown, reason: RegExp, fileName = 'forged.json'): Promise<void> {
    const error = errorOf(await importing(statements, fileName));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(fileName);
    expect(error.message).toMatch(reason);
  }

  /**
   * The class report as the teacher reads it: its own time left out, and scores to 12 digits (an import adds an
   * attempt's answers up in another order than the quiz did, which can move the last bit of a float).
   */
  const classReport = async (b: Backend, token: string): Promise<unknown> => {
    const report = await callOk(b, 'reports:class', { teacherToken: token, lessonId: ARTICLE_ID });
    return JSON.parse(JSON.stringify({ ...report, generatedAt: null }), (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(12)) : value));
  };
  const rows = (b: Backend, sql: string, ...params: unknown[]) => b.db.prepare(sql).all(...params);

  it('brings the same learner, attempts, scores, look-ups and reading time as the class report of the computer it came from', async () => {
    const { learnerId, statements, fileName } = await leasStatements();
    const outboxBefore = rows(teacherComputer, 'SELECT id FROM xapi_outbox');

    const outcome = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName, content: JSON.stringify(statements) })) as ImportSummary;
    expect(outcome).toMatchObject({ learner: 'Léa', createdLearner: true, duplicates: 0, alreadyImported: false });
    const answered = statements.filter((s) => s.verb.id === VERBS.answered.id);
    expect(outcome.added).toEqual({ attempts: 2, answers: answered.length, lookups: 1, statusChanges: 1 });

    const there = await classReport(learnerComputer, learnerToken);
    const here = await classReport(teacherComputer, teacherToken);
    expect(here).toEqual(there);
    // And that report is about Léa's work, not an empty one on both sides.
    const lea = (here as { learners: { id: string }[] }).learners.find((l) => l.id === learnerId);
    expect(lea).toMatchObject({ name: 'Léa', finishedAttempts: 1, lookups: 1, learning: 1, readingSeconds: 345 });

    // Vocabulary practice came with its questions (the attempt extension): one answer of a round, unfinished.
    const practice = rows(teacherComputer, "SELECT finished_at, questions FROM quiz_attempts WHERE learner_id = ? AND kind = 'vocabulary'", learnerId) as { finished_at: string | null; questions: string }[];
    expect(practice).toHaveLength(1);
    expect(practice[0]!.finished_at).toBeNull();
    expect((JSON.parse(practice[0]!.questions) as unknown[]).length).toBeGreaterThan(1);
    // Reading: 345 seconds, as on Léa's computer.
    expect(rows(teacherComputer, 'SELECT seconds_read FROM imported_reading WHERE learner_id = ?', learnerId)).toEqual([{ seconds_read: 345 }]);
    // Imported statements belong to the computer that made them: none is queued here for this computer's LRS.
    expect(rows(teacherComputer, 'SELECT id FROM xapi_outbox')).toEqual(outboxBefore);

    // A second import adds nothing; every record is counted as already here.
    const again = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName, content: JSON.stringify(statements) })) as ImportSummary;
    expect(again).toMatchObject({ createdLearner: false, added: { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 }, duplicates: 2 + answered.length + 2, alreadyImported: true });
    expect(await classReport(teacherComputer, teacherToken)).toEqual(there);
  }, 60_000);

  it('leaves out what a regrade voided, and gives what a v1 file of the same learner gives: the open answer awaits this teacher again', async () => {
    const { learnerId, statements } = await leasStatements(true);
    const voidings = statements.filter((s) => s.verb.id === VERBS.voided.id);
    expect(voidings).toHaveLength(3);
    const outcome = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName: 'lea.json', content: JSON.stringify(statements) })) as ImportSummary;
    // One answer per question: the regrade's answer stands for the one it replaced.
    const answers = rows(learnerComputer, 'SELECT id FROM quiz_answers').length;
    expect(outcome.added.answers).toBe(answers);
    const v1Computer = backend();
    const v1Token = (await callOk(v1Computer, 'teacher:setPin', { pin: '135790' })).teacherToken;
    const v1 = downloadedFile(await callOk(learnerComputer, 'results:export', { learnerId }));
    await callOk(v1Computer, 'results:import', { teacherToken: v1Token, fileName: v1.fileName, content: v1.bytes.toString('utf8') });
    expect(await classReport(teacherComputer, teacherToken)).toEqual(await classReport(v1Computer, v1Token));
    // The attempt came whole although its first answer (which carries it) was replaced: its seed and question order.
    const attemptOf = (b: Backend) => rows(b, "SELECT seed, questions, started_at FROM quiz_attempts WHERE kind = 'comprehension'");
    expect(attemptOf(teacherComputer)).toEqual(attemptOf(learnerComputer));
    // A grade is this computer's teacher's to give (scores are recomputed, as for a v1 file).
    const graded = (b: Backend, token: string) => callOk(b, 'openAnswers:list', { teacherToken: token, lessonId: ARTICLE_ID }).then((list) => list.answers.map((a) => a.grade?.score ?? null));
    expect((await graded(learnerComputer, learnerToken)).filter((g) => g !== null)).toEqual([1]);
    expect((await graded(teacherComputer, teacherToken)).every((g) => g === null)).toBe(true);
  }, 60_000);

  it('asks before merging a namesake, as for a v1 file', async () => {
    const { statements } = await leasStatements();
    await callOk(teacherComputer, 'learners:create', { name: 'Léa' });
    const outcome = await callOk(teacherComputer, 'results:import', { teacherToken, fileName: 'lea.json', content: JSON.stringify(statements) });
    expect(outcome).toMatchObject({ needsDecision: { fileLearner: { name: 'Léa' }, localLearner: { name: 'Léa' } } });
    expect(rows(teacherComputer, 'SELECT id FROM quiz_attempts')).toEqual([]);
  }, 60_000);

  it('refuses a file mixing two learners, naming them', async () => {
    const { statements } = await leasStatements();
    const other = statements.filter((s) => s.verb.id === VERBS.interacted.id).map((s) => ({ ...s, id: crypto.randomUUID(), actor: { ...s.actor, account: { ...s.actor.account, name: crypto.randomUUID() }, name: 'Hugo' } }));
    await refused([...statements, ...other], /2 learners \(Léa .*Hugo/);
    expect(rows(teacherComputer, 'SELECT id FROM learners')).toEqual([]);
  }, 60_000);

  it('refuses a hostile array with the reason, and writes nothing', async () => {
    const { statements } = await leasStatements();
    const reading = statements.find((s) => s.verb.id === VERBS.experienced.id)!;
    await refused([...statements, { ...reading, id: crypto.randomUUID(), verb: { id: 'http://example.com/verbs/hacked' } }], /verb "http:\/\/example.com\/verbs\/hacked", which Liseuse does not record/);
    await refused([{ ...reading, id: 42 }], /statement 1 .*is not valid at id/);
    await refused([{ ...reading, result: { duration: 'PT5S', extensions: { [EXTENSIONS.secondsRead]: 'beaucoup' } } }], /seconds-read/);
    await refused(['not a statement', null], /statement 1 is not an xAPI statement/);
    await refused([], /no statements/);
    // A prototype key anywhere is refused while parsing, before any statement is read.
    await refused(`[${JSON.stringify(reading).replace(/^\{/, '{"__proto__":{"x":1},')}]`, /forbidden key "__proto__"/);
    // An answer that names a question the lesson does not have.
    const answer = statements.find((s) => s.verb.id === VERBS.answered.id && s.context?.extensions?.[EXTENSIONS.quizKind] === 'comprehension')!;
    await refused([{ ...answer, object: { ...(answer.object as object), id: `https://liseuse.app/xapi/lessons/${ARTICLE_ID}/questions/no-such-question` } }], /no-such-question/);
    // 10 MB: refused by its size, never parsed.
    const huge = JSON.stringify(Array.from({ length: 10_000 }, () => ({ ...reading, pad: 'x'.repeat(1000) })));
    expect(huge.length).toBeGreaterThan(10_000_000);
    const error = errorOf(await importing(huge));
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(error.message).toMatch(/2 MB/);
    expect(rows(teacherComputer, 'SELECT id FROM learners')).toEqual([]);
  }, 60_000);

  it('reads statements without the attempt extension (from before, or another tool) with the documented defaults', async () => {
    const { learnerId, statements } = await leasStatements();
    const comprehension = statements.filter((s) => s.context?.extensions?.[EXTENSIONS.quizKind] !== 'vocabulary');
    const bare = comprehension.map((s) => {
      if (!s.context?.extensions) return s;
      const { [EXTENSIONS.attempt]: _attempt, [EXTENSIONS.computer]: _computer, ...extensions } = s.context.extensions;
      return { ...s, context: { ...s.context, extensions } };
    });
    const outcome = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName: 'bare.json', content: JSON.stringify(bare) })) as ImportSummary;
    expect(outcome.added.attempts).toBe(1);
    // It asks what it answers: every question answered, so finished, with the same score as there.
    const [there] = rows(learnerComputer, "SELECT score, finished_at FROM quiz_attempts WHERE kind = 'comprehension'") as { score: number }[];
    const [here] = rows(teacherComputer, 'SELECT score, seed, source FROM quiz_attempts WHERE learner_id = ?', learnerId) as { score: number }[];
    expect(here).toMatchObject({ seed: 0, source: '00000000-0000-4000-8000-000000000000' });
    expect(here!.score).toBeCloseTo(there!.score, 12);
    // Vocabulary practice cannot be rebuilt without its questions: the reason says so.
    const vocabulary = statements.filter((s) => s.context?.extensions?.[EXTENSIONS.quizKind] === 'vocabulary');
    const bareVocabulary = vocabulary.map((s) => ({ ...s, context: { ...s.context, extensions: { [EXTENSIONS.quizKind]: 'vocabulary' } } }));
    await refused(bareVocabulary, /vocabulary practice whose statements do not carry its questions/);
  }, 60_000);

  it('adds nothing twice when the same learner’s v1 file came first, nor when the file goes back to the computer that made it', async () => {
    const { learnerId, statements } = await leasStatements(true);
    const v1 = downloadedFile(await callOk(learnerComputer, 'results:export', { learnerId }));
    await callOk(teacherComputer, 'results:import', { teacherToken, fileName: v1.fileName, content: v1.bytes.toString('utf8') });
    const count = (b: Backend) => ['quiz_attempts', 'quiz_answers', 'lookups', 'status_changes'].map((table) => rows(b, `SELECT id FROM ${table}`).length);
    const afterV1 = count(teacherComputer);
    const outcome = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName: 'lea-statements.json', content: JSON.stringify(statements) })) as ImportSummary;
    expect(outcome).toMatchObject({ added: { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 }, alreadyImported: true });
    expect(count(teacherComputer)).toEqual(afterV1);
    // Léa's own computer: her look-up and status change are those records already, by id.
    const before = count(learnerComputer);
    const back = (await callOk(learnerComputer, 'results:import', { teacherToken: learnerToken, fileName: 'lea-statements.json', content: JSON.stringify(statements) })) as ImportSummary;
    expect(back).toMatchObject({ createdLearner: false, added: { attempts: 0, answers: 0, lookups: 0, statusChanges: 0 } });
    expect(count(learnerComputer)).toEqual(before);
  }, 60_000);

  it('still imports a v1 results file', async () => {
    const { learnerId } = await leasStatements();
    const v1 = downloadedFile(await callOk(learnerComputer, 'results:export', { learnerId }));
    const outcome = (await callOk(teacherComputer, 'results:import', { teacherToken, fileName: v1.fileName, content: v1.bytes.toString('utf8') })) as ImportSummary;
    expect(outcome).toMatchObject({ learner: 'Léa', createdLearner: true, added: { attempts: 2, lookups: 1, statusChanges: 1 } });
  }, 60_000);
});
