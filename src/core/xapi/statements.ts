// Pure builders of the statements Liseuse sends: one per learning event. The caller gives each statement its id
// (a UUID made at the event, stored with it, so any resend is the same statement) and the time of the event.
import type { Answer, Verdict } from '../grading';
import type { Question } from '../quiz';
import { interactionDefinition, interactionResponse } from './interactions';
import {
  ACCOUNT_HOME_PAGE,
  ACTIVITY_TYPES,
  attemptIri,
  EXTENSIONS,
  lessonIri,
  PASS_SCALED,
  PROFILE_ID,
  questionIri,
  VERBS,
  wordIri,
  XAPI_VERSION,
  type VerbName,
} from './profile';
import type { Activity, Agent, Context, Result, Statement } from './types';

/** Who did it: the learner's opaque id, and a name only when the teacher turned names on. */
export interface Learner {
  id: string;
  name?: string;
}

/** Where it happened: the lesson (title for the LRS's display) and, for quizzes, the attempt. */
export interface LessonRef {
  id: string;
  title: string;
}

export interface Event {
  /** The statement's id: a UUID made at the event. */
  id: string;
  /** ISO time of the event. */
  at: string;
  learner: Learner;
  lesson: LessonRef;
  /** The opaque id of this copy of Liseuse, so a report read from the LRS can say how many computers it spans. */
  computer?: string;
}

export function agent(learner: Learner): Agent {
  return { objectType: 'Agent', account: { homePage: ACCOUNT_HOME_PAGE, name: learner.id }, ...(learner.name ? { name: learner.name } : {}) };
}

/** The teacher who regrades: one account per installation, never a person's name. */
export const TEACHER_ACCOUNT = 'teacher';

export function lessonActivity(lesson: LessonRef): Activity {
  return { objectType: 'Activity', id: lessonIri(lesson.id), definition: { type: ACTIVITY_TYPES.lesson, name: { fr: lesson.title } } };
}

/** ISO 8601 duration of a span in milliseconds, to the hundredth of a second. */
export function isoDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 10) / 100);
  return `PT${seconds}S`;
}

/** `lesson` is the parent activity, or null when the lesson is the statement's object. */
function context(event: Event, lesson: LessonRef | null, extra: Context = {}): Context {
  const extensions = { ...extra.extensions, ...(event.computer ? { [EXTENSIONS.computer]: event.computer } : {}) };
  return {
    ...extra,
    ...(Object.keys(extensions).length ? { extensions } : {}),
    contextActivities: {
      ...(lesson ? { parent: [lessonActivity(lesson)] } : {}),
      category: [{ objectType: 'Activity', id: PROFILE_ID, definition: { type: 'http://adlnet.gov/expapi/activities/profile' } }],
    },
    platform: 'Liseuse',
    language: 'fr',
  };
}

function statement(event: Event, verb: VerbName, object: Statement['object'], parts: { result?: Result; context: Context }, actor = agent(event.learner)): Statement {
  return { id: event.id, actor, verb: VERBS[verb], object, ...(parts.result ? { result: parts.result } : {}), context: parts.context, timestamp: event.at, version: XAPI_VERSION };
}

const score = (scaled: number): NonNullable<Result['score']> => ({ scaled, raw: scaled, min: 0, max: 1 });

/** The extensions of a quiz statement: its kind, the lesson version answered when known, the attempt when given. */
const quizExtensions = (event: { kind: string; lessonVersion?: number; attempt?: AttemptExtension }): Record<string, unknown> => ({
  [EXTENSIONS.quizKind]: event.kind,
  ...(event.lessonVersion === undefined ? {} : { [EXTENSIONS.lessonVersion]: event.lessonVersion }),
  ...(event.attempt === undefined ? {} : { [EXTENSIONS.attempt]: event.attempt }),
});

/** EXTENSIONS.attempt: what a statement file needs to rebuild the attempt elsewhere. */
export interface AttemptExtension {
  seed: number;
  startedAt: string;
  /** Question ids (comprehension), or the whole questions without their key (vocabulary practice). */
  questions: readonly unknown[];
}

export interface AnsweredEvent extends Event {
  /** The lesson version whose quiz the attempt answers (see EXTENSIONS.lessonVersion). */
  lessonVersion?: number;
  attemptId: string;
  kind: 'comprehension' | 'vocabulary';
  question: Question;
  answer: Answer;
  /** The score given (0..1) and its verdict; 'awaiting' (an open answer the teacher has not graded) has neither score nor success. */
  grade: { score: number; verdict: Verdict };
  timeMs: number;
  /** When the teacher graded it: their comment (a regrade). */
  teacherComment?: string;
  /** The statement this one replaces (a regrade voids it). */
  replaces?: string;
  /** The attempt's seed, start and questions, so a statement file can be imported (EXTENSIONS.attempt). */
  attempt?: AttemptExtension;
}

