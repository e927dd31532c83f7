// Crash test: browser mode is SIGKILLed while writes are in flight, 100 times on the same data folder. After
// each kill the database must pass PRAGMA integrity_check and hold no half-done transaction; after each restart
// every write whose reply said ok must still be there. Run with `npm run test:kill` after `npm run build`.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attemptScore, type ScoredAnswer } from '../src/core/attempt-score';
import { unpackLesson, type LessonWire } from '../src/shared/lesson-wire';
import { ARTICLE_ID as LESSON } from './support/article';
import { answerFor, type QuestionView } from './support/answers';
import { SERVER_JS, startServerProcess, type ServerProcess } from './support/server';

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 100);
/** Results files imported while the kills land: a couple per round. */
const IMPORT_FILES = Number(process.env.KILL_IMPORT_FILES ?? 2 * ROUNDS);
const KILL_PIN = '864209';
const STATUSES = ['new', 'learning', 'known'] as const;
type Status = (typeof STATUSES)[number];

function startServer(dataDir: string): Promise<ServerProcess> {
  return startServerProcess({ ...process.env, LISEUSE_DATA_DIR: dataDir });
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(server: ServerProcess, name: string, input: unknown): Promise<Reply<T>> {
  const response = await fetch(`${server.origin}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-liseuse-token': server.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Reply<T>;
}

async function must<T>(server: ServerProcess, name: string, input: unknown): Promise<T> {
  const reply = await call<T>(server, name, input);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}


interface Word {
  token: number;
  paragraph: number;
  lemma: string;
}


interface AttemptView {
  id: string;
  finishedAt: string | null;
  answered: number;
  questionCount: number;
  questions: QuestionView[];
  feedback: Record<string, unknown>;
}

interface Expected {
  /** Look-ups seen on disk at the last restart, acknowledged since, and the highest count a reply reported. */
  lookupsOnDisk: number;
  lookupsAcked: number;
  lookupsMaxReported: number;
  /** Status writes acknowledged since the last restart (each is checked through its lemma's final state). */
  statusesAcked: number;
  /** Per lemma: the statuses it may have now (the last acknowledged one, or one sent after it whose reply was lost). */
  statuses: Map<string, Set<Status>>;
  /** Per attempt: the questions whose answers were acknowledged. */
  answers: Map<string, Set<string>>;
}


interface RoundOutcome {
  acknowledged: number;
  sent: number;
}

async function streamAndKill(server: ServerProcess, learnerId: string, words: Word[], expected: Expected, killAfterMs: number, roundNo: number, imports: Imports): Promise<RoundOutcome> {
  let alive = true;
  let acknowledged = 0;
  let sent = 0;
  const write = async <T>(name: string, input: unknown): Promise<Reply<T> | undefined> => {
    sent++;
    try {
      const reply = await call<T>(server, name, input);
      if (reply.ok) acknowledged++;
      return reply;
    } catch {
      return undefined; // the process died with this request in flight: not acknowledged
    }
  };

  const quizLane = async (): Promise<void> => {
    const started = await write<AttemptView>('quiz:start', { learnerId, lessonId: LESSON, kind: 'comprehension' });
    if (!started?.ok) return;
    const attempt = started.value;
    const acked = new Set<string>();
    expected.answers.set(attempt.id, acked);
    for (const question of attempt.questions) {
      if (!alive) return;
      const reply = await write('quiz:answer', { learnerId, attemptId: attempt.id, questionId: question.id, answer: answerFor(question), timeMs: 1000 });
      if (reply === undefined) return;
      if (!reply.ok) throw new Error(`round ${roundNo}: quiz:answer refused: ${reply.error.code}: ${reply.error.message}`);
      acked.add(question.id);
    }
  };

  const lookupLane = async (offset: number): Promise<void> => {
    for (let i = offset; alive; i += 7) {
      const word = words[i % words.length] as Word;
      const reply = await write<{ lookups: number }>('reading:lookup', { learnerId, lessonId: LESSON, token: word.token, paragraph: word.paragraph });
      if (reply === undefined) return;
      if (!reply.ok) throw new Error(`round ${roundNo}: reading:lookup refused: ${reply.error.code}: ${reply.error.message}`);
      expected.lookupsAcked++;
      expected.lookupsMaxReported = Math.max(expected.lookupsMaxReported, reply.value.lookups);
    }
  };

  // Each status lane owns its lemmas, so writes to one lemma are sequential and "the last one" is well defined.
  const statusLane = async (lane: number, lanes: number): Promise<void> => {
    const mine = words.filter((_w, i) => i % lanes === lane);
    for (let i = 0; alive; i++) {
      const word = mine[(i * 5 + roundNo) % mine.length] as Word;
      const status = STATUSES[(i + roundNo + lane) % STATUSES.length] as Status;
      const before = expected.statuses.get(word.lemma) ?? new Set<Status>(['new']);
      // Until the reply comes, either value may be on disk.
      expected.statuses.set(word.lemma, new Set([...before, status]));
      const reply = await write('reading:setStatus', { learnerId, lessonId: LESSON, token: word.token, status });
      if (reply === undefined) return;
      if (!reply.ok) throw new Error(`round ${roundNo}: reading:setStatus refused: ${reply.error.code}: ${reply.error.message}`);
      expected.statuses.set(word.lemma, new Set([status]));
      expected.statusesAcked++;
    }
  };

  // One connection per lane, opened before the clock starts, so the kill lands among writes rather than handshakes.
  const laneCount = 7;
  await Promise.all(Array.from({ length: laneCount }, () => must(server, 'app:info', {})));
  const lanes = [quizLane(), quizLane(), lookupLane(0), lookupLane(3), statusLane(0, 2), statusLane(1, 2), importLane(server, imports, () => alive, roundNo)];
  await new Promise((done) => setTimeout(done, killAfterMs));
  await server.stop('SIGKILL');
  alive = false;
  await Promise.all(lanes);
  return { acknowledged, sent };
}

// ---- imports under the kill: results files from another computer, each all or nothing ----

interface ResultsFile {
  fileName: string;
  content: string;
  learnerId: string;
  attempts: number;
  answers: number;
}

interface Imports {
  teacherToken: string;
  files: ResultsFile[];
  next: number;
  /** Learner ids whose file an import acknowledged. */
  acked: Set<string>;
}

/** Results files made on a second data folder by learners who each finished one attempt and began another. */
async function resultsFilesFromAnotherComputer(count: number): Promise<ResultsFile[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-kill-other-'));
  const other = await startServer(dataDir);
  try {
    const files: ResultsFile[] = [];
    for (let i = 0; i < count; i++) {
      const learner = await must<{ id: string }>(other, 'learners:create', { name: `Import ${i + 1}` });
      let answers = 0;
      for (const take of [Infinity, 3]) {
        const attempt = await must<AttemptView>(other, 'quiz:start', { learnerId: learner.id, lessonId: LESSON, kind: 'comprehension' });
        for (const question of attempt.questions.slice(0, take)) {
          await must(other, 'quiz:answer', { learnerId: learner.id, attemptId: attempt.id, questionId: question.id, answer: answerFor(question), timeMs: 1000 });
          answers++;
        }
      }
      const exported = await must<{ download: { fileName: string; base64: string } }>(other, 'results:export', { learnerId: learner.id });
      files.push({ fileName: exported.download.fileName, content: Buffer.from(exported.download.base64, 'base64').toString('utf8'), learnerId: learner.id, attempts: 2, answers });
    }
    return files;
  } finally {
    other.child.kill('SIGTERM');
    await other.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One lane of the stream: imports the next files one after another until the kill. */
async function importLane(server: ServerProcess, imports: Imports, alive: () => boolean, roundNo: number): Promise<void> {
  while (alive() && imports.next < imports.files.length) {
    const file = imports.files[imports.next++] as ResultsFile;
    let reply;
    try {
      reply = await call(server, 'results:import', { teacherToken: imports.teacherToken, fileName: file.fileName, content: file.content });
    } catch {
      if (process.env.KILL_VERBOSE) console.log(`import in flight at the kill: ${file.fileName} (${performance.now().toFixed(0)})`);
      return; // killed with the import in flight: it may be there whole, or not at all
    }
    if (!reply.ok) throw new Error(`round ${roundNo}: results:import refused: ${reply.error.code}: ${reply.error.message}`);
    imports.acked.add(file.learnerId);
  }
}

/** After the restart: every acknowledged import is there, and every file's learner is there whole or not at all. */
async function checkImports(server: ServerProcess, imports: Imports): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  imports.teacherToken = (await must<{ teacherToken: string }>(server, 'teacher:unlock', { pin: KILL_PIN })).teacherToken;
  // A first import in a fresh process costs a cold start of its code path (~200 ms): pay it before the next clock
  // starts, with a file already in (it changes nothing), so that imports complete within the kill window too.
  const first = imports.files[0];
  if (first) await must(server, 'results:import', { teacherToken: imports.teacherToken, fileName: first.fileName, content: first.content });
  const present = new Set((await must<{ id: string }[]>(server, 'learners:list', {})).map((l) => l.id));
  let checked = 0;
  for (const file of imports.files.slice(0, imports.next)) {
    if (!present.has(file.learnerId)) {
      if (imports.acked.has(file.learnerId)) problems.push(`acknowledged import of ${file.fileName} is missing`);
      continue;
    }
    checked++;
    const overview = await must<{ attempts: { answered: number }[] }>(server, 'quiz:overview', { learnerId: file.learnerId, lessonId: LESSON });
    const answers = overview.attempts.reduce((sum, a) => sum + a.answered, 0);
    if (overview.attempts.length !== file.attempts || answers !== file.answers) {
      problems.push(`import of ${file.fileName} is half done: ${overview.attempts.length}/${file.attempts} attempts, ${answers}/${file.answers} answers`);
    }
  }
  return { problems, checked };
}

// ---- checks ----

/** After the kill, with no process holding the file: integrity, and no transaction seen half-done. */
function checkFileAfterKill(dataDir: string, questionCount: number, functionWords: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const db = new Database(join(dataDir, 'liseuse.db'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 3))}`);
    // A finished attempt has every answer and the score they add up to; an open one is missing some.
    const attempts = db
      .prepare(
        `SELECT a.id, a.finished_at, a.score, a.questions, count(q.id) AS answered,
                json_group_array(json_object('score', q.score, 'verdict', q.verdict)) FILTER (WHERE q.id IS NOT NULL) AS scored
         FROM quiz_attempts a LEFT JOIN quiz_answers q ON q.attempt_id = a.id GROUP BY a.id`,
      )
      .all() as { id: string; finished_at: string | null; score: number | null; questions: string; answered: number; scored: string | null }[];
    for (const a of attempts) {
      const count = (JSON.parse(a.questions) as unknown[]).length;
      if (count !== questionCount) problems.push(`attempt ${a.id} has ${count} questions, the quiz ${questionCount}`);
      if (a.finished_at !== null && a.answered !== count) problems.push(`attempt ${a.id} is finished with ${a.answered}/${count} answers`);
      if (a.finished_at === null && a.answered >= count) problems.push(`attempt ${a.id} has all ${a.answered} answers but is not finished`);
      // The one score rule: open answers awaiting the teacher count in neither the sum nor the number of questions.
      const expected = attemptScore(JSON.parse(a.scored ?? '[]') as ScoredAnswer[], count).score;
      if (a.finished_at !== null && Math.abs((a.score ?? -1) - (expected ?? -1)) > 1e-9) problems.push(`attempt ${a.id} score ${a.score} ≠ ${expected}`);
    }
    // word_status is the latest status_changes row of each lemma, committed together.
    const mismatched = db
      .prepare(
        `SELECT s.learner_id, s.lemma, s.status, (
           SELECT c.status FROM status_changes c WHERE c.learner_id = s.learner_id AND c.lemma = s.lemma ORDER BY c.changed_at DESC, c.rowid DESC LIMIT 1
         ) AS last_change
         FROM word_status s`,
      )
      .all() as { lemma: string; status: string; last_change: string | null }[];
    for (const m of mismatched) if (m.status !== m.last_change) problems.push(`word_status ${m.lemma}=${m.status} but the last status change says ${m.last_change}`);
    const orphans = db
      .prepare('SELECT DISTINCT c.lemma FROM status_changes c LEFT JOIN word_status s ON s.learner_id = c.learner_id AND s.lemma = c.lemma WHERE s.lemma IS NULL')
      .all() as { lemma: string }[];
    for (const o of orphans) problems.push(`status_changes for ${o.lemma} without a word_status row`);
    // Every looked-up word but a function word has its review card (reading:lookup writes both).
    const cardless = db
      .prepare('SELECT DISTINCT l.lemma FROM lookups l LEFT JOIN review_cards r ON r.learner_id = l.learner_id AND r.lemma = l.lemma WHERE r.lemma IS NULL')
      .all() as { lemma: string }[];
    for (const c of cardless) if (!functionWords.has(c.lemma.toLocaleLowerCase('fr'))) problems.push(`look-up of ${c.lemma} committed without its review card (reading:lookup is not one transaction)`);
    // …and every review card comes from a look-up or a status change (reading:setStatus writes the card first).
    const unsourced = db
      .prepare(
        `SELECT r.lemma FROM review_cards r
         WHERE NOT EXISTS (SELECT 1 FROM lookups l WHERE l.learner_id = r.learner_id AND l.lemma = r.lemma)
           AND NOT EXISTS (SELECT 1 FROM status_changes c WHERE c.learner_id = r.learner_id AND c.lemma = r.lemma)`,
      )
      .all() as { lemma: string }[];
    for (const u of unsourced) problems.push(`review card for ${u.lemma} committed without the status change that made it (reading:setStatus is not one transaction)`);
  } finally {
    db.close();
  }
  return problems;
}

