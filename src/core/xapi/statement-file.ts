// A statement file (one learner's xAPI statements as a JSON array, docs/xapi-profile.md "Statement files") turned
// back into the v1 results file it stands for, so that the one import checks it with every v1 rule: the schema,
// the lessons, every answer regraded, ids as duplicates, the same-name choice. Pure. Nothing here is believed
// beyond its shape: scores and verdicts are carried only because the v1 shape has them, and are recomputed.
import * as v from 'valibot';
import type { Question } from '../quiz';
import { checkResultFile, readResultJson, ResultFileError, type ResultFile, type ResultFileInput } from '../reports/result-file';
import { answerFromResponse } from './interactions';
import { EXTENSIONS, VERBS, XAPI_BASE } from './profile';
import { lemmaOf, misfit, paragraphOf, schemaOf, tokenOf, type Answered, type Attempt, type Completed, type Parent, type Read, type Status, type Voiding, type WordStatement } from './profile-schemas';
import { durationSeconds } from './read-back';

/**
 * An imported file's text as a results file: a JSON array is a statement file, turned into the v1 file it stands
 * for and then checked as one (so every rule of the import holds for both); anything else is read as a v1 file.
 * Reading a statement file's answers back needs this computer's questions.
 */
export function parseImportedFile(text: string, questionsOf: QuestionsOf): ResultFile {
  const json = readResultJson(text);
  if (!Array.isArray(json)) return checkResultFile(json);
  try {
    return checkResultFile(resultFileFromStatements(json, questionsOf));
  } catch (error) {
    if (error instanceof StatementFileError) throw new ResultFileError(`it is a statement file that cannot be imported: ${error.message}`);
    throw error;
  }
}

/** A statement file's refusal; the results import words it as it words a v1 file's. */
export class StatementFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatementFileError';
  }
}

/** This computer's questions of a lesson version (its quiz), to read response strings back into answers. */
export type QuestionsOf = (lessonId: string, version: number) => readonly Question[] | undefined;
type QuestionOf = (lessonId: string, version: number, questionId: string) => Question | undefined;

/** Each lesson version's questions by id, made once per file however many answers name that version. */
function questionFinder(questionsOf: QuestionsOf): QuestionOf {
  const byVersion = new Map<string, Map<string, Question>>();
  return (lessonId, version, questionId) => {
    // The version first: a number holds no space, so no lesson id can make two keys alike.
    const key = `${version} ${lessonId}`;
    let questions = byVersion.get(key);
    if (!questions) byVersion.set(key, (questions = new Map((questionsOf(lessonId, version) ?? []).map((q) => [q.id, q]))));
    return questions.get(questionId);
  };
}

/** More statements than a learner's 400 days hold many times over; the byte limit usually comes first. */
export const MAX_STATEMENTS = 20_000;

/**
 * The source of a file whose statements name no computer (another tool's, or hand-made): one fixed id, so its
 * reading time is still kept apart from this computer's and a second import does not add it twice.
 */
export const UNKNOWN_SOURCE = '00000000-0000-4000-8000-000000000000';

const LESSONS = `${XAPI_BASE}lessons/`;
/** Enough of a statement to find its schema by verb. */
const Head = v.object({ verb: v.object({ id: v.pipe(v.string(), v.maxLength(1000)) }) });

