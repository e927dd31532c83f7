// The teacher's grade of an open answer: one of a few steps of 25 %, and the verdict the learner sees for it.
import type { Grade } from './grading';

export const TEACHER_SCORES = [0, 0.25, 0.5, 0.75, 1] as const;
export const TEACHER_COMMENT_MAX = 1000;

export function teacherGrade(score: number): Pick<Grade, 'score' | 'verdict'> {
  return { score, verdict: score >= 1 ? 'correct' : score > 0 ? 'partial' : 'wrong' };
}
