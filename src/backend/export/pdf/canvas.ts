// The page being drawn and the cursor on it: the one way text is cleaned, measured, cut, wrapped and placed.
//
// Two rules shape it:
// - Whatever a learner typed (their name, their answers) is untrusted layout input. pdfkit has no markup, so
//   there is nothing to escape, but a string can still wreck a page: newlines, direction overrides, a 300-letter
//   word. Every string goes through `cleanText` and is then truncated with … or wrapped to a measured width, so no
//   cell, bar label or title can grow past the space it was given.
// - Every string is drawn on one line at an explicit position (`lineBreak: false`). pdfkit's own wrapping adds
//   pages by itself when text reaches the bottom margin, which would fight our pagination and the footer; so we
//   wrap, measure and paginate ourselves, and always know how tall a row is before drawing it.
import { FONT_PATHS, fonts, type FontKind } from './fonts';
import { INK, MARGIN, MUTED, RULE } from './style';
import { cleanText, graphemes } from './text';

export type Align = 'left' | 'right' | 'center';

/**
 * The document plus our cursor: `y` is where the next block starts. Everything that draws goes through here so
 * that cleaning, measuring and pagination are done one way.
 */
export class Canvas {
  y: number;
  readonly left = MARGIN.left;
  readonly top = MARGIN.top;
  readonly right: number;
  readonly bottom: number;
  private kind: FontKind = 'regular';
  private size = 9;
  // Cleaning is pure, and the same strings ("—", "100%", a name in the table and again in the chart) come back often.
  private readonly cleaned: Record<FontKind, Map<string, string>> = { regular: new Map(), bold: new Map() };

  /** `continuedLabel` words the line over a block carried on from the previous page, in the report's language. */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly continuedLabel: (title: string) => string = (title) => `${title} (continued)`,
  ) {
    this.right = doc.page.width - MARGIN.right;
    this.bottom = doc.page.height - MARGIN.bottom;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Height of one line of text at the current size. */
  get lineHeight(): number {
    return this.size * 1.3;
  }

  font(kind: FontKind, size: number): this {
    this.kind = kind;
    this.size = size;
    this.doc.font(FONT_PATHS[kind]).fontSize(size);
    return this;
  }

  clean(text: string): string {
    const cache = this.cleaned[this.kind];
    let clean = cache.get(text);
    if (clean === undefined) {
      clean = cleanText(text, fonts()[this.kind]);
      if (cache.size > 10_000) cache.clear();
      cache.set(text, clean);
    }
    return clean;
  }

  private measure(clean: string): number {
    return this.doc.widthOfString(clean);
  }

  /** Width of the text as `put` would draw it, in the current font. */
  textWidth(text: string): number {
    return this.measure(this.clean(text));
  }

  /** The text on one line of at most `width`, cut with … when longer. `ellipsis` forces the mark (for a last kept line). */
  truncate(text: string, width: number, ellipsis = false): string {
    const clean = this.clean(text);
    if (!ellipsis && this.measure(clean) <= width) return clean;
    const parts = graphemes(clean);
    const cut = (n: number): string => `${parts.slice(0, n).join('').trimEnd()}…`;
    let lo = 0;
    let hi = parts.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.measure(cut(mid)) <= width) lo = mid;
      else hi = mid - 1;
    }
    return cut(lo);
  }

  /**
   * Greedy word wrap to `width`, at most `maxLines` lines, the last cut with … when the text goes on. A word wider
   * than the column (a URL, a name of 200 W's) is broken between characters rather than allowed to overflow.
   */
  wrap(text: string, width: number, maxLines: number): string[] {
    const clean = this.clean(text);
    const lines: string[] = [];
    let line = '';
    for (const word of clean.split(' ')) {
      if (lines.length > maxLines) break; // already known to overflow: no need to lay out the rest
      const candidate = line ? `${line} ${word}` : word;
      if (this.measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (this.measure(word) <= width) {
        line = word;
        continue;
      }
      for (const g of graphemes(word)) {
        if (line && this.measure(line + g) > width) {
          lines.push(line);
          line = '';
        }
        line += g;
      }
    }
    if (line || lines.length === 0) lines.push(line);
    if (lines.length <= maxLines) return lines;
    return [...lines.slice(0, maxLines - 1), this.truncate(lines.slice(maxLines - 1).join(' '), width, true)];
  }

  /**
   * One line of text whose top is at y; `x` is the left edge, the right edge or the centre as aligned. Never
   * wraps. `backdrop` clears a white box behind it first, for a label that may sit on a grid or guide line.
   */
  put(text: string, x: number, y: number, align: Align = 'left', color = INK, backdrop = false): void {
    const clean = this.clean(text);
    if (!clean) return;
    const w = this.measure(clean);
    const at = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
    if (backdrop) this.doc.rect(at - 1, y - 0.5, w + 2, this.size * 1.2).fillColor('#ffffff').fill();
    this.doc.fillColor(color).text(clean, at, y, { lineBreak: false });
  }

  /** Height of a page's writable area, for blocks that want to stay on one page when they can. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** The small grey "… (continued)" line over a block that carries on from the previous page. */
  continued(title: string): void {
    this.font('regular', 7.5);
    this.put(this.continuedLabel(title), this.left, this.y, 'left', MUTED);
    this.y += this.lineHeight + 2;
  }

  /** Starts a new page unless `height` still fits below the cursor; says whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  rule(y: number, color = RULE, width = 0.5): void {
    this.doc.moveTo(this.left, y).lineTo(this.right, y).lineWidth(width).strokeColor(color).stroke();
  }
}
