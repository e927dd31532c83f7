// Quizzes on a lesson: comprehension and vocabulary attempts, answered one question at a time.
import * as v from 'valibot';
import { AnswerSchema, AnswerTimeMsSchema } from '../../core/grading';
import { IdSchema } from '../../core/quiz';
import type { Feedback, QuestionView } from '../../core/quiz-view';
import { QUIZ_KINDS, type QuizKind } from '../types';
import type { TeacherNote } from './open-answers';
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
  /** Open answers the teacher has not graded yet: the score counts the other questions until then. */
  awaiting: number;
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
  /** The teacher's grades and comments on this learner's open answers, graded last first. */
  teacherNotes: TeacherNote[];
}

/** The teacher's choice for one lesson: glosses in the text beside each kind of quiz. */
export type LessonGlosses = { lessonId: string } & Record<QuizKind, boolean>;

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
  /** A practice answer to a question of a finished attempt: graded, never stored or counted. */
  'quiz:practise': returns<Feedback>()(v.strictObject({ learnerId: Id, attemptId: Id, questionId: IdSchema, answer: AnswerSchema })),
  'quiz:glossSettings': returns<LessonGlosses[]>()(v.strictObject({ teacherToken: TeacherToken }), { guard: 'teacher' }),
  'quiz:setGlosses': returns<null>()(
    v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId, kind: v.picklist(QUIZ_KINDS), shown: v.boolean() }),
    { guard: 'teacher' },
  ),
} satisfies Table;
