// Shapes of the data that calls of several domains share; each domain's own shapes are in contract/<domain>.ts.
import type { Expression, Gloss, Manifest } from '../core/lesson';

export interface Learner {
  id: string;
  name: string;
  createdAt: string;
}

export interface LessonSummary {
  id: string;
  title: string;
  titleEn: string;
  level: Manifest['level'];
  summary: string;
  /** Where and when the text comes from, as the lesson's author wrote it. */
  source?: string;
  wordCount: number;
  paragraphCount: number;
  /** Questions in the lesson's comprehension quiz; 0 when it has none. */
  quizQuestions: number;
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
  editorNotes: { paragraph: number; note: string }[];
  paragraphs: { index: number; start: number; end: number; translation?: string; sentences: { start: number; end: number; translation?: string }[]; tokens: LessonViewToken[] }[];
  expressions: Expression[];
}

export const WORD_STATUSES = ['new', 'learning', 'known'] as const;
export type WordStatus = (typeof WORD_STATUSES)[number];

export const QUIZ_KINDS = ['comprehension', 'vocabulary'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** Saved where the user chose (desktop), cancelled in the dialog, or handed to the page as a download (browser). */
export type ExportOutcome =
  | { saved: { fileName: string } }
  | { cancelled: true }
  | { download: { fileName: string; mimeType: string; base64: string } };
