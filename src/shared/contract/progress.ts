// A learner's own progress: words, reading time, scores over time and the paragraphs that gave trouble.
import * as v from 'valibot';
import type { Learner, QuizKind } from '../types';
import { returns, type Table } from './call';
import { Id } from './fields';
import type { TeacherNote } from './open-answers';
import type { ReviewSummary } from './review';

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
  /** The teacher's grades and comments on open answers, graded last first. */
  teacherNotes: TeacherNote[];
}

export const progressCalls = {
  'progress:get': returns<LearnerProgress>()(v.strictObject({ learnerId: Id })),
} satisfies Table;
