// The blocks a report is built from besides tables and charts: title, section heading, empty-state note.
import type { Canvas } from './canvas';
import type { ReportFormat } from './format';
import { INK, MUTED } from './style';

export function titleBlock(c: Canvas, f: ReportFormat, title: string, kind: string, generatedAt: string, summary: string[]): void {
  c.font('bold', 18);
  for (const line of c.wrap(title, c.width, 2)) {
    c.put(line, c.left, c.y);
    c.y += c.lineHeight;
  }
  c.font('regular', 12);
  c.put(kind, c.left, c.y + 1, 'left', MUTED);
  c.y += c.lineHeight + 2;
  c.font('regular', 8.5);
  c.put(f.labels.generated(f.date(generatedAt)), c.left, c.y, 'left', MUTED);
  c.y += c.lineHeight;
  for (const line of summary) {
    for (const wrapped of c.wrap(line, c.width, 3)) {
      c.put(wrapped, c.left, c.y);
      c.y += c.lineHeight;
    }
  }
  c.y += 4;
  c.rule(c.y, INK, 0.8);
  c.y += 10;
}

/**
 * A section heading with an optional note under it. `keepWith` is the height of what must follow on the same page
 * (a table header and first row, a chart), so a heading is never left alone at the foot of a page.
 */
export function section(c: Canvas, title: string, note: string | undefined, keepWith: number): void {
  c.font('regular', 7.5);
  const noteLines = note ? c.wrap(note, c.width, 4) : [];
  const height = 22 + noteLines.length * c.lineHeight;
  c.ensure(height + keepWith);
  if (c.y > c.top) c.y += 8;
  c.font('bold', 12);
  c.put(title, c.left, c.y);
  c.y += c.lineHeight + 2;
  c.font('regular', 7.5);
  for (const line of noteLines) {
    c.put(line, c.left, c.y, 'left', MUTED);
    c.y += c.lineHeight;
  }
  c.y += 4;
}

/** What a heading should keep with it: the whole block when that can fit on a page under the heading, else a page's worth. */
export const keepable = (c: Canvas, height: number): number => Math.min(height, c.pageHeight - 60);

export function emptyNote(c: Canvas, text: string): void {
  c.font('regular', 9);
  c.ensure(c.lineHeight);
  c.put(text, c.left, c.y, 'left', MUTED);
  c.y += c.lineHeight + 4;
}