/** After the restart, through the API: every acknowledged write is there. Returns the problems and how many writes were checked. */
async function checkAcknowledged(server: ServerProcess, learnerId: string, expected: Expected): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  let checked = 0;
  const learners = await must<{ id: string }[]>(server, 'learners:list', {});
  if (!learners.some((l) => l.id === learnerId)) problems.push('the learner created in round 0 is gone');
  const state = await must<{ lookups: number; statuses: Record<string, Status> }>(server, 'reading:state', { learnerId, lessonId: LESSON });
  checked += expected.lookupsAcked + expected.statusesAcked;
  const least = expected.lookupsOnDisk + expected.lookupsAcked;
  if (state.lookups < least) problems.push(`${state.lookups} look-ups on disk, at least ${least} expected (${expected.lookupsAcked} acknowledged since the restart)`);
  if (state.lookups < expected.lookupsMaxReported) problems.push(`${state.lookups} look-ups on disk, a reply reported ${expected.lookupsMaxReported}`);
  expected.lookupsOnDisk = state.lookups;
  expected.lookupsAcked = 0;
  expected.statusesAcked = 0;
  for (const [lemma, allowed] of expected.statuses) {
    const actual = state.statuses[lemma] ?? 'new';
    if (!allowed.has(actual)) problems.push(`status of ${lemma} is ${actual}, expected ${[...allowed].join(' or ')}`);
    expected.statuses.set(lemma, new Set([actual]));
  }
  for (const [attemptId, questions] of expected.answers) {
    // The attempt itself was an acknowledged quiz:start.
    checked++;
    const found = await call<AttemptView>(server, 'quiz:attempt', { learnerId, attemptId });
    if (!found.ok) {
      problems.push(`acknowledged attempt ${attemptId} is missing: ${found.error.code}`);
      continue;
    }
    const attempt = found.value;
    for (const questionId of questions) {
      checked++;
      if (!(questionId in attempt.feedback)) problems.push(`acknowledged answer to ${questionId} in attempt ${attemptId} is missing`);
    }
    if (attempt.finishedAt !== null && attempt.answered !== attempt.questionCount) problems.push(`attempt ${attemptId} finished with ${attempt.answered}/${attempt.questionCount}`);
  }
  expected.answers.clear();
  return { problems, checked };
}


