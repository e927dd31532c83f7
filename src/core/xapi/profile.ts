// Liseuse's xAPI profile as constants: the verbs, activity types and extension IRIs every statement uses, in one
// place so docs/xapi-profile.md and the builders cannot drift apart. Activity ids hang off one base IRI.

/**
 * The base of every activity, activity type and extension IRI Liseuse mints. An https IRI under the project's
 * name, not a URL anyone must serve: xAPI only needs it to be stable and unique. Changing it changes every
 * activity id a school's LRS has ever seen, so it is a constant, not a setting.
 */
export const XAPI_BASE = 'https://liseuse.app/xapi/';

/** The account homePage of learners and the teacher: the system whose opaque ids the account names are. */
export const ACCOUNT_HOME_PAGE = 'https://liseuse.app';

/** The xAPI version the client speaks (header X-Experience-API-Version, statement version). */
export const XAPI_VERSION = '1.0.3';

const adl = (verb: string): string => `http://adlnet.gov/expapi/verbs/${verb}`;
const own = (path: string): string => `${XAPI_BASE}${path}`;

export const VERBS = {
  answered: { id: adl('answered'), display: { 'en-US': 'answered' } },
  completed: { id: adl('completed'), display: { 'en-US': 'completed' } },
  passed: { id: adl('passed'), display: { 'en-US': 'passed' } },
  failed: { id: adl('failed'), display: { 'en-US': 'failed' } },
  experienced: { id: adl('experienced'), display: { 'en-US': 'experienced' } },
  interacted: { id: adl('interacted'), display: { 'en-US': 'interacted' } },
  voided: { id: adl('voided'), display: { 'en-US': 'voided' } },
  /** A learner marking a word new, learning or known: no ADL verb says that. */
  marked: { id: own('verbs/marked'), display: { 'en-US': 'marked' } },
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  word: own('activity-types/word'),
} as const;

export const EXTENSIONS = {
  /** On a word look-up or status: the word's lemma as the lesson's lexicon spells it. */
  lemma: own('extensions/lemma'),
  /** On a word look-up: the sense shown (the gloss in English). */
  sense: own('extensions/sense'),
  /** 1-based paragraph of the lesson. */
  paragraph: own('extensions/paragraph'),
  /** 0-based token index of the word in the lesson. */
  token: own('extensions/token'),
  /** On a status change: new, learning or known. */
  status: own('extensions/status'),
  /** On a lesson read: seconds read in total so far. */
  secondsRead: own('extensions/seconds-read'),
  /** comprehension or vocabulary. */
  quizKind: own('extensions/quiz-kind'),
  /** On an answered statement: Liseuse's verdict (correct, partial, almost, wrong, awaiting). */
  verdict: own('extensions/verdict'),
  /** On a teacher's regrade: the teacher's comment. */
  teacherComment: own('extensions/teacher-comment'),
  /**
   * On a quiz statement (answered, completed, passed, failed): the lesson version whose quiz was answered. The
   * lesson IRI names no version, and reports never mix versions; a statement without it is of version 1.
   */
  lessonVersion: own('extensions/lesson-version'),
  /** On every statement Liseuse sends: the opaque id of the copy of Liseuse (the computer) that recorded it. */
  computer: own('extensions/computer'),
  /**
   * On an answered statement (context): what a statement file needs to rebuild the attempt on another computer,
   * { seed, startedAt, questions } (questions: the attempt's question ids, or for vocabulary practice the whole
   * questions without their key). Absent (statements from before, or another tool): seed 0, started at the first
   * answer, asking the questions it answers. See docs/xapi-profile.md, "Import into Liseuse".
   */
  attempt: own('extensions/attempt'),
} as const;

/** contextActivities.category of every statement: the profile they follow. */
export const PROFILE_ID = own('profile');

/** The attempt's score at or above which a finished attempt is also `passed` (below: `failed`). */
export const PASS_SCALED = 0.5;

export const lessonIri = (lessonId: string): string => own(`lessons/${encodeURIComponent(lessonId)}`);
export const attemptIri = (lessonId: string, kind: string): string => `${lessonIri(lessonId)}/quizzes/${encodeURIComponent(kind)}`;
export const questionIri = (lessonId: string, questionId: string): string => `${lessonIri(lessonId)}/questions/${encodeURIComponent(questionId)}`;
/** A word by lemma, the same for every lesson it appears in (the lesson is the statement's parent). */
export const wordIri = (lemma: string): string => own(`words/${encodeURIComponent(lemma)}`);
