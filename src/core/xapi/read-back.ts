// Statements read back from a school's LRS → the rows the local reports are built from (ReportInput), so the one
// report builder gives the same numbers whichever way the answers came. Pure. Everything here is evidence from
// outside: each statement is checked against the exact shape Liseuse's profile writes (anything else is left out
// with a reason), and scores are recomputed from the answers and the lesson's quiz, never read from the statement.
import * as v from 'valibot';
import { attemptScore } from '../attempt-score';
import { AnswerError, AnswerSchema, grade, type Answer, type Verdict } from '../grading';
import { lemmaKey } from '../lemma-key';
import type { Question, Quiz } from '../quiz';
import type { ReportInput } from '../reports/class-report';
import { asTeacherScore, teacherGrade } from '../teacher-grade';
import { answerFromResponse } from './interactions';
import { attemptIri, EXTENSIONS, lessonIri, questionIri, VERBS, wordIri } from './profile';
import { lemmaOf, misfit, paragraphOf, schemaOf, type Answered, type Completed, type Read, type Status, type Voiding, type WordStatement } from './profile-schemas';

/** The rows of one lesson version a report reads, as ReportInput holds them. */
export type ReadBackRows = Omit<ReportInput, 'lesson' | 'quiz'>;

export interface Skipped {
  /** The statement's id when it has a readable one. */
  statementId: string | null;
  reason: string;
}

export interface ReadBack {
  rows: ReadBackRows;
  /** Every lesson version with comprehension answers or attempts in the statements, lowest first. */
  versions: number[];
  /** How many statements were read, and how many of them went into the rows (the rest: skipped or not for this report). */
  read: number;
  used: number;
  skipped: Skipped[];
  /** Distinct learners and computers (the computer extension) seen in the statements used. */
  learnerCount: number;
  computerCount: number;
}

export interface ReadBackLesson {
  id: string;
  /** The version reported on: only its attempts and answers are read. */
  version: number;
  /** That version's quiz, as this computer grades it (the teacher's accepted answers included). */
  quiz: Quiz | undefined;
  /** How many paragraphs the lesson has: a look-up elsewhere is refused. */
  paragraphCount: number;
}


/** Seconds of an ISO duration of the form Liseuse writes (PT#H#M#S). */
export function durationSeconds(duration: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration);
  if (!match) return 0;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

