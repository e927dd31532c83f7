// Quizzes on a lesson: comprehension and vocabulary attempts, answered one question at a time.
import * as v from 'valibot';
import { AnswerSchema } from '../../core/grading';
import { IdSchema } from '../../core/quiz';
import type { Feedback, QuestionView } from '../../core/quiz-view';
import { QUIZ_KINDS, type QuizKind } from '../types';
import type { TeacherNote } from './open-answers';
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
  /** Open answers the teacher has not graded yet: the score counts the other questions until then. */
  awaiting: number;
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
  /** The teacher's grades and comments on this learner's open answers, graded last first. */
  teacherNotes: TeacherNote[];
}

export interface AnswerOutcome {
  feedback: Feedback;
  /** The attempt after this answer; finishedAt and score are set when it was the last question. */
  attempt: AttemptSummary;
}

export const quizCalls = {
  'quiz:overview': returns<QuizOverview>()(v.strictObject({ learnerId: Id, lessonId: LessonId })),
  'quiz:start': returns<AttemptView>()(v.strictObject({ learnerId: Id, lessonId: LessonId, kind: v.picklist(QUIZ_KINDS) })),
  'quiz:attempt': returns<AttemptView>()(v.strictObject({ learnerId: Id, attemptId: Id })),
  /** Answered once; the reply comes after the answer is committed. */
  'quiz:answer': returns<AnswerOutcome>()(
    v.strictObject({
      learnerId: Id,
      attemptId: Id,
      questionId: IdSchema,
      answer: AnswerSchema,
      timeMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 3600 * 1000)),
    }),
  ),
} satisfies Table;
