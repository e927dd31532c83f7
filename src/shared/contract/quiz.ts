// Quizzes on a lesson: comprehension and vocabulary attempts, answered one question at a time.
import * as v from 'valibot';
import { AnswerSchema, AnswerTimeMsSchema } from '../../core/grading';
import { IdSchema } from '../../core/quiz';
import type { Feedback, QuestionView } from '../../core/quiz-view';
import { QUIZ_KINDS, type QuizKind } from '../types';
import { returns, type Table } from './call';
import { Id, LessonId } from './fields';

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
  /**
   * The text of each near-miss first try, by question id: for a question not answered yet, the learner is on
   * their second try (after a restart too).
   */
  firstTries: Record<string, string>;
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
  /** The graded answer; absent when a near miss leaves the question open for a second try. */
  feedback?: Feedback;
  /** Set when this answer was a near miss on the first try: it is saved, and the learner may try once more. */
  tryAgain?: { firstTry: string };
  /** The attempt after this answer; finishedAt and score are set when it was the last question. */
  attempt: AttemptSummary;
}

export const quizCalls = {
  'quiz:overview': returns<QuizOverview>()(v.strictObject({ learnerId: Id, lessonId: LessonId })),
  'quiz:start': returns<AttemptView>()(v.strictObject({ learnerId: Id, lessonId: LessonId, kind: v.picklist(QUIZ_KINDS) })),
  'quiz:attempt': returns<AttemptView>()(v.strictObject({ learnerId: Id, attemptId: Id })),
  /**
   * Answered once; the reply comes after the answer is committed. With `secondTryOnNearMiss`, a typed answer
   * that is a near miss on the first try is saved as that question's first try and the question stays open: the
   * next answer to it is the counted one. Without it (scripts, older callers) every answer is final.
   */
  'quiz:answer': returns<AnswerOutcome>()(
    v.strictObject({
      learnerId: Id,
      attemptId: Id,
      questionId: IdSchema,
      answer: AnswerSchema,
      timeMs: AnswerTimeMsSchema,
      secondTryOnNearMiss: v.optional(v.boolean()),
    }),
  ),
} satisfies Table;
