// Shapes of the data that cross the contract.
import type { Expression, Gloss, Manifest } from '../core/lesson';
import type { Feedback, QuestionView } from '../core/quiz-view';

export interface Learner {
  id: string;
  name: string;
  createdAt: string;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  notice: StartupNotice | null;
}

export interface LessonSummary {
  id: string;
  title: string;
  titleEn: string;
  level: Manifest['level'];
  summary: string;
  wordCount: number;
  paragraphCount: number;
  /** Questions in the lesson's comprehension quiz; 0 when it has none. */
  quizQuestions: number;
}

/** The lessons that loaded, and the folders that did not, each with the reason. */
export interface LessonLibrary {
  lessons: LessonSummary[];
  problems: { folder: string; message: string }[];
}

export interface LessonViewToken {
  /** Index of the token in the lesson. */
  i: number;
  kind: 'word' | 'number' | 'punct';
  start: number;
  end: number;
  gloss?: Gloss;
}

export interface LessonView extends LessonSummary {
  text: string;
  source?: string;
  editorNotes: { paragraph: number; note: string }[];
  paragraphs: { index: number; start: number; end: number; translation: string; sentences: { start: number; end: number }[]; tokens: LessonViewToken[] }[];
  expressions: Expression[];
}

export const WORD_STATUSES = ['new', 'learning', 'known'] as const;
export type WordStatus = (typeof WORD_STATUSES)[number];

export const THEMES = ['light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export interface ReaderSettings {
  theme: Theme;
  fontSize: number;
  lineHeight: number;
  dyslexicFont: boolean;
  /** Glosses printed under the words: none, every word, or only words not known. */
  interlinear: 'off' | 'all' | 'unknown';
  speech: boolean;
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'light',
  fontSize: 20,
  lineHeight: 1.7,
  dyslexicFont: false,
  interlinear: 'off',
  speech: true,
};

export interface ReadingState {
  /** Status by lemma, only for lemmas that are not "new". */
  statuses: Record<string, WordStatus>;
  position: { paragraph: number; token: number } | null;
  secondsRead: number;
  lookups: number;
}

// ---- quizzes ----

export type QuizKind = 'comprehension' | 'vocabulary';

export interface AttemptSummary {
  id: string;
  kind: QuizKind;
  startedAt: string;
  finishedAt: string | null;
  /** Mean score 0..1 once finished. */
  score: number | null;
  answered: number;
  questionCount: number;
}

export interface AttemptView extends AttemptSummary {
  lessonId: string;
  questions: QuestionView[];
  /** Feedback for each question answered so far, by question id. */
  feedback: Record<string, Feedback>;
}

export interface QuizOverview {
  questionCount: number;
  /** Best and last finished comprehension scores, 0..1. */
  best: number | null;
  last: number | null;
  inProgress: { comprehension: AttemptSummary | null; vocabulary: AttemptSummary | null };
  /** Every attempt, newest first. */
  attempts: AttemptSummary[];
}

export interface AnswerOutcome {
  feedback: Feedback;
  /** The attempt after this answer; finishedAt and score are set when it was the last question. */
  attempt: AttemptSummary;
}

// ---- profiles, teacher PIN, progress, review ----

export type { ReviewRating } from '../core/review-ratings';

export interface TeacherStatus {
  pinSet: boolean;
}

/** An unlocked teacher area: an opaque token the backend keeps in memory, valid until expiresAt. */
export interface TeacherSession {
  teacherToken: string;
  expiresAt: string;
}

export interface LearnerTotals {
  learner: Learner;
  /** Distinct lemmas looked up. */
  lookedUpWords: number;
  /** Finished quiz attempts, both kinds. */
  quizAttempts: number;
  /** Best finished comprehension score, 0..1. */
  bestScore: number | null;
  secondsRead: number;
}

export interface TeacherOverview {
  learners: LearnerTotals[];
}

/** A sentence of a lesson split around one word, so the word can be marked in it. French text. */
export interface SentenceParts {
  before: string;
  word: string;
  after: string;
}

/** One of a learner's words, with the sentence it was met in and its gloss there. */
export interface MyWord {
  /** The lemma as statuses key it (lower case). */
  lemma: string;
  status: WordStatus;
  lessonId: string;
  /** null when the lesson it came from can no longer be opened. */
  lessonTitle: string | null;
  sentence: SentenceParts | null;
  gloss: Gloss | null;
  expression: Expression | null;
  /** When the word is next due for review (ISO). */
  due: string;
  /** Due now and not known. */
  inQueue: boolean;
  reviews: number;
}

export interface ReviewSummary {
  /** Words due for review now. */
  due: number;
  /** Words in review: looked up or marked learning, and not known. */
  inReview: number;
}

export interface ReviewQueue {
  words: MyWord[];
  summary: ReviewSummary;
}

export interface GradeOutcome {
  lemma: string;
  /** The word's next due time (ISO). */
  due: string;
  summary: ReviewSummary;
}

export interface ProgressAttempt {
  id: string;
  lessonId: string;
  lessonTitle: string | null;
  kind: QuizKind;
  finishedAt: string;
  /** 0..1 */
  score: number;
}

export interface TroubleParagraph {
  lessonId: string;
  lessonTitle: string | null;
  /** 1-based, as a reader numbers paragraphs. */
  paragraph: number;
  /** The paragraph's first words, French. */
  excerpt: string;
  lookups: number;
  wrongAnswers: number;
}

export interface LearnerProgress {
  learner: Learner;
  words: { lookedUp: number; learning: number; known: number } & ReviewSummary;
  secondsRead: number;
  /** Finished quiz attempts, oldest first. */
  attempts: ProgressAttempt[];
  /** Paragraphs with look-ups or wrong answers, most trouble first. */
  trouble: TroubleParagraph[];
}

// ---- teacher reports and results files ----

export type { ClassReport, LearnerReport } from '../core/reports/class-report';

export interface ReportExportRequest {
  lessonId: string;
  report: 'class' | 'attempts' | 'learner';
  format: 'csv' | 'pdf' | 'json';
  learnerId?: string | undefined;
}

/** Saved where the user chose (desktop), cancelled in the dialog, or handed to the page as a download (browser). */
export type ExportOutcome =
  | { saved: { fileName: string } }
  | { cancelled: true }
  | { download: { fileName: string; mimeType: string; base64: string } };

/** What one results file brought in; `added` counts only the records this import wrote. */
export interface ImportSummary {
  fileName: string;
  learner: string;
  createdLearner: boolean;
  added: { attempts: number; answers: number; lookups: number; statusChanges: number };
  /** Nothing new: this file (or a newer one from the same learner) was imported before. */
  alreadyImported: boolean;
}

/** Nothing written: the file's learner is unknown here but a learner here has the same name; the teacher chooses. */
export interface ImportClash {
  needsDecision: { fileName: string; fileLearner: { id: string; name: string }; localLearner: { id: string; name: string } };
}

export type ImportOutcome = ImportSummary | ImportClash;

/** Something the user must be told at start-up, such as a damaged database that was restored from a backup. */
export interface StartupNotice {
  kind: 'restored' | 'reset';
  message: string;
}
