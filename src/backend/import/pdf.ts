// A PDF's text layer, by pdfjs-dist (Mozilla's PDF reader): each page's runs of text grouped into printed lines,
// then joined into paragraphs by their spacing (core/import/pdf-paragraphs). A PDF that needs a password, or has
// pages but no text on them (a scan), is refused with that reason.
import { paragraphsOfPdfPages, type PdfLine } from '../../core/import/pdf-paragraphs';
import { refusals, stopIfCancelled } from './refusals';
import type { ReadText } from './types';

interface Run {
  text: string;
  baseline: number;
  size: number;
  xMin: number;
  xMax: number;
}

/** Baselines closer than this share of the smaller font size are one line. */
const SAME_LINE = 1 / 3;
/** Runs further apart than this share of the font size have a space between them. */
const WORD_GAP = 0.15;

function linesOf(runs: Run[]): PdfLine[] {
  const rows: Run[][] = [];
  for (const run of runs.sort((a, b) => a.baseline - b.baseline || a.xMin - b.xMin)) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && run.baseline - first.baseline <= Math.min(run.size, first.size) * SAME_LINE) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.xMin - b.xMin);
    let text = '';
    let previous: Run | undefined;
    for (const run of row) {
      const spaced = previous && (run.xMin - previous.xMax > WORD_GAP * run.size || /\s$/.test(previous.text) || /^\s/.test(run.text));
      text += previous && spaced && !/\s$/.test(text) ? ` ${run.text.trimStart()}` : run.text;
      previous = run;
    }
    const first = row[0] as Run;
    return { text: text.trim(), baseline: first.baseline, size: Math.max(...row.map((r) => r.size)), xMin: first.xMin, xMax: Math.max(...row.map((r) => r.xMax)) };
  });
}

function nameOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

/**
 * pdfjs's legacy build carries core-js polyfills that replace JSON.parse and JSON.stringify with copies that accept
 * a cut-short text (a truncated results file would parse). It is loaded on first use and the natives put back.
 */
async function pdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const parse = Object.getOwnPropertyDescriptor(JSON, 'parse')!;
  const stringify = Object.getOwnPropertyDescriptor(JSON, 'stringify')!;
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    Object.defineProperty(JSON, 'parse', parse);
    Object.defineProperty(JSON, 'stringify', stringify);
  }
}

export const readPdf: ReadText = async (bytes, fileName, _chapters, signal) => {
  const { getDocument } = await pdfjs();
  let document;
  try {
    // pdfjs takes over the buffer it is handed: a copy. No eval (the app's rule), no fonts loaded: text only.
    document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, stopAtErrors: false }).promise;
  } catch (error) {
    if (nameOf(error) === 'PasswordException') throw refusals.encrypted(fileName);
    throw refusals.damaged(fileName, 'it is not a valid PDF (the file is damaged or incomplete).');
  }
  try {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= document.numPages; n++) {
      // A long PDF is read page by page: a cancel stops it at the next page (the finally below frees the document).
      stopIfCancelled(signal, fileName);
      const page = await document.getPage(n);
      const top = page.view[3] ?? 0;
      const left = page.view[0] ?? 0;
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        runs.push({ text: item.str, baseline: top - y, size: Math.hypot(c, d), xMin: x - left, xMax: x - left + item.width });
      }
      pages.push(linesOf(runs));
      page.cleanup();
    }
    const paragraphs = paragraphsOfPdfPages(pages);
    if (paragraphs.length === 0) throw refusals.noText(fileName);
    const info = (await document.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return { paragraphs, ...(title ? { title } : {}) };
  } finally {
    await document.destroy();
  }
};