export function answeredStatement(event: AnsweredEvent): Statement {
  const { question, grade } = event;
  const graded = grade.verdict !== 'awaiting';
  const result: Result = {
    response: interactionResponse(event.answer),
    completion: true,
    duration: isoDuration(event.timeMs),
    ...(graded ? { score: score(grade.score), success: grade.verdict === 'correct' } : {}),
    extensions: { [EXTENSIONS.verdict]: grade.verdict, ...(event.teacherComment === undefined ? {} : { [EXTENSIONS.teacherComment]: event.teacherComment }) },
  };
  const object: Activity = { objectType: 'Activity', id: questionIri(event.lesson.id, question.id), definition: interactionDefinition(question) };
  return statement(event, 'answered', object, {
    result,
    context: context(event, event.lesson, {
      registration: event.attemptId,
      extensions: quizExtensions(event),
      ...(event.replaces ? { statement: { objectType: 'StatementRef', id: event.replaces } } : {}),
    }),
  });
}

export interface AttemptEvent extends Event {
  attemptId: string;
  lessonVersion?: number;
  kind: 'comprehension' | 'vocabulary';
  /** 0..1, open answers awaiting the teacher left out. */
  score: number;
  startedAt: string;
  /** A rescore after a regrade: the completed and passed/failed statements these replace (each voided first). */
  replaces?: { completed?: string | undefined; verdict?: string | undefined };
}

const attemptActivity = (event: AttemptEvent): Activity => ({
  objectType: 'Activity',
  id: attemptIri(event.lesson.id, event.kind),
  definition: { type: ACTIVITY_TYPES.assessment, name: { en: `${event.kind === 'comprehension' ? 'Comprehension quiz' : 'Vocabulary practice'}: ${event.lesson.title}` } },
});

/**
 * A finished attempt: `completed` with its score and duration, and a second statement `passed` or `failed`
 * against PASS_SCALED. The second id is derived by the caller (two ids per event).
 */
export function attemptStatements(event: AttemptEvent, verdictId: string): [Statement, Statement] {
  const duration = isoDuration(Date.parse(event.at) - Date.parse(event.startedAt));
  const ctx = (replaces: string | undefined): Context =>
    context(event, event.lesson, {
      registration: event.attemptId,
      extensions: quizExtensions(event),
      ...(replaces ? { statement: { objectType: 'StatementRef', id: replaces } } : {}),
    });
  const passed = event.score >= PASS_SCALED;
  return [
    statement(event, 'completed', attemptActivity(event), { result: { score: score(event.score), completion: true, duration }, context: ctx(event.replaces?.completed) }),
    statement({ ...event, id: verdictId }, passed ? 'passed' : 'failed', attemptActivity(event), {
      result: { score: score(event.score), success: passed, completion: true, duration },
      context: ctx(event.replaces?.verdict),
    }),
  ];
}

export interface ReadEvent extends Event {
  /** Seconds read since the last statement. */
  seconds: number;
  secondsRead: number;
  /** The reading position saved last, if any. */
  position: { paragraph: number; token: number } | null;
}

export function readStatement(event: ReadEvent): Statement {
  const position = event.position ? { [EXTENSIONS.paragraph]: event.position.paragraph + 1, [EXTENSIONS.token]: event.position.token } : {};
  return statement(event, 'experienced', lessonActivity(event.lesson), {
    result: { duration: isoDuration(event.seconds * 1000), extensions: { [EXTENSIONS.secondsRead]: event.secondsRead, ...position } },
    context: context(event, null),
  });
}

export interface WordEvent extends Event {
  lemma: string;
  /** 0-based paragraph and token of the word in the lesson. */
  paragraph: number;
  token: number;
}

const wordActivity = (lemma: string): Activity => ({ objectType: 'Activity', id: wordIri(lemma), definition: { type: ACTIVITY_TYPES.word, name: { fr: lemma } } });

export function lookedUpStatement(event: WordEvent & { sense: string }): Statement {
  return statement(event, 'interacted', wordActivity(event.lemma), {
    result: {
      extensions: { [EXTENSIONS.lemma]: event.lemma, [EXTENSIONS.sense]: event.sense, [EXTENSIONS.paragraph]: event.paragraph + 1, [EXTENSIONS.token]: event.token },
    },
    context: context(event, event.lesson),
  });
}

export function statusStatement(event: WordEvent & { status: string }): Statement {
  return statement(event, 'marked', wordActivity(event.lemma), {
    result: { extensions: { [EXTENSIONS.lemma]: event.lemma, [EXTENSIONS.status]: event.status, [EXTENSIONS.paragraph]: event.paragraph + 1, [EXTENSIONS.token]: event.token } },
    context: context(event, event.lesson),
  });
}

/** The teacher voids a statement they replace (a regrade); the new `answered` statement follows it. */
export function voidedStatement(event: { id: string; at: string; voids: string }): Statement {
  return {
    id: event.id,
    actor: { objectType: 'Agent', account: { homePage: ACCOUNT_HOME_PAGE, name: TEACHER_ACCOUNT } },
    verb: VERBS.voided,
    object: { objectType: 'StatementRef', id: event.voids },
    timestamp: event.at,
    version: XAPI_VERSION,
  };
}
