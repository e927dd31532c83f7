// Open questions the teacher grades: what learners wrote, per lesson, and the teacher's score and comment.
import * as v from 'valibot';
import type { Lang } from '../../core/quiz';
import { TEACHER_COMMENT_MAX, TEACHER_SCORES } from '../../core/teacher-grade';
import { returns, type Table } from './call';
import { Id, LessonId, TeacherToken } from './fields';

export interface OpenQuestionToGrade {
  id: string;
  /** The lesson version that asks it: answers are listed under the question their attempt was asked. */
  lessonVersion: number;
  /** 1-based, as the quiz numbers it. */
  number: number;
  prompt: string;
  promptLang: Lang;
  answerLang: Lang;
  /** What a good answer holds, for the teacher. */
  guidance: string | null;
}

export interface OpenAnswer {
  answerId: string;
  learner: { id: string; name: string };
  questionId: string;
  /** The lesson version the attempt was answered on. */
  lessonVersion: number;
  text: string;
  answeredAt: string;
  /** Null while the answer awaits the teacher. */
  grade: { score: number; comment: string; gradedAt: string } | null;
}

export interface OpenAnswers {
  lessonId: string;
  /** The current version's open questions, then those of older versions that have answers, newest first. */
  questions: OpenQuestionToGrade[];
  /** Those awaiting the teacher first, oldest first. */
  answers: OpenAnswer[];
}

/** A graded open answer as its learner sees it: on the lesson card and the progress page. */
export interface TeacherNote {
  lessonId: string;
  lessonTitle: string | null;
  questionId: string;
  prompt: string;
  promptLang: Lang;
  answer: string;
  answerLang: Lang;
  /** 0..1 */
  score: number;
  comment: string;
  gradedAt: string;
}

export const openAnswerCalls = {
  'openAnswers:list': returns<OpenAnswers>()(v.strictObject({ teacherToken: TeacherToken, lessonId: LessonId }), { guard: 'teacher' }),
  /** Grading again replaces the earlier grade; the attempt's score follows. */
  'openAnswers:grade': returns<OpenAnswer>()(
    v.strictObject({
      teacherToken: TeacherToken,
      answerId: Id,
      score: v.picklist(TEACHER_SCORES, 'must be 0, 0.25, 0.5, 0.75 or 1'),
      comment: v.pipe(v.string(), v.trim(), v.maxLength(TEACHER_COMMENT_MAX, `must be at most ${TEACHER_COMMENT_MAX} characters`)),
    }),
    { guard: 'teacher' },
  ),
} satisfies Table;
