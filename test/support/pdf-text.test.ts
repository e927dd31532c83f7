// The PDF reader the tests rely on, checked against a PDF whose every position is known.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from './pdf-text';

const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** Two A4 pages: a line made of three runs (two touching, one far right), a line under it, and a second page. */
async function twoPages(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, font });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.fontSize(10);
  const width = doc.widthOfString('Zoé');
  doc.text('Zoé', 100, 100, { lineBreak: false });
  doc.text('Martin', 100 + width, 100, { lineBreak: false });
  doc.text('87%', 400, 100, { lineBreak: false });
  doc.fontSize(9).text('Next line', 100, 120, { lineBreak: false });
  doc.addPage().fontSize(10).text('Page two', 50, 50, { lineBreak: false });
  doc.end();
  return done;
}

describe('pdfPages', () => {
  it('gives each page its size, its lines top to bottom and its runs with their boxes', async () => {
    const bytes = await twoPages();
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(2);
    const [first, second] = pages;
    expect(first?.width).toBeCloseTo(595.28, 1);
    expect(first?.height).toBeCloseTo(841.89, 1);
    expect(first?.lines).toEqual(['ZoéMartin 87%', 'Next line']);
    expect(second?.lines).toEqual(['Page two']);
    const far = first?.runs.find((r) => r.text === '87%');
    expect(far?.xMin).toBeCloseTo(400, 1);
    // pdfkit puts the top of the line at y; DejaVu's ascent and descent make the box.
    expect(far?.yMin).toBeCloseTo(100, 0);
    expect(far?.yMax).toBeGreaterThan(110);
    expect(far?.yMax).toBeLessThan(113);
    // The caller's bytes are still whole after reading.
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('joins the pages of the whole text with a form feed', async () => {
    expect(await pdfText(await twoPages())).toBe('ZoéMartin 87%\nNext line\n\fPage two');
  });
});
