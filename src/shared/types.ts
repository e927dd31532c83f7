// Shapes of the data that cross the contract.
import type { Expression, Gloss, Manifest } from '../core/lesson';

export interface Learner {
  id: string;
  name: string;
  createdAt: string;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
}

export interface LessonSummary {
  id: string;
  title: string;
  titleEn: string;
  level: Manifest['level'];
  summary: string;
  wordCount: number;
  paragraphCount: number;
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
