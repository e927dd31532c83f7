// What a PDF says, read with pdfjs-dist (Mozilla's PDF reader): the one place tests read PDFs. Each page gives its
// printed lines, top to bottom, and every run of text with its box, so a test can check both what a page says and
// that nothing runs off it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text drawn in one go, with its box in points from the page's top-left corner (y grows downwards). */
export interface TextRun {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfPage {
  /** In points. */
  width: number;
  height: number;
  /** The runs that share a baseline, left to right, as one line each. */
  lines: string[];
  runs: TextRun[];
}

interface PlacedRun extends TextRun {
  baseline: number;
  size: number;
}

/** Runs closer than this share of the font size read as one word; further apart, a space is between them. */
const WORD_GAP = 0.15;
/** Baselines closer than this share of the smaller font size are one line (a label and its value drawn a size apart). */
const SAME_LINE = 1 / 3;

function linesOf(runs: readonly PlacedRun[]): string[] {
  const rows: PlacedRun[][] = [];
  for (const run of [...runs].sort((a, b) => a.baseline - b.baseline || a.xMin - b.xMin)) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && run.baseline - first.baseline <= Math.min(run.size, first.size) * SAME_LINE) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row) => {
    let line = '';
    let previous: PlacedRun | undefined;
    for (const run of row.sort((a, b) => a.xMin - b.xMin)) {
      if (previous && run.xMin - previous.xMax > WORD_GAP * Math.min(run.size, previous.size)) line += ' ';
      line += run.text;
      previous = run;
    }
    return line;
  });
}

export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  // pdfjs takes over the buffer it is handed: give it a copy, so the caller's bytes stay usable.
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const height = top - bottom;
      const content = await page.getTextContent();
      const runs: PlacedRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        const size = Math.hypot(c, d);
        const style = content.styles[item.fontName];
        const baseline = top - y;
        runs.push({
          text: item.str,
          xMin: x - left,
          xMax: x - left + item.width,
          yMin: baseline - (style?.ascent ?? 1) * size,
          yMax: baseline - (style?.descent ?? 0) * size,
          baseline,
          size,
        });
      }
      pages.push({
        width: right - left,
        height,
        lines: linesOf(runs),
        runs: runs.map(({ text, xMin, xMax, yMin, yMax }) => ({ text, xMin, xMax, yMin, yMax })),
      });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The whole text: each page's lines, one per line of the string, pages separated by a form feed. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).map((page) => page.lines.join('\n')).join('\n\f');
}
