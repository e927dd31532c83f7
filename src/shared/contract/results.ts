// Results files: a learner's own record, carried to the teacher's computer and imported there.
import * as v from 'valibot';
import type { ExportOutcome } from '../types';
import { returns, type Table } from './call';
import { Id, TeacherToken } from './fields';

export interface ImportOutcome {
  fileName: string;
  learner: string;
  createdLearner: boolean;
  added: { attempts: number; answers: number; lookups: number; statusChanges: number };
  /** Nothing new: this file (or a newer one from the same learner) was imported before. */
  alreadyImported: boolean;
}

export const resultCalls = {
  /** A learner's own results file, to carry to the teacher's computer. */
  'results:export': returns<ExportOutcome>()(v.strictObject({ learnerId: Id }), { transport: 'http' }),
  /** One file per call, checked whole before anything is written; a bad file is refused by name with the reason. */
  'results:import': returns<ImportOutcome>()(
    v.strictObject({
      teacherToken: TeacherToken,
      fileName: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255)),
      content: v.pipe(v.string(), v.maxLength(4_000_000, 'The file is too large to import.')),
    }),
    { guard: 'teacher', transport: 'http' },
  ),
} satisfies Table;
