// Learner profiles on a shared computer.
import * as v from 'valibot';
import { LearnerNameSchema } from '../../core/learner-name';
import type { Learner } from '../types';
import { returns, type Table } from './call';
import { Id, Nothing, TeacherToken } from './fields';

export const learnerCalls = {
  'learners:list': returns<Learner[]>()(Nothing),
  'learners:create': returns<Learner>()(v.strictObject({ name: LearnerNameSchema })),
  /** Remembers the learner chosen on this computer, so the next start opens with them. */
  'learners:choose': returns<Learner>()(v.strictObject({ learnerId: Id })),
  'learners:current': returns<Learner | null>()(Nothing),
  'learners:rename': returns<Learner>()(v.strictObject({ learnerId: Id, name: LearnerNameSchema })),
  /** Removes the learner and every row of theirs. */
  'learners:delete': returns<null>()(v.strictObject({ learnerId: Id, teacherToken: TeacherToken }), { guard: 'teacher' }),
} satisfies Table;