/** The lesson id an IRI of the profile names (lessons/<id>, or anything under it), or undefined. */
function lessonIdOf(iri: string): string | undefined {
  if (!iri.startsWith(LESSONS)) return undefined;
  const encoded = iri.slice(LESSONS.length).split('/')[0] ?? '';
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

const ext = <T>(extensions: Record<string, unknown> | undefined, key: string): T | undefined => extensions?.[key] as T | undefined;

/**
 * The v1 results file a statement file stands for (as written: answers and question lists as JSON text, to be
 * checked by ResultFileSchema like any file). One learner per file; voided statements (and the answers a regrade's
 * answer replaced) are left out; passed/failed say nothing the completed statement and the answers do not.
 */
export function resultFileFromStatements(statements: readonly unknown[], questionsOf: QuestionsOf): ResultFileInput {
  if (statements.length === 0) throw new StatementFileError('it holds no statements');
  if (statements.length > MAX_STATEMENTS) throw new StatementFileError(`it holds more than ${MAX_STATEMENTS} statements`);
  const answered: Answered[] = [];
  const completed: Completed[] = [];
  const reads: Read[] = [];
  const lookups: WordStatement[] = [];
  const marks: Status[] = [];
  const voided = new Set<string>();
  statements.forEach((statement, i) => {
    const where = `statement ${i + 1}`;
    const head = v.safeParse(Head, statement);
    if (!head.success) throw new StatementFileError(`${where} is not an xAPI statement (${misfit(head.issues)})`);
    const verb = head.output.verb.id;
    const schema = schemaOf(verb);
    if (!schema) throw new StatementFileError(`${where} has the verb "${verb.slice(0, 80)}", which Liseuse does not record`);
    const parsed = v.safeParse(schema, statement);
    if (!parsed.success) throw new StatementFileError(`${where} (${verb.slice(verb.lastIndexOf('/') + 1)}) is not valid at ${misfit(parsed.issues)}`);
    const output = parsed.output as never;
    if (verb === VERBS.answered.id) answered.push(output);
    else if (verb === VERBS.completed.id) completed.push(output);
    else if (verb === VERBS.experienced.id) reads.push(output);
    else if (verb === VERBS.interacted.id) lookups.push(output);
    else if (verb === VERBS.marked.id) marks.push(output);
    else if (verb === VERBS.voided.id) voided.add((output as Voiding).object.id);
  });
  // A regrade's answer names the one it replaces: left out even where the voiding statement did not come along.
  for (const a of answered) if (a.context.statement) voided.add(a.context.statement.id);
  const kept = <T extends { id: string }>(list: T[]): T[] => list.filter((s) => !voided.has(s.id));
  const live = { answered: kept(answered), completed: kept(completed), reads: kept(reads), lookups: kept(lookups), marks: kept(marks) };
  const all = [...live.answered, ...live.completed, ...live.reads, ...live.lookups, ...live.marks];

  // The teacher who voids a regraded answer is not a second learner: the voiding statements are not counted.
  const actors = new Map<string, string | undefined>();
  for (const s of all) actors.set(s.actor.account.name, actors.get(s.actor.account.name) ?? s.actor.name);
  if (actors.size === 0) throw new StatementFileError('it holds no statement of a learner (only voided ones)');
  if (actors.size > 1) {
    const named = [...actors].slice(0, 3).map(([id, name]) => (name ? `${name} (${id.slice(0, 8)})` : id.slice(0, 40)));
    throw new StatementFileError(`it holds the statements of ${actors.size} learners (${named.join(', ')}${actors.size > 3 ? ', …' : ''}); a statement file is one learner’s`);
  }
  const [[learnerId, learnerName]] = [...actors] as [[string, string | undefined]];
  const times = all.map((s) => s.timestamp).sort();
  const computers = all.flatMap((s) => {
    const c = ext<string>((s.context as { extensions?: Record<string, unknown> } | undefined)?.extensions, EXTENSIONS.computer);
    return c ? [c] : [];
  });

  const titles = new Map<string, string>();
  const lessonOf = (s: { context?: { contextActivities?: { parent: Parent[] } } }, where: string): string => {
    for (const parent of s.context?.contextActivities?.parent ?? []) {
      const id = lessonIdOf(parent.id);
      if (id === undefined) continue;
      const title = parent.definition?.name?.fr ?? Object.values(parent.definition?.name ?? {})[0];
      if (title && !titles.has(id)) titles.set(id, title);
      return id;
    }
    throw new StatementFileError(`${where} names no Liseuse lesson`);
  };

  const attempts = attemptsOf(live.answered, live.completed, questionFinder(questionsOf), lessonOf);
  const lookupRecords = live.lookups.map((s) => ({ id: s.id, lessonId: lessonOf(s, `look-up ${s.id}`), ...wordOf(s), at: toIso(s.timestamp) }));
  const statusChanges = live.marks.map((s) => {
    const { paragraph: _paragraph, ...word } = wordOf(s);
    return { id: s.id, lessonId: lessonOf(s, `status ${s.id}`), ...word, status: s.result.extensions[EXTENSIONS.status] as 'new' | 'learning' | 'known', at: toIso(s.timestamp) };
  });
  return {
    format: 'liseuse-results',
    version: 1,
    exportedAt: toIso(times[times.length - 1] as string),
    source: computers[0] ?? UNKNOWN_SOURCE,
    // A name is on every statement of a file Liseuse exports; another tool's file may have none. The learner's own
    // creation time is not in any statement: their first statement's stands for it.
    learner: { id: learnerId, name: learnerName ?? `Learner ${learnerId.slice(0, 8)}`, createdAt: toIso(times[0] as string) },
    lessons: [...titles].map(([id, title]) => ({ id, title })),
    attempts,
    lookups: lookupRecords,
    statusChanges,
    reading: readingOf(live.reads),
  };
}

function wordOf(s: WordStatement): { token: number; paragraph: number; lemma: string } {
  // The statement's paragraph is 1-based (as a reader counts), the file's is the lesson's 0-based index.
  return { token: tokenOf(s), paragraph: paragraphOf(s) - 1, lemma: lemmaOf(s) };
}

/**
 * Seconds per lesson: the running total the last statement carries (seconds-read), or the sum of the statements'
 * durations when that is more (another tool's statements carry no total).
 */
function readingOf(reads: Read[]): ResultFileInput['reading'] {
  const perLesson = new Map<string, { sum: number; total: number }>();
  for (const s of reads) {
    const lessonId = lessonIdOf(s.object.id);
    if (lessonId === undefined) throw new StatementFileError(`reading statement ${s.id} names no Liseuse lesson`);
    const entry = perLesson.get(lessonId) ?? { sum: 0, total: 0 };
    entry.sum += durationSeconds(s.result.duration);
    entry.total = Math.max(entry.total, ext<number>(s.result.extensions, EXTENSIONS.secondsRead) ?? 0);
    perLesson.set(lessonId, entry);
  }
  return [...perLesson].map(([lessonId, { sum, total }]) => ({ lessonId, secondsRead: Math.round(Math.max(sum, total)) }));
}

function attemptsOf(
  answered: Answered[],
  completed: Completed[],
  questionOf: QuestionOf,
  lessonOf: (s: Answered | Completed, where: string) => string,
): ResultFileInput['attempts'] {
  const byRegistration = new Map<string, Answered[]>();
  for (const a of [...answered].sort((x, y) => Date.parse(x.timestamp) - Date.parse(y.timestamp))) {
    const list = byRegistration.get(a.context.registration) ?? [];
    list.push(a);
    byRegistration.set(a.context.registration, list);
  }
  const ends = new Map<string, Completed>();
  for (const c of completed) {
    const before = ends.get(c.context.registration);
    if (!before || c.timestamp > before.timestamp) ends.set(c.context.registration, c);
  }
  // An attempt is rebuilt from its answers; a completed statement whose answers are all gone brings nothing to regrade.
  return [...byRegistration].map(([id, answers]) => {
    const first = answers[0] as Answered;
    const where = `attempt ${id}`;
    const lessonId = lessonOf(first, where);
    const kind = first.context.extensions[EXTENSIONS.quizKind] as 'comprehension' | 'vocabulary';
    const version = (first.context.extensions[EXTENSIONS.lessonVersion] as number | undefined) ?? 1;
    for (const a of answers) {
      const same = lessonOf(a, where) === lessonId && a.context.extensions[EXTENSIONS.quizKind] === kind && ((a.context.extensions[EXTENSIONS.lessonVersion] as number | undefined) ?? 1) === version;
      if (!same) throw new StatementFileError(`${where} mixes lessons, versions or kinds of quiz`);
    }
    const carried = answers.map((a) => a.context.extensions[EXTENSIONS.attempt] as Attempt | undefined).find((x) => x !== undefined);
    if (kind === 'vocabulary' && !carried) {
      throw new StatementFileError(`${where} is vocabulary practice whose statements do not carry its questions (written before Liseuse carried them); it cannot be imported`);
    }
    const questionIds = answers.map((a) => questionIdOf(a, lessonId, where));
    const carriedQuestions = new Map((carried?.questions ?? []).flatMap((q) => (typeof q === 'object' && q !== null && typeof (q as { id?: unknown }).id === 'string' ? [[(q as { id: string }).id, q as Question]] : [])));
    const end = ends.get(id);
    return {
      id,
      lessonId,
      lessonVersion: version,
      kind,
      seed: carried?.seed ?? 0,
      startedAt: toIso(carried?.startedAt ?? startOf(answers)),
      finishedAt: end ? toIso(end.timestamp) : null,
      score: end?.result?.score?.scaled ?? null,
      // Without the extension the attempt asks what it answers (documented default): ids in the order answered.
      questions: JSON.stringify(carried?.questions ?? [...new Set(questionIds)]),
      answers: answers.map((a, i) => {
        const questionId = questionIds[i] as string;
        const question = kind === 'vocabulary' ? carriedQuestions.get(questionId) : questionOf(lessonId, version, questionId);
        if (!question) throw new StatementFileError(`${where} answers question "${questionId.slice(0, 80)}", which lesson "${lessonId}" does not have on this computer`);
        const answer = answerFromResponse(question, a.result.response);
        if (!answer) throw new StatementFileError(`${where}: the response to "${questionId.slice(0, 80)}" is not an answer to that question`);
        return {
          id: a.id,
          questionId,
          answer: JSON.stringify(answer),
          score: a.result.score?.scaled ?? 0,
          verdict: verdictOf(a),
          timeMs: Math.round(durationSeconds(a.result.duration ?? 'PT0S') * 1000),
          answeredAt: toIso(a.timestamp),
        };
      }),
    };
  });
}

function questionIdOf(a: Answered, lessonId: string, where: string): string {
  const prefix = `${LESSONS}${encodeURIComponent(lessonId)}/questions/`;
  if (!a.object.id.startsWith(prefix)) throw new StatementFileError(`${where} answers "${a.object.id.slice(0, 100)}", which is not a question of lesson "${lessonId}"`);
  try {
    return decodeURIComponent(a.object.id.slice(prefix.length));
  } catch {
    throw new StatementFileError(`${where} answers "${a.object.id.slice(0, 100)}", which is not a question id`);
  }
}

/** Only evidence (the import regrades): Liseuse's verdict extension, else what score and success say. */
function verdictOf(a: Answered): 'correct' | 'partial' | 'almost' | 'wrong' | 'awaiting' {
  const given = ext<string>(a.result.extensions, EXTENSIONS.verdict);
  if (given === 'correct' || given === 'partial' || given === 'almost' || given === 'wrong' || given === 'awaiting') return given;
  if (!a.result.score) return 'awaiting';
  return a.result.success ? 'correct' : a.result.score.scaled > 0 ? 'partial' : 'wrong';
}

/** Without EXTENSIONS.attempt: the first answer's time less the time it took. */
function startOf(answers: Answered[]): string {
  const starts = answers.map((a) => Date.parse(a.timestamp) - durationSeconds(a.result.duration ?? 'PT0S') * 1000);
  return new Date(Math.min(...starts)).toISOString();
}

/** The v1 shape takes ISO timestamps with a Z; another tool's "+02:00" is the same instant written so. */
const toIso = (timestamp: string): string => new Date(Date.parse(timestamp)).toISOString();

