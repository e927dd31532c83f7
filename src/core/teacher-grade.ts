// The teacher's grade of an open answer: one of a few steps of 25 %, and the verdict the learner sees for it.
import type { Grade } from './grading';

export const TEACHER_SCORES = [0, 0.25, 0.5, 0.75, 1] as const;
export type TeacherScore = (typeof TEACHER_SCORES)[number];

/** The step a stored score is, or null for one off the scale. */
export const asTeacherScore = (score: number): TeacherScore | null => TEACHER_SCORES.find((step) => step === score) ?? null;
export const TEACHER_COMMENT_MAX = 1000;

export function teacherGrade(score: number): Pick<Grade, 'score' | 'verdict'> {
  return { score, verdict: score >= 1 ? 'correct' : score > 0 ? 'partial' : 'wrong' };
}
