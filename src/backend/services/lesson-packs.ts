// Lesson packs between computers (docs/lesson-pack.md): a published version exported as one .liseuse file, and a
// pack imported whole or not at all: a newer version of the same lesson updates it; anything else is kept as a copy
// under a new id. Attempts here are never touched.
import { randomUUID } from 'node:crypto';
import { draftOfFiles, filesOfDraft, lessonIdFromTitle } from '../../core/authoring/draft';
import { buildPack, PACK_EXTENSION, PackError, parsePack, type LessonPack } from '../../core/authoring/lesson-pack';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../core/authoring/pack-limits';
import { LessonError, type LessonFiles } from '../../core/lesson';
import type { PackImport } from '../../shared/contract/authoring';
import { AppError } from '../../shared/errors';
import type { ExportOutcome } from '../../shared/types';
import type { LessonsRepository } from '../db/repositories/lessons';
import { filesOf, loadStoredLesson, type LessonStore } from '../lesson-store';
import { builtInLineage, type AuthoringService } from './authoring';
import type { SaveFile } from './reports';

export class LessonPackService {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly repo: LessonsRepository,
    private readonly lessons: LessonStore,
    private readonly save: SaveFile,
    private readonly now: () => Date,
  ) {}

  /** The lesson's published version (or the one named) as a .liseuse file. */
  exportPack(lessonId: string, version?: number): Promise<ExportOutcome> {
    const wanted = version ?? this.lessons.currentVersion(lessonId);
    const row = wanted === undefined ? undefined : this.repo.version(lessonId, wanted);
    const files = row && row.status !== 'draft' ? filesOf(row) : wanted === 1 ? this.lessons.builtInFiles(lessonId) : undefined;
    if (wanted === undefined || !files) {
      throw version === undefined
        ? AppError.because('not_found', 'noPublishedLesson', { lessonId })
        : AppError.because('not_found', 'noPublishedVersion', { lessonId, version });
    }
    const manifest = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, lessonId, version: wanted, exportedAt: this.now().toISOString(), lineage: row?.lineage ?? builtInLineage(lessonId) } as const;
    const bytes = Buffer.from(buildPack(manifest, files));
    return this.save({ fileName: `${lessonId}-v${wanted}${PACK_EXTENSION}`, mimeType: 'application/zip', bytes });
  }

  importPack(fileName: string, base64: string): PackImport {
    const pack = readPack(fileName, base64);
    const { lessonId, version } = pack.manifest;
    checkLesson(fileName, pack.files, lessonId, version);
    const title = (JSON.parse(pack.files['lesson.json']) as { title: string }).title;
    const at = this.now().toISOString();
    return this.repo.db.write(() => {
      const localLineage = this.repo.lineage(lessonId) ?? (this.lessons.isBuiltIn(lessonId) ? builtInLineage(lessonId) : undefined);
      if (localLineage === undefined) {
        this.insertPublished(lessonId, version, pack.files, pack.manifest.lineage ?? randomUUID(), at);
        return { outcome: 'added', lessonId, version, title, message: `« ${title} » was added: version ${version}, as the pack has it.` };
      }
      const current = this.lessons.currentVersion(lessonId) ?? 0;
      const published = Math.max(current, ...this.repo.heads().filter((h) => h.lessonId === lessonId && h.status !== 'draft').map((h) => h.version));
      if (pack.manifest.lineage === localLineage && version > published) {
        const draft = this.repo.draft(lessonId);
        if (draft && draft.version <= version) this.repo.renumberDraft(lessonId, version + 1);
        this.insertPublished(lessonId, version, pack.files, localLineage, at);
        return {
          outcome: 'updated',
          lessonId,
          version,
          title,
          message: `« ${title} » was updated from version ${published} to version ${version}; answers given on earlier versions keep their version.${draft ? ' Your draft here stays a draft.' : ''}`,
        };
      }
      const copyId = lessonIdFromTitle(`${lessonId}-copie`, (id) => this.authoring.isTaken(id));
      const files = filesOfDraft(draftOfFiles(pack.files, copyId));
      checkLesson(fileName, files, copyId, 1);
      this.insertPublished(copyId, 1, files, randomUUID(), at);
      const why =
        pack.manifest.lineage !== localLineage
          ? `a different lesson with the id "${lessonId}" is already here`
          : `this computer already has version ${published} of it, and the pack has version ${version}`;
      return { outcome: 'copy', lessonId: copyId, version: 1, title, copyOf: lessonId, message: `« ${title} » was kept as a copy with the id "${copyId}": ${why}.` };
    });
  }

  private insertPublished(lessonId: string, version: number, files: LessonFiles, lineage: string, at: string): void {
    this.repo.insert({
      lessonId,
      version,
      status: 'published',
      manifest: files['lesson.json'],
      text: files['text.fr.txt'],
      lexicon: files['lexicon.json'],
      translations: files['translations.json'],
      quiz: files['quiz.json'] ?? null,
      review: null,
      lineage,
      authorNotes: null,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    });
    this.lessons.changed();
  }
}

function readPack(fileName: string, base64: string): LessonPack {
  try {
    return parsePack(Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof PackError) throw AppError.because('invalid_input', 'notALessonPack', { fileName, ...error.facts });
    throw error;
  }
}

/** The pack's lesson through the same checks as any lesson: every problem named, nothing written. */
function checkLesson(fileName: string, files: LessonFiles, lessonId: string, version: number): void {
  try {
    loadStoredLesson(files, lessonId, version);
  } catch (error) {
    if (error instanceof LessonError) {
      const [first = { problem: 'check', detail: error.message } as const] = error.facts;
      throw AppError.because('lesson_invalid', 'packLessonInvalid', { fileName, count: error.facts.length, file: error.file, ...first });
    }
    throw error;
  }
}
