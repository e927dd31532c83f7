// Results files: a learner's own record, carried to the teacher's computer and imported there.
import * as v from 'valibot';
import type { ExportOutcome } from '../types';
import { returns, type Table } from './call';
import { Id, TeacherToken } from './fields';
import { MAX_RESULT_BYTES, SAME_NAME_CHOICES } from '../../core/reports/result-file';

/** What one results file brought in; `added` counts only the records this import wrote. */
export interface ImportSummary {
  fileName: string;
  learner: string;
  createdLearner: boolean;
  added: { attempts: number; answers: number; lookups: number; statusChanges: number };
  /** Records the file holds that were here already (the same ids): ignored, not written again. */
  duplicates: number;
  /** Nothing new: this file (or a newer one from the same learner) was imported before. */
  alreadyImported: boolean;
}

/** Nothing written: the file's learner is unknown here but a learner here has the same name; the teacher chooses. */
export interface ImportClash {
  needsDecision: { fileName: string; fileLearner: { id: string; name: string }; localLearner: { id: string; name: string } };
}

export type ImportOutcome = ImportSummary | ImportClash;

export const resultCalls = {
  /** A learner's own results file, to carry to the teacher's computer. */
  'results:export': returns<ExportOutcome>()(v.strictObject({ learnerId: Id }), { transport: 'http' }),
  /** One file per call, checked whole before anything is written; a bad file is refused by name with the reason. */
  'results:import': returns<ImportOutcome>()(
    v.strictObject({
      teacherToken: TeacherToken,
      fileName: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255)),
      // A file's UTF-8 size is at least its length: a longer text cannot be a file the core would take.
      content: v.pipe(v.string(), v.maxLength(MAX_RESULT_BYTES, `A results file is at most ${MAX_RESULT_BYTES / 1_000_000} MB.`)),
      /** The teacher's answer when the outcome was `needsDecision`: another learner here has the file's name. */
      sameName: v.optional(v.picklist(SAME_NAME_CHOICES)),
    }),
    { guard: 'teacher', transport: 'http' },
  ),
  /** A learner's xAPI statements as one JSON array (a statement file), which an LRS takes as it is. */
  'results:exportStatements': returns<ExportOutcome>()(v.strictObject({ learnerId: Id }), { transport: 'http' }),
} satisfies Table;