async function main(): Promise<void> {
  if (!existsSync(SERVER_JS)) {
    console.error(`kill test: ${SERVER_JS} is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'liseuse-kill-'));
  const expected: Expected = { lookupsOnDisk: 0, lookupsAcked: 0, lookupsMaxReported: 0, statusesAcked: 0, statuses: new Map(), answers: new Map() };
  const failures: string[] = [];
  // A half-done write stays in the file until a later write repairs it: report it in the round it appeared.
  const reported = new Set<string>();
  let survived = 0;
  let acknowledgedChecked = 0;
  let acknowledgedTotal = 0;
  let sentTotal = 0;
  const kinds = { lost: 0, integrity: 0, halfDone: 0 };

  const imports: Imports = { teacherToken: '', files: await resultsFilesFromAnotherComputer(IMPORT_FILES), next: 0, acked: new Set() };
  let server = await startServer(dataDir);
  try {
    imports.teacherToken = (await must<{ teacherToken: string }>(server, 'teacher:setPin', { pin: KILL_PIN })).teacherToken;
    const learner = await must<{ id: string }>(server, 'learners:create', { name: 'Kill Test' });
    const lesson = unpackLesson(await must<LessonWire>(server, 'lessons:get', { lessonId: LESSON }));
    const seen = new Set<string>();
    const words: Word[] = [];
    // Function words (articles, clitics…) are looked up but get no review card, by design.
    const functionWords = new Set<string>();
    for (const paragraph of lesson.paragraphs) {
      for (const token of paragraph.tokens) {
        const lemma = token.gloss?.lemma.toLocaleLowerCase('fr');
        if (lemma && token.gloss?.function) functionWords.add(lemma);
        if (!lemma || seen.has(lemma)) continue;
        seen.add(lemma);
        words.push({ token: token.i, paragraph: paragraph.index, lemma });
      }
    }
    const quiz = await must<{ questionCount: number }>(server, 'quiz:overview', { learnerId: learner.id, lessonId: LESSON });

    for (let round = 1; round <= ROUNDS; round++) {
      const killAfterMs = 1 + Math.floor(Math.random() * 150);
      const t0 = performance.now();
      const outcome = await streamAndKill(server, learner.id, words, expected, killAfterMs, round, imports);
      acknowledgedTotal += outcome.acknowledged;
      sentTotal += outcome.sent;
      const t1 = performance.now();
      const fileProblems = checkFileAfterKill(dataDir, quiz.questionCount, functionWords);
      const t2 = performance.now();
      server = await startServer(dataDir);
      const t3 = performance.now();
      // Liseuse puts a damaged database aside and restores a backup: that must never have been needed.
      if (existsSync(join(dataDir, 'damaged'))) fileProblems.push('on restart the database was judged damaged and put aside (damaged/)');
      const newProblems = fileProblems.filter((problem) => !reported.has(problem));
      for (const problem of newProblems) reported.add(problem);
      const acknowledged = await checkAcknowledged(server, learner.id, expected);
      const imported = await checkImports(server, imports);
      const problems = [...acknowledged.problems, ...imported.problems];
      const checked = acknowledged.checked + imported.checked;
      if (process.env.KILL_VERBOSE) {
        const ms = (a: number, b: number): string => (b - a).toFixed(0);
        console.log(
          `round ${round}: killed after ${killAfterMs} ms, ${outcome.acknowledged}/${outcome.sent} acknowledged; ` +
            `stream ${ms(t0, t1)} ms, file check ${ms(t1, t2)} ms, restart ${ms(t2, t3)} ms, read-back ${ms(t3, performance.now())} ms`,
        );
      }
      acknowledgedChecked += checked;
      for (const problem of newProblems) {
        if (/^(integrity_check|foreign_key_check|on restart)/.test(problem)) kinds.integrity++;
        else kinds.halfDone++;
      }
      kinds.lost += problems.length;
      const all = [...newProblems, ...problems];
      if (all.length === 0) survived++;
      else for (const problem of all) failures.push(`round ${round} (killed after ${killAfterMs} ms, ${outcome.acknowledged}/${outcome.sent} acknowledged): ${problem}`);
    }
  } catch (error) {
    failures.push(`the run stopped: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  for (const failure of failures.slice(0, 50)) console.log(`FAIL ${failure}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `rounds survived: ${survived}/${ROUNDS}, acknowledged writes checked: ${acknowledgedChecked} ` +
      `(${acknowledgedTotal} acknowledged of ${sentTotal} sent, in ${seconds} s); ` +
      `${imports.acked.size} results files imported of ${imports.next} sent; ` +
      `problems: ${kinds.lost} acknowledged writes lost or wrong, ${kinds.integrity} integrity, ${kinds.halfDone} half-done writes`,
  );
  process.exit(failures.length === 0 && survived === ROUNDS ? 0 : 1);
}

void main();
