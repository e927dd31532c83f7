// A table that breaks across pages between rows.
import type { Canvas } from './canvas';
import { GRID, HEADER_FILL, INK, STRIPE } from './style';

export interface Column<T> {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'right';
  /** Lines a cell may wrap to before it is cut with …; 1 (the default) keeps it on one line. */
  maxLines?: number;
  bold?: boolean;
  value: (row: T) => string;
}

const TABLE = { size: 8, pad: 3 };

function tableRowHeight(lineCount: number, lineHeight: number): number {
  return lineCount * lineHeight + 2 * TABLE.pad;
}

/**
 * A table that breaks across pages between rows, repeating its header row on each page. Each row's height is
 * known before it is drawn (cells are wrapped first), so a row is never split across a page break.
 */
export function table<T>(c: Canvas, title: string, columns: Column<T>[], rows: readonly T[]): void {
  const total = columns.reduce((s, col) => s + col.weight, 0);
  const widths = columns.map((col) => (c.width * col.weight) / total);
  const xs = widths.map((_, i) => c.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const inner = (i: number): number => (widths[i] ?? 0) - 2 * TABLE.pad;

  c.font('bold', TABLE.size);
  const headerLines = columns.map((col, i) => c.wrap(col.header, inner(i), 3));
  const headerHeight = tableRowHeight(Math.max(...headerLines.map((l) => l.length)), c.lineHeight);

  const layoutRow = (row: T): { cells: string[][]; height: number } => {
    const cells = columns.map((col, i) => c.font(col.bold ? 'bold' : 'regular', TABLE.size).wrap(col.value(row), inner(i), col.maxLines ?? 1));
    return { cells, height: tableRowHeight(Math.max(...cells.map((l) => l.length)), c.lineHeight) };
  };

  const drawHeader = (continued: boolean): void => {
    if (continued) c.continued(title);
    c.doc.rect(c.left, c.y, c.width, headerHeight).fillColor(HEADER_FILL).fill();
    c.font('bold', TABLE.size);
    headerLines.forEach((lines, i) => {
      const col = columns[i];
      lines.forEach((line, l) => {
        const y = c.y + TABLE.pad + l * c.lineHeight;
        if (col?.align === 'right') c.put(line, (xs[i] ?? 0) + (widths[i] ?? 0) - TABLE.pad, y, 'right');
        else c.put(line, (xs[i] ?? 0) + TABLE.pad, y);
      });
    });
    c.y += headerHeight;
    c.rule(c.y, INK, 0.6);
  };

  const first = rows[0] ? layoutRow(rows[0]).height : 0;
  c.ensure(headerHeight + first + 2);
  drawHeader(false);
  rows.forEach((row, r) => {
    const { cells, height } = layoutRow(row);
    if (c.y + height > c.bottom) {
      c.newPage();
      drawHeader(true);
    }
    if (r % 2 === 1) c.doc.rect(c.left, c.y, c.width, height).fillColor(STRIPE).fill();
    cells.forEach((lines, i) => {
      const col = columns[i];
      c.font(col?.bold ? 'bold' : 'regular', TABLE.size);
      lines.forEach((line, l) => {
        const y = c.y + TABLE.pad + l * c.lineHeight;
        if (col?.align === 'right') c.put(line, (xs[i] ?? 0) + (widths[i] ?? 0) - TABLE.pad, y, 'right');
        else c.put(line, (xs[i] ?? 0) + TABLE.pad, y);
      });
    });
    c.y += height;
    c.rule(c.y, GRID, 0.4);
  });
  c.rule(c.y, INK, 0.6);
  c.y += 6;
}
