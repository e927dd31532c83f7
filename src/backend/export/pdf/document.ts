// A report's document from start to bytes: A4 in our fonts and metadata, then the footer with "Page n of m" in the report's language.
//
// Output is deterministic. pdfkit stamps the creation date into the file and derives the file ID from it: both
// come from the report's generatedAt, passed in by the caller. Nothing here reads the clock, the machine's locale or
// time zone, so one report always gives the same bytes (the teacher can re-export and diff, and the tests can
// compare buffers).
import PDFDocument from 'pdfkit';
import { Canvas } from './canvas';
import { FONT_PATHS } from './fonts';
import { MARGIN, MUTED, RULE } from './style';
import type { ReportFormat } from './format';
import { metadataText } from './text';

export function newDocument(f: ReportFormat, info: { Title: string; CreationDate: Date }): Canvas {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // Pages stay in memory so the footer can say "of m" once m is known.
    bufferPages: true,
    // The default font would be Helvetica, loaded from pdfkit's AFM files; start with ours instead.
    font: FONT_PATHS.regular,
    displayTitle: true,
    lang: f.labels.locale,
    info: { Title: metadataText(info.Title), CreationDate: info.CreationDate, ModDate: info.CreationDate, Creator: 'Liseuse', Producer: 'Liseuse (PDFKit)' },
  });
  return new Canvas(doc, f.labels.continued);
}

/** Draws the footer on every page, then ends the document and collects its bytes. */
export async function finish(c: Canvas, f: ReportFormat, footerLeft: string): Promise<Buffer> {
  const { doc } = c;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 18;
    c.rule(y - 5, RULE, 0.5);
    c.font('regular', 7.5);
    const pageLabel = f.labels.pageOf(i - start + 1, count);
    c.put(pageLabel, c.right, y, 'right', MUTED);
    c.put(c.truncate(footerLeft, c.width - 90), c.left, y, 'left', MUTED);
  }
  doc.end();
  return done;
}
