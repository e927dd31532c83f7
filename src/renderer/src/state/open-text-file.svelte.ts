// Opening a file (or pasted text) as a new lesson's text: the backend reads it in one go and writes nothing.
// Cancelling aborts the request (browser mode: the server stops reading at the next page or chapter) and drops
// the reply. An EPUB of several chapters is read twice: first for its list of chapters, then for the range chosen.
import { api as appApi, messageOf } from '../lib/api';
import { toBase64 } from '../lib/base64';
import type { Api } from '../../../shared/contract';
import type { TextFileReading } from '../../../shared/contract/authoring';
import { MAX_IMPORT_FILE_BYTES, fileSize } from '../../../core/import/limits';
import { locale } from '../i18n/locale.svelte';
import { strings } from '../strings';

const S = strings.openText;

/** What the component hands on: the text's paragraphs and the title the file gave, if any. */
export interface OpenedText {
  paragraphs: string[];
  title?: string;
}

/** The part of a File this state reads (a test gives one made of bytes). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class OpenTextFileState {
  reading = $state<TextFileReading | null>(null);
  /** The file being read or last read. */
  fileName = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** Said once a read is cancelled or done, for a screen reader. */
  status = $state('');
  private bytes: string | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly teacherToken: string,
    private readonly api: Api = appApi,
  ) {}

  /** The text to hand on: a reading with paragraphs (an EPUB's chapter list alone is not one yet). */
  get text(): OpenedText | null {
    const reading = this.reading;
    if (!reading || reading.paragraphs.length === 0) return null;
    return { paragraphs: reading.paragraphs, ...(reading.title ? { title: reading.title } : {}) };
  }

  get needsChapters(): boolean {
    return !!this.reading?.chapters && this.reading.paragraphs.length === 0;
  }

  async open(file: FileLike): Promise<void> {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      this.reset(file.name);
      this.error = S.tooLarge(file.name, fileSize(file.size, locale.current), fileSize(MAX_IMPORT_FILE_BYTES, locale.current));
      return;
    }
    await this.read(file.name, async () => toBase64(new Uint8Array(await file.arrayBuffer())));
  }

  async paste(text: string): Promise<void> {
    await this.read(S.pastedName, async () => toBase64(new TextEncoder().encode(text)));
  }

  /** Reads the chapters from `from` to `to` (indexes, inclusive) of the EPUB already opened. */
  async chooseChapters(from: number, to: number): Promise<void> {
    const bytes = this.bytes;
    const fileName = this.fileName;
    if (bytes === null || fileName === null) return;
    await this.read(fileName, async () => bytes, { from: Math.min(from, to), to: Math.max(from, to) });
  }

  /** Cancels the read under way (its request aborted, its reply dropped): nothing was saved, the state is empty. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = null;
    this.busy = false;
    this.status = S.cancelled;
  }

  private reset(fileName: string): void {
    this.fileName = fileName;
    this.reading = null;
    this.error = null;
    this.status = '';
  }

  private async read(fileName: string, bytesOf: () => Promise<string>, chapters?: { from: number; to: number }): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const keepChapters = chapters ? this.reading : null;
    this.reset(fileName);
    if (keepChapters) this.reading = keepChapters;
    this.busy = true;
    const aborted = new Promise<'aborted'>((resolve) => controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
    try {
      const bytes = await bytesOf();
      this.bytes = bytes;
      const call = this.api['authoring:readFile']({ teacherToken: this.teacherToken, fileName, bytes, ...(chapters ? { chapters } : {}) }, { signal: controller.signal });
      const reply = await Promise.race([call, aborted]);
      if (reply === 'aborted' || controller.signal.aborted) return;
      this.reading = reply;
      this.status = S.readStatus(reply);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.reading = keepChapters;
      this.error = messageOf(error);
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.busy = false;
      }
    }
  }
}
