// The teacher's own lessons: the list (drafts, published, archived), a new lesson from a text, lesson packs in and
// out, delete, and the draft open in the editor (draft-editor.svelte.ts).
import { api as appApi, messageOf } from '../lib/api';
import { deliverExport } from '../lib/download';
import type { Api } from '../../../shared/contract';
import type { AuthoringSummary, DraftOutline } from '../../../shared/contract/authoring';
import type { LEVELS } from '../../../core/lesson';
import { strings } from '../strings';
import { DraftEditorState } from './draft-editor.svelte';
import { session as appSession, type SessionState } from './session.svelte';

const S = strings.authoring;

export interface NewLessonForm {
  text: string;
  title: string;
  titleEn: string;
  level: (typeof LEVELS)[number];
  source: string;
  date: string;
}

/** Paragraphs as the teacher pasted them: each non-empty line is one. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export class AuthoringState {
  lessons = $state<AuthoringSummary[] | null>(null);
  editor = $state<DraftEditorState | null>(null);
  /** The lesson whose delete is being confirmed. */
  confirming = $state<string | null>(null);
  status = $state('');
  /** Why the last list action (edit, export, import, delete) failed; the new-lesson form has its own. */
  error = $state<string | null>(null);
  createError = $state<string | null>(null);
  busy = $state(false);

  constructor(
    readonly teacherToken: string,
    private readonly api: Api = appApi,
    private readonly session: SessionState = appSession,
  ) {}

  async load(): Promise<void> {
    await this.run(async () => {
      this.lessons = (await this.api['authoring:list']({ teacherToken: this.teacherToken })).lessons;
    });
  }

  async create(form: NewLessonForm): Promise<boolean> {
    const paragraphs = paragraphsOf(form.text);
    this.createError = null;
    if (!form.title.trim()) return this.refuse(S.needTitle);
    if (paragraphs.length === 0) return this.refuse(S.needText);
    const optional = (key: 'titleEn' | 'source' | 'date') => (form[key].trim() ? { [key]: form[key].trim() } : {});
    const made = await this.run(async () => {
      const draft = await this.api['authoring:create']({
        teacherToken: this.teacherToken,
        title: form.title.trim(),
        level: form.level,
        paragraphs,
        ...optional('titleEn'),
        ...optional('source'),
        ...optional('date'),
      });
      await this.openDraft(draft);
    });
    if (!made) [this.createError, this.error] = [this.error, null];
    return made;
  }

  async edit(lesson: AuthoringSummary): Promise<boolean> {
    const { teacherToken, lessonId } = { teacherToken: this.teacherToken, lessonId: lesson.lessonId };
    return this.run(async () => {
      await this.openDraft(await (lesson.draft ? this.api['authoring:get']({ teacherToken, lessonId }) : this.api['authoring:editPublished']({ teacherToken, lessonId })));
    });
  }

  /** Back to the list, once everything typed is saved; the library learners see is read again. */
  async close(): Promise<void> {
    const editor = this.editor;
    if (editor) await editor.flush();
    this.editor = null;
    await this.load();
    await this.refreshLibrary();
  }

  async archive(lesson: AuthoringSummary): Promise<void> {
    this.confirming = null;
    await this.run(async () => {
      const done = await this.api['authoring:archive']({ teacherToken: this.teacherToken, lessonId: lesson.lessonId });
      this.status = done.outcome === 'archived' ? S.archived(lesson.title) : S.erased(lesson.title);
      await this.load();
      await this.refreshLibrary();
    });
  }

  async exportPack(lesson: AuthoringSummary): Promise<void> {
    await this.run(async () => {
      const outcome = await this.api['authoring:exportPack']({ teacherToken: this.teacherToken, lessonId: lesson.lessonId });
      this.status = deliverExport(outcome, { saved: S.exported, downloaded: S.downloaded, cancelled: S.exportCancelled });
    });
  }

  async importPack(file: File): Promise<void> {
    await this.run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const done = await this.api['authoring:importPack']({ teacherToken: this.teacherToken, fileName: file.name, base64: btoa(binary) });
      this.status = done.message;
      await this.load();
      await this.refreshLibrary();
    });
  }

  /** Shows the editor once its first page is read, so it never shows a page without its glosses. */
  private async openDraft(draft: DraftOutline): Promise<void> {
    const editor = new DraftEditorState(draft, this.teacherToken, this.api, () => this.refreshLibrary());
    await editor.open();
    this.editor = editor;
  }

  private async refreshLibrary(): Promise<void> {
    const library = await this.api['lessons:list']().catch(() => null);
    if (library) this.session.library = library;
  }

  private refuse(message: string): boolean {
    this.createError = message;
    return false;
  }

  private async run(step: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await step();
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
