// What each format's reader gives back: the text's paragraphs, and the title the file itself states.
export interface ReadResult {
  paragraphs: string[];
  title?: string;
  /** An EPUB's chapters, listed for the teacher to choose from. */
  chapters?: { index: number; title: string; words: number }[];
}

/** The chapters an EPUB reader is asked for, first and last inclusive, by index in its list. */
export interface ChapterRange {
  from: number;
  to: number;
}

/** `signal`: the teacher cancelled; a reader checks it between pages or chapters and stops (refusals.cancelled). */
export type ReadText = (bytes: Uint8Array, fileName: string, chapters?: ChapterRange, signal?: AbortSignal) => Promise<ReadResult>;
