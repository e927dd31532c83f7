// A PDF's printed lines joined back into paragraphs. A PDF keeps no paragraphs, only lines at places: a line
// starts a new paragraph when the space above it is clearly more than the page's usual line spacing, when it is
// indented, or when the line before it stopped short after a full stop. A paragraph runs on over a page break
// unless the page ended a sentence. Lines that are only a page number are dropped.
import { keepParagraphs } from './paragraphs';

/** One printed line, in points from the page's top-left corner (y grows downwards). */
export interface PdfLine {
  text: string;
  baseline: number;
  /** The font size, which is also the line's height for the spacing rules. */
  size: number;
  xMin: number;
  xMax: number;
}

/** A gap above a line this much wider than the usual one opens a paragraph. */
const PARAGRAPH_GAP = 1.4;
/** A line starting this many font sizes right of the page's left margin is an indented first line. */
const INDENT = 1.2;
/** A line ending a sentence and shorter than this share of the page's text width closes its paragraph. */
const SHORT_LINE = 0.8;
const ENDS_SENTENCE = /[.!?…:»"”)\]]$/u;
const PAGE_NUMBER = /^[-–—\s]*\d{1,4}[-–—\s]*$/u;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function joinLine(paragraph: string, line: string): string {
  return paragraph ? `${paragraph} ${line}` : line;
}

export function paragraphsOfPdfPages(pages: readonly (readonly PdfLine[])[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const page of pages) {
    const lines = page.filter((line) => line.text.trim() && !PAGE_NUMBER.test(line.text));
    if (lines.length === 0) continue;
    const gaps = lines.slice(1).map((line, i) => line.baseline - (lines[i] as PdfLine).baseline).filter((gap) => gap > 0);
    const usualGap = median(gaps);
    const left = Math.min(...lines.map((line) => line.xMin));
    const right = Math.max(...lines.map((line) => line.xMax));
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (previous) {
        const gap = line.baseline - previous.baseline;
        const wideGap = usualGap > 0 && gap > usualGap * PARAGRAPH_GAP;
        const indented = line.xMin - left > INDENT * line.size;
        const stoppedShort = ENDS_SENTENCE.test(previous.text.trim()) && previous.xMax - left < SHORT_LINE * (right - left);
        if (wideGap || indented || stoppedShort) {
          paragraphs.push(current);
          current = '';
        }
      } else if (current && ENDS_SENTENCE.test(current.trim())) {
        // A new page: the paragraph before it ended with its sentence.
        paragraphs.push(current);
        current = '';
      }
      current = joinLine(current, line.text);
    });
  }
  paragraphs.push(current);
  return keepParagraphs(paragraphs);
}
