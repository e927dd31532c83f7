// The teacher's own lessons: drafts, publishing, archiving and lesson packs.
import type { ParsedInput } from '../../shared/contract';
import type {
  ArchiveOutcome,
  AuthoringDraft,
  AuthoringList,
  PackImport,
  Published,
  SavedDraft,
  ValidationReport,
} from '../../shared/contract/authoring';
import { AppError } from '../../shared/errors';
import type { ExportOutcome } from '../../shared/types';

type Without<K extends keyof ParsedInput<C>, C extends keyof import('../../shared/contract').Contract> = Omit<ParsedInput<C>, K>;
export type NewLesson = Without<'teacherToken', 'authoring:create'>;
export type DraftDetails = Without<'teacherToken' | 'lessonId' | 'revision', 'authoring:saveDetails'>;
export type GlossPatch = Without<'teacherToken' | 'lessonId' | 'revision', 'authoring:saveGlosses'>;
export type TranslationPatch = ParsedInput<'authoring:saveTranslations'>['translations'];
export type DraftQuiz = ParsedInput<'authoring:saveQuiz'>['quiz'];

const notYet = (): never => {
  throw new AppError('internal', 'Lesson authoring is not built yet.');
};

export class AuthoringService {
  list(): AuthoringList {
    return notYet();
  }
  create(_lesson: NewLesson): AuthoringDraft {
    return notYet();
  }
  get(_lessonId: string): AuthoringDraft {
    return notYet();
  }
  saveDetails(_lessonId: string, _revision: number, _details: DraftDetails): SavedDraft {
    return notYet();
  }
  saveGlosses(_lessonId: string, _revision: number, _patch: GlossPatch): SavedDraft {
    return notYet();
  }
  saveTranslations(_lessonId: string, _revision: number, _translations: TranslationPatch): SavedDraft {
    return notYet();
  }
  saveQuiz(_lessonId: string, _revision: number, _quiz: DraftQuiz): SavedDraft {
    return notYet();
  }
  validate(_lessonId: string): ValidationReport {
    return notYet();
  }
  publish(_lessonId: string, _revision: number): Published {
    return notYet();
  }
  editPublished(_lessonId: string): AuthoringDraft {
    return notYet();
  }
  archive(_lessonId: string): ArchiveOutcome {
    return notYet();
  }
  exportPack(_lessonId: string, _version?: number): Promise<ExportOutcome> {
    return notYet();
  }
  importPack(_fileName: string, _base64: string): PackImport {
    return notYet();
  }
}
