// Quizzes on a lesson: comprehension and vocabulary attempts, answered one question at a time.
import * as v from 'valibot';
import { AnswerSchema } from '../../core/grading';
import { IdSchema } from '../../core/quiz';
import type { Feedback, QuestionView } from '../../core/quiz-view';
import { QUIZ_KINDS, type QuizKind } from '../types';
import { returns, type Table } from './call';
import { Id, LessonId, TeacherToken } from './fields';

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
  /** Whether the text beside the questions has its glosses: the teacher's choice for this lesson and kind. */
  glosses: boolean;
}

/** One kind's finished attempts: scores 0..1, null before the first is finished. */
export interface KindScores {
  last: number | null;
  best: number | null;
  finished: number;
}

export interface QuizOverview {
  questionCount: number;
  /** Each kind its own: a vocabulary round never shows as the comprehension quiz's best. */
  scores: Record<QuizKind, KindScores>;
  inProgress: { comprehension: AttemptSummary | null; vocabulary: AttemptSummary | null };
  /** Every attempt, newest first. */
  attempts: AttemptSummary[];
}

/** The teacher's choice for one lesson: glosses in the text beside each kind of quiz. */
export type LessonGlosses = { lessonId: string } & Record<QuizKind, boolean>;

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
  /** A practice answer to a question of a finished attempt: graded, never stored or counted. */
  'quiz:practise': returns<Feedback>()(v.strictObject({ learnerId: Id, attemptId: Id, questionId: IdSchema, answer: AnswerSchema })),
  'quiz:glossSettings': returns<LessonGlosses[]>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
  'quiz:setGlosses': returns<null>()(
    v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, kind: v.picklist(QUIZ_KINDS), shown: v.boolean() }),
    { guard: 'teacher' },
  ),
} satisfies Table;