const idOf = (statement: unknown): string | null => {
  const id = (statement as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
};

/** The lesson a statement is about: its parent, or its object for a lesson read. */
const isParent = (context: { contextActivities?: { parent?: { id: string }[] } } | undefined, iri: string): boolean =>
  context?.contextActivities?.parent?.some((p) => p.id === iri) ?? false;

const versionOf = (context: { extensions: Record<string, unknown> }): number => (context.extensions[EXTENSIONS.lessonVersion] as number | undefined) ?? 1;

/** Sorts by timestamp, then by id: the same order whichever order the LRS paged them in. */
const byTime = <T extends { timestamp: string; id: string }>(a: T, b: T): number => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Plain code-unit order, as SQLite's default collation sorts question ids in the local reports.
const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows a report of `lesson` reads, from the statements of every computer. Statements of other lessons, other
 * versions and vocabulary practice are read but not used; statements that do not fit the profile are skipped with
 * a reason. Voided statements are left out (an LRS already hides them; a voiding statement among these hides its
 * target too), and a regrade's new `answered` statement supersedes the one it names in context.statement.
 */
export function readBack(statements: readonly unknown[], lesson: ReadBackLesson): ReadBack {
  const skipped: Skipped[] = [];
  const skip = (statement: unknown, reason: string): void => void skipped.push({ statementId: idOf(statement), reason });
  const lessonId = lessonIri(lesson.id);
  const questionPrefix = `${lessonId}/questions/`;
  const comprehensionIri = attemptIri(lesson.id, 'comprehension');
  const questions = new Map((lesson.quiz?.questions ?? []).map((q) => [q.id, q]));

  const answered: Answered[] = [];
  const completed: Completed[] = [];
  const reads: Read[] = [];
  const lookups: WordStatement[] = [];
  const marks: Status[] = [];
  const voided = new Set<string>();
  const seenIds = new Set<string>();
  const versions = new Set<number>();
  let used = 0;

  for (const statement of statements) {
    const verbId = (statement as { verb?: { id?: unknown } } | null)?.verb?.id;
    const schema = schemaOf(verbId);
    if (!schema) {
      skip(statement, `its verb ${typeof verbId === 'string' ? `"${verbId.slice(0, 100)}"` : ''} is not one Liseuse sends`.replace('  ', ' '));
      continue;
    }
    const parsed = v.safeParse(schema, statement);
    if (!parsed.success) {
      skip(statement, misfit(parsed.issues));
      continue;
    }
    const s = parsed.output;
    if (seenIds.has(s.id)) {
      // The same statement twice (a page overlap): once is enough; ids are what make resends idempotent.
      continue;
    }
    seenIds.add(s.id);
    if (s.verb.id === VERBS.voided.id) {
      voided.add((s as Voiding).object.id);
      continue;
    }
    if (s.verb.id === VERBS.answered.id) {
      const a = s as Answered;
      if (!a.object.id.startsWith(questionPrefix) || !isParent(a.context, lessonId)) continue;
      if (a.context.extensions[EXTENSIONS.quizKind] !== 'comprehension') continue;
      versions.add(versionOf(a.context));
      if (versionOf(a.context) === lesson.version) answered.push(a);
    } else if (s.verb.id === VERBS.completed.id) {
      const c = s as Completed;
      if (c.object.id !== comprehensionIri || !isParent(c.context, lessonId)) continue;
      versions.add(versionOf(c.context));
      if (versionOf(c.context) === lesson.version) completed.push(c);
    } else if (s.verb.id === VERBS.experienced.id) {
      const r = s as Read;
      if (r.object.id === lessonId) reads.push(r);
    } else if (s.verb.id === VERBS.interacted.id || s.verb.id === VERBS.marked.id) {
      const w = s as WordStatement;
      if (!isParent(w.context, lessonId)) continue;
      const lemma = lemmaOf(w);
      if (w.object.id !== wordIri(lemma)) {
        skip(statement, 'its word activity does not name the lemma it carries');
        continue;
      }
      if (paragraphOf(w) > lesson.paragraphCount) {
        skip(statement, `paragraph ${paragraphOf(w)} is not in the lesson (${lesson.paragraphCount} paragraphs)`);
        continue;
      }
      if (s.verb.id === VERBS.interacted.id) lookups.push(w);
      else marks.push(s as Status);
    }
  }

  const learners = new Map<string, string>();
  const computers = new Set<string>();
  const seen = (statement: { actor: { account: { name: string }; name?: string | undefined }; context?: { extensions?: Record<string, unknown> | undefined } | undefined }): void => {
    used += 1;
    const id = statement.actor.account.name;
    const name = statement.actor.name;
    if (name || !learners.has(id)) learners.set(id, name || id);
    const computer = statement.context?.extensions?.[EXTENSIONS.computer];
    if (typeof computer === 'string') computers.add(computer);
  };

  // ---- Answers: the latest grade of each, each regraded from the answer itself ----
  const live = answered.filter((a) => !voided.has(a.id));
  const superseded = new Set(live.flatMap((a) => (a.context.statement ? [a.context.statement.id] : [])));
  const attemptOwner = new Map<string, string>();
  const owns = (statement: { id: string; actor: { account: { name: string } }; context: { registration: string } }, raw: unknown): boolean => {
    const owner = attemptOwner.get(statement.context.registration);
    if (owner === undefined) attemptOwner.set(statement.context.registration, statement.actor.account.name);
    else if (owner !== statement.actor.account.name) {
      skip(raw, `attempt ${statement.context.registration} belongs to another learner`);
      return false;
    }
    return true;
  };
  const answers = new Map<string, { statement: Answered; answer: Answer; question: Question; score: number; verdict: Verdict }>();
  for (const a of live.sort(byTime)) {
    if (superseded.has(a.id)) continue;
    const questionId = decodeURIComponent(a.object.id.slice(questionPrefix.length));
    const question = questions.get(questionId);
    if (!question || a.object.id !== questionIri(lesson.id, questionId)) {
      skip(a, `question "${questionId.slice(0, 100)}" is not in version ${lesson.version} of the lesson's quiz`);
      continue;
    }
    const candidate = answerFromResponse(question, a.result.response);
    const checked = candidate && v.safeParse(AnswerSchema, candidate);
    if (!checked?.success) {
      skip(a, `its response is not an answer to question "${questionId}"`);
      continue;
    }
    let scored: { score: number; verdict: Verdict };
    try {
      scored = grade(question, checked.output);
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error;
      skip(a, `its response does not fit question "${questionId}": ${error.message}`);
      continue;
    }
    if (question.type === 'open') {
      // Only the teacher grades an open answer; the grade is theirs, on their scale of 25 % steps, and it comes
      // from the regrade (a statement that replaces the learner's own). An ungraded answer awaits.
      const teacher = a.context.statement && a.result.score ? asTeacherScore(a.result.score.scaled) : null;
      if (a.context.statement && a.result.score && teacher === null) {
        skip(a, `the teacher's grade ${a.result.score.scaled} is not one of Liseuse's steps`);
        continue;
      }
      scored = teacher === null ? { score: 0, verdict: 'awaiting' } : teacherGrade(teacher);
    }
    const key = `${a.context.registration}|${questionId}`;
    if (answers.has(key)) {
      skip(a, `a second answer to question "${questionId}" in the same attempt`);
      continue;
    }
    if (!owns(a, a)) continue;
    answers.set(key, { statement: a, answer: checked.output, question, score: scored.score, verdict: scored.verdict });
  }

  // ---- Attempts: one per registration; finished when a `completed` statement says so ----
  const finishedAt = new Map<string, Completed>();
  for (const c of completed.filter((c) => !voided.has(c.id)).sort(byTime)) {
    if (finishedAt.has(c.context.registration) || !owns(c, c)) continue;
    finishedAt.set(c.context.registration, c);
  }
  const answersOf = new Map<string, { statement: Answered; questionId: string; answer: Answer; score: number; verdict: Verdict }[]>();
  for (const [key, a] of answers) {
    const [registration, questionId] = key.split('|') as [string, string];
    const list = answersOf.get(registration) ?? [];
    list.push({ ...a, questionId });
    answersOf.set(registration, list);
  }
  const questionCount = lesson.quiz?.questions.length ?? 0;
  const attempts: ReadBackRows['attempts'] = [];
  for (const registration of new Set([...answersOf.keys(), ...finishedAt.keys()])) {
    const given = answersOf.get(registration) ?? [];
    const done = finishedAt.get(registration);
    // A finished attempt started `duration` before it finished; an unfinished one at its first answer at the latest.
    const firstAnswer = given.map((a) => a.statement.timestamp).sort((x, y) => Date.parse(x) - Date.parse(y))[0];
    const startedMs = done ? Date.parse(done.timestamp) - Math.round(durationSeconds(done.result?.duration ?? 'PT0S') * 1000) : Date.parse(firstAnswer ?? '');
    const finished = done !== undefined && given.length > 0;
    attempts.push({
      id: registration,
      learnerId: attemptOwner.get(registration) ?? '',
      startedAt: new Date(startedMs).toISOString(),
      finishedAt: finished ? new Date(Date.parse(done.timestamp)).toISOString() : null,
      // Recomputed from the answers as the attempt's own score is on the computer that took it.
      score: finished ? attemptScore(given, questionCount).score : null,
    });
    for (const a of given) seen(a.statement);
    if (done) seen(done);
  }
  // Chronological, as the local rows are read; the report sums scores attempt by attempt in this order.
  attempts.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || codeUnitOrder(a.id, b.id));
  const attemptOrder = new Map(attempts.map((a, i) => [a.id, i]));
  const answerRows: ReadBackRows['answers'] = [...answersOf]
    .flatMap(([registration, given]) =>
      given.map((a) => ({
        attemptId: registration,
        questionId: a.questionId,
        answer: JSON.stringify(a.answer),
        score: a.score,
        verdict: a.verdict,
        timeMs: Math.round(durationSeconds(a.statement.result.duration ?? 'PT0S') * 1000),
        answeredAt: new Date(Date.parse(a.statement.timestamp)).toISOString(),
        teacherComment: typeof a.statement.result.extensions?.[EXTENSIONS.teacherComment] === 'string' ? (a.statement.result.extensions[EXTENSIONS.teacherComment] as string).slice(0, 1000) : null,
      })),
    )
    .sort((a, b) => (attemptOrder.get(a.attemptId) ?? 0) - (attemptOrder.get(b.attemptId) ?? 0) || codeUnitOrder(a.questionId, b.questionId));

  // ---- Reading, look-ups, statuses ----
  // A Map first: a learner id such as "__proto__" must become an own key, not reach a prototype.
  const reading = new Map<string, number>();
  for (const r of reads.filter((r) => !voided.has(r.id))) {
    const id = r.actor.account.name;
    // Each statement carries the seconds read since the one before: their sum is the time read on every computer.
    reading.set(id, (reading.get(id) ?? 0) + Math.round(durationSeconds(r.result.duration)));
    seen(r);
  }
  const readingSeconds: Record<string, number> = Object.fromEntries(reading);
  const lookupRows = lookups
    .filter((l) => !voided.has(l.id))
    .sort(byTime)
    .map((l) => {
      seen(l);
      return { learnerId: l.actor.account.name, lemma: lemmaKey(lemmaOf(l)), paragraph: paragraphOf(l) - 1 };
    });
  // A word's status is the last one set (per learner and lemma, as this computer keeps it).
  const status = new Map<string, { learnerId: string; status: string }>();
  for (const m of marks.filter((m) => !voided.has(m.id)).sort(byTime)) {
    seen(m);
    status.set(`${m.actor.account.name}|${lemmaKey(lemmaOf(m))}`, { learnerId: m.actor.account.name, status: m.result.extensions[EXTENSIONS.status] as string });
  }
  const statusCounts = new Map<string, { learnerId: string; status: 'learning' | 'known'; count: number }>();
  for (const s of status.values()) {
    if (s.status !== 'learning' && s.status !== 'known') continue;
    const key = `${s.learnerId}|${s.status}`;
    const entry = statusCounts.get(key) ?? { learnerId: s.learnerId, status: s.status, count: 0 };
    entry.count += 1;
    statusCounts.set(key, entry);
  }

  return {
    rows: {
      learners: [...learners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'fr') || codeUnitOrder(a.id, b.id)),
      attempts,
      answers: answerRows,
      lookups: lookupRows,
      readingSeconds,
      statuses: [...statusCounts.values()],
      regradings: [],
    },
    versions: [...versions].sort((a, b) => a - b),
    read: statements.length,
    used,
    skipped,
    learnerCount: learners.size,
    computerCount: computers.size,
  };
}
