// Printable teacher reports as PDF: the class report (overview, best scores, question analysis, difficulty by
// paragraph) and the learner report (scores per attempt, every answer, look-ups), on A4, drawn with pdfkit's
// vector primitives only.
//
// Three rules shape this file:
// - Whatever a learner typed (their name, their answers) is untrusted layout input. pdfkit has no markup, so
//   there is nothing to escape, but a string can still wreck a page: newlines, direction overrides, a 300-letter
//   word. Every string goes through `cleanText` and is then truncated with … or wrapped to a measured width, so no
//   cell, bar label or title can grow past the space it was given.
// - Every string is drawn on one line at an explicit position (`lineBreak: false`). pdfkit's own wrapping adds
//   pages by itself when text reaches the bottom margin, which would fight our pagination and the footer; so we
//   wrap, measure and paginate ourselves, and always know how tall a row is before drawing it.
// - Output is deterministic. pdfkit stamps the creation date into the file and derives the file ID from it: both
//   come from report.generatedAt. Nothing here reads the clock, the locale or the time zone, so one report always
//   gives the same bytes (the teacher can re-export and diff, and the tests can compare buffers).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ClassReport, LearnerReport, LearnerRow, QuestionRow } from '../../core/reports/class-report';
import { MIN_LEARNERS_FOR_DISCRIMINATION } from '../../core/reports/item-stats';
import { chartLayout } from '../../core/score-chart';

// ---- Fonts ----

// DejaVu Sans covers Latin (ł, ß, œ), Greek, Cyrillic and much more, so any learner's name prints; the 14
// standard PDF fonts only know Latin-1. The fonts are embedded (subset) in every file, so the PDF reads the same
// on any machine.
const requireFromHere = createRequire(import.meta.url);
const FONT_PATHS = {
  regular: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
type FontKind = keyof typeof FONT_PATHS;

interface FontInfo {
  /** Code points the font has a glyph for. */
  covers: ReadonlySet<number>;
  /** What a character the font lacks is drawn as: U+FFFD when the font has it. */
  replacement: string;
}

let fontInfo: Record<FontKind, FontInfo> | undefined;
function fonts(): Record<FontKind, FontInfo> {
  if (!fontInfo) {
    const info = (path: string): FontInfo => {
      const covers = cmapCoverage(readFileSync(path));
      return { covers, replacement: covers.has(0xfffd) ? '\uFFFD' : '?' };
    };
    fontInfo = { regular: info(FONT_PATHS.regular), bold: info(FONT_PATHS.bold) };
  }
  return fontInfo;
}

/**
 * The code points a TrueType font maps to a glyph, read from its cmap (format 12 when present, else format 4).
 * A font lacking a character draws an empty box (.notdef) that copies as nothing; knowing the coverage lets us
 * print a visible, copyable U+FFFD for an emoji instead. Read here rather than through pdfkit's private fields.
 */
function cmapCoverage(ttf: Buffer): Set<number> {
  const covered = new Set<number>();
  const numTables = ttf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (ttf.toString('latin1', record, record + 4) === 'cmap') cmap = ttf.readUInt32BE(record + 8);
  }
  if (cmap < 0) return covered;
  let format4 = -1;
  let format12 = -1;
  const subtables = ttf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = ttf.readUInt16BE(cmap + 4 + i * 8);
    const encoding = ttf.readUInt16BE(cmap + 6 + i * 8);
    const at = cmap + ttf.readUInt32BE(cmap + 8 + i * 8);
    const format = ttf.readUInt16BE(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) format12 = at;
    if (unicode && format === 4) format4 = at;
  }
  if (format12 >= 0) {
    const groups = ttf.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const glyph = ttf.readUInt32BE(at + 8);
      for (let cp = ttf.readUInt32BE(at), end = ttf.readUInt32BE(at + 4), k = 0; cp <= end; cp++, k++) if (glyph + k !== 0) covered.add(cp);
    }
  } else if (format4 >= 0) {
    const segments = ttf.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const start = ttf.readUInt16BE(starts + s * 2);
      const end = ttf.readUInt16BE(ends + s * 2);
      const delta = ttf.readInt16BE(deltas + s * 2);
      const rangeOffset = ttf.readUInt16BE(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const raw = ttf.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) covered.add(cp);
      }
    }
  }
  return covered;
}

// ---- Text hygiene ----

/** Longer input is cut before any work: a cell shows at most a few lines anyway, and measuring costs. */
const MAX_INPUT = 2000;
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/**
 * Characters that can join their neighbours into one user-perceived character: combining marks, joiners,
 * Hangul jamo, Arabic prepended signs, and anything beyond the BMP (emoji, flags, modifiers). Text without them,
 * nearly all text, splits into graphemes per code point; the segmenter is exact but ~50 times slower.
 */
// (The joiners sit outside the class: a joiner inside one reads as a joined sequence to linters and readers.)
const CLUSTERING = /[\p{M}\u0600-\u0605\u06DD\u070F\u08E2\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u{10000}-\u{10FFFF}]|\u200C|\u200D/u;
const graphemes = (text: string): string[] => (CLUSTERING.test(text) ? Array.from(graphemeSegmenter.segment(text), (s) => s.segment) : Array.from(text));

/**
 * One clean line of text for one font: control characters and line breaks become spaces (a cell stays one
 * paragraph that we wrap ourselves), direction overrides and invisible formatting marks are dropped (pdfkit lays
 * text out left to right; an RLO would only scramble the order), runs of white space collapse, and a character
 * the font has no glyph for (an emoji, say) becomes one replacement mark per user-perceived character.
 */
function cleanText(raw: string, font: FontInfo): string {
  const flat = raw
    .slice(0, MAX_INPUT)
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  let out = '';
  for (const cluster of graphemes(flat)) out += drawable(cluster, font) ?? drawable(cluster.normalize('NFKC'), font) ?? font.replacement;
  return out;
}

/**
 * A character as the font can draw it, or undefined. A base the font has keeps the marks the font also has (a
 * variation selector it lacks is simply dropped). The caller retries with the compatibility form, so a full-width
 * Ｗ or a ligature ﬁ the font lacks still prints as W or fi rather than a replacement mark.
 */
function drawable(cluster: string, font: FontInfo): string | undefined {
  const has = (p: string): boolean => font.covers.has(p.codePointAt(0) ?? 0);
  const points = Array.from(cluster);
  const base = points[0];
  return base !== undefined && has(base) ? points.filter(has).join('') : undefined;
}

// ---- Formatting (fixed, locale-free: the bytes must not depend on the machine) ----

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number): string => String(n).padStart(2, '0');

function validDate(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "12 May 2024, 14:03 UTC": UTC so that the same report prints the same on every machine. */
function formatDate(iso: string | null | undefined): string {
  const d = validDate(iso);
  if (!d) return '—';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** Whole percent, as the teacher sees it on screen; "—" for no score. */
const percent = (share: number | null): string => (share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`);
const minutes = (seconds: number): string => (seconds / 60).toFixed(1);
const decimal = (value: number): string => value.toFixed(2);
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** Signed, with a true minus sign: D runs from −1 to +1 and the sign is the point. */
const signed = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value < 0 ? `−${Math.abs(value).toFixed(2)}` : '0.00');

const VERDICTS: Record<string, string> = { correct: '✓ Correct', partial: '◐ Partial', almost: '≈ Almost', wrong: '✗ Wrong' };

// ---- Page and palette ----

const MARGIN = { top: 46, bottom: 54, left: 44, right: 44 };
const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const RULE = '#b8b8b8';
const GRID = '#dddddd';
const STRIPE = '#f2f4f7';
const HEADER_FILL = '#e3e7ed';
const BAR = '#3d6a99';
const BAR_DARK = '#24456b';
const HATCH = '#8a3324';

type Align = 'left' | 'right' | 'center';

/**
 * The document plus our cursor: `y` is where the next block starts. Everything that draws goes through here so
 * that cleaning, measuring and pagination are done one way.
 */
class Canvas {
  y: number;
  readonly left = MARGIN.left;
  readonly top = MARGIN.top;
  readonly right: number;
  readonly bottom: number;
  private kind: FontKind = 'regular';
  private size = 9;
  // Cleaning is pure, and the same strings ("—", "100%", a name in the table and again in the chart) come back often.
  private readonly cleaned: Record<FontKind, Map<string, string>> = { regular: new Map(), bold: new Map() };

  constructor(readonly doc: PDFKit.PDFDocument) {
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
    this.put(`${title} (continued)`, this.left, this.y, 'left', MUTED);
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

/** Document metadata shows in the viewer's title bar: one line, of a sane length, whatever the learner's name. */
function metadataText(text: string): string {
  const flat = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/gu, ' ').trim();
  const parts = graphemes(flat);
  return parts.length > 160 ? `${parts.slice(0, 159).join('')}…` : flat;
}

function newDocument(info: { Title: string; CreationDate: Date }): { doc: PDFKit.PDFDocument; c: Canvas } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // Pages stay in memory so the footer can say "of m" once m is known.
    bufferPages: true,
    // The default font would be Helvetica, loaded from pdfkit's AFM files; start with ours instead.
    font: FONT_PATHS.regular,
    displayTitle: true,
    lang: 'en',
    info: { Title: metadataText(info.Title), CreationDate: info.CreationDate, ModDate: info.CreationDate, Creator: 'Liseuse', Producer: 'Liseuse (PDFKit)' },
  });
  return { doc, c: new Canvas(doc) };
}

/** Draws the footer on every page, then ends the document and collects its bytes. */
async function finish(c: Canvas, footerLeft: string): Promise<Buffer> {
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
    const pageLabel = `Page ${i - start + 1} of ${count}`;
    c.put(pageLabel, c.right, y, 'right', MUTED);
    c.put(c.truncate(footerLeft, c.width - 90), c.left, y, 'left', MUTED);
  }
  doc.end();
  return done;
}

// ---- Blocks ----

function titleBlock(c: Canvas, title: string, kind: string, generatedAt: string, summary: string[]): void {
  c.font('bold', 18);
  for (const line of c.wrap(title, c.width, 2)) {
    c.put(line, c.left, c.y);
    c.y += c.lineHeight;
  }
  c.font('regular', 12);
  c.put(kind, c.left, c.y + 1, 'left', MUTED);
  c.y += c.lineHeight + 2;
  c.font('regular', 8.5);
  c.put(`Generated ${formatDate(generatedAt)}`, c.left, c.y, 'left', MUTED);
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
function section(c: Canvas, title: string, note: string | undefined, keepWith: number): void {
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
const keepable = (c: Canvas, height: number): number => Math.min(height, c.pageHeight - 60);

function emptyNote(c: Canvas, text: string): void {
  c.font('regular', 9);
  c.ensure(c.lineHeight);
  c.put(text, c.left, c.y, 'left', MUTED);
  c.y += c.lineHeight + 4;
}

// ---- Table with pagination ----

interface Column<T> {
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
function table<T>(c: Canvas, title: string, columns: Column<T>[], rows: readonly T[]): void {
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

// ---- Horizontal bar chart ----

interface Bar {
  label: string;
  /** Null draws no bar, only `text` (e.g. "—" for no finished attempt). */
  value: number | null;
  text: string;
}

interface BarChartOptions {
  max: number;
  ticks: { value: number; label: string }[];
  /** Width kept for the labels on the left. */
  labelWidth: number;
  /** Dashed reference lines, e.g. the usual bounds of a comfortable facility. */
  guides?: number[];
}

const BAR_ROW = 13;
const BAR_HEIGHT = 8.5;
const BAR_AXIS = 14;
const barChartHeight = (bars: number): number => BAR_AXIS + bars * BAR_ROW + 6;

/**
 * One bar per row, labels on the left, the value printed at the end of each bar, so the chart reads without
 * colour and without a ruler. Long lists continue on the next page with the axis drawn again.
 */
function barChart(c: Canvas, title: string, bars: readonly Bar[], options: BarChartOptions): void {
  const x0 = c.left + options.labelWidth + 8;
  // Room after a full-length bar for its value label.
  const x1 = c.right - 34;
  const xOf = (v: number): number => x0 + (x1 - x0) * Math.min(1, Math.max(0, v / options.max));

  // A chart that fits on a page is kept whole (moved to the next page rather than split); a longer one is split.
  if (barChartHeight(bars.length) <= c.pageHeight) c.ensure(barChartHeight(bars.length));
  let index = 0;
  while (index < bars.length) {
    // At least a few rows together with their axis, or a new page.
    if (c.ensure(BAR_AXIS + Math.min(3, bars.length - index) * BAR_ROW + 4) && index > 0) c.continued(title);
    const fit = Math.max(1, Math.floor((c.bottom - c.y - BAR_AXIS - 4) / BAR_ROW));
    const chunk = bars.slice(index, index + fit);
    const top = c.y + BAR_AXIS;
    const bottom = top + chunk.length * BAR_ROW;

    c.font('regular', 7);
    for (const tick of options.ticks) {
      const x = xOf(tick.value);
      c.put(tick.label, x, c.y + 2, 'center', MUTED);
      c.doc.moveTo(x, top).lineTo(x, bottom).lineWidth(0.4).strokeColor(GRID).stroke();
    }
    for (const guide of options.guides ?? []) {
      c.doc.moveTo(xOf(guide), top).lineTo(xOf(guide), bottom).lineWidth(0.6).dash(2, { space: 2 }).strokeColor(MUTED).stroke().undash();
    }

    chunk.forEach((bar, i) => {
      const rowTop = top + i * BAR_ROW;
      const barTop = rowTop + (BAR_ROW - BAR_HEIGHT) / 2;
      const textTop = rowTop + (BAR_ROW - 7 * 1.16) / 2;
      c.font('regular', 7.5);
      c.put(c.truncate(bar.label, options.labelWidth), c.left, textTop - 0.5);
      c.font('regular', 7);
      if (bar.value === null) {
        c.put(bar.text, x0 + 3, textTop, 'left', MUTED);
        return;
      }
      const end = xOf(bar.value);
      if (end - x0 > 0.2) c.doc.rect(x0, barTop, end - x0, BAR_HEIGHT).fillColor(BAR).fill();
      c.put(bar.text, end + 2.5, textTop, 'left', INK, true);
    });
    c.doc.moveTo(x0, top).lineTo(x0, bottom).lineWidth(0.8).strokeColor(INK).stroke();
    c.y = bottom + 6;
    index += chunk.length;
  }
}

// ---- Grouped (vertical) bar chart ----

type Fill = 'solid' | 'hatched';

interface Series {
  name: string;
  fill: Fill;
}

/**
 * A bar's look, shared by the bars and the legend. The two series differ in more than colour: one is a solid dark
 * fill, the other white with diagonal hatching and an outline, so they stay apart in greyscale print and for
 * colour-blind readers; the legend spells out what each is.
 */
function drawFilled(c: Canvas, fill: Fill, x: number, y: number, w: number, h: number): void {
  const { doc } = c;
  if (w <= 0 || h <= 0) return;
  if (fill === 'solid') {
    doc.rect(x, y, w, h).fillColor(BAR).fill();
    doc.rect(x, y, w, h).lineWidth(0.6).strokeColor(BAR_DARK).stroke();
    return;
  }
  doc.rect(x, y, w, h).fillColor('#ffffff').fill();
  doc.save();
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(0.7).strokeColor(HATCH);
  for (let i = -h; i < w; i += 3) doc.moveTo(x + i, y + h).lineTo(x + i + h, y).stroke();
  doc.restore();
  doc.rect(x, y, w, h).lineWidth(0.8).strokeColor(HATCH).stroke();
}

/** Tick step and top of an axis of whole counts: steps of 1, 2 or 5 times a power of ten, at most ~5 ticks. */
function countAxis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10);
  return { top: Math.ceil(max / step) * step, step };
}

/** Plot, axis labels and axis title of one panel. */
const GROUPED_PANEL_HEIGHT = 158;
// 15 groups leave room for a two-digit count over each bar.
const GROUPS_PER_PANEL = 15;

/**
 * Vertical bars in groups (one group per paragraph, one bar per series), with counts printed on the bars when
 * there is room. A long lesson is split into panels of GROUPS_PER_PANEL groups sharing one scale, rather than
 * squeezing bars to hairlines.
 */
function groupedBarChart(c: Canvas, title: string, groups: readonly { label: string; values: number[] }[], series: readonly Series[], axisTitle: string): void {
  const plotHeight = GROUPED_PANEL_HEIGHT - 38;
  const axisWidth = 26;
  const { top: yTop, step } = countAxis(Math.max(0, ...groups.flatMap((g) => g.values)));
  const panelHeight = GROUPED_PANEL_HEIGHT;

  // The legend heads the chart on every page it spans: a swatch drawn exactly like the bars, then the name.
  const legend = (): void => {
    let lx = c.left + axisWidth;
    c.font('regular', 7.5);
    for (const s of series) {
      drawFilled(c, s.fill, lx, c.y + 1, 14, 9);
      c.put(s.name, lx + 18, c.y + 1);
      lx += 18 + c.textWidth(s.name) + 18;
    }
    c.y += 16;
  };
  c.ensure(16 + panelHeight);
  legend();

  for (let from = 0; from < groups.length; from += GROUPS_PER_PANEL) {
    const panel = groups.slice(from, from + GROUPS_PER_PANEL);
    if (c.ensure(panelHeight)) {
      c.continued(title);
      legend();
    }
    const x0 = c.left + axisWidth;
    // Panels keep the full-panel slot width so bars are the same size in every panel.
    const slot = (c.right - x0) / Math.max(Math.min(groups.length, GROUPS_PER_PANEL), 8);
    const yBase = c.y + 8 + plotHeight;
    const yOf = (v: number): number => yBase - (plotHeight * v) / yTop;

    c.font('regular', 7);
    for (let v = 0; v <= yTop; v += step) {
      const y = yOf(v);
      c.doc.moveTo(x0, y).lineTo(c.right, y).lineWidth(0.4).strokeColor(GRID).stroke();
      c.put(String(v), x0 - 4, y - 3.5, 'right', MUTED);
    }

    const barWidth = Math.min(22, (slot * 0.7) / series.length);
    // Counts over the bars only when the widest fits its bar: all or none, so a missing label never means zero.
    c.font('regular', 6.5);
    const labelled = c.textWidth(String(yTop)) <= barWidth + 1;
    panel.forEach((group, g) => {
      const centre = x0 + slot * (g + 0.5);
      const left = centre - (barWidth * series.length) / 2;
      group.values.forEach((value, s) => {
        const x = left + s * barWidth;
        const fill = series[s]?.fill ?? 'solid';
        drawFilled(c, fill, x + 0.5, yOf(value), barWidth - 1, yBase - yOf(value));
        if (labelled) {
          c.font('regular', 6.5);
          c.put(String(value), x + barWidth / 2, yOf(value) - 8.5, 'center');
        }
      });
      c.font('regular', 7.5);
      c.put(group.label, centre, yBase + 3, 'center');
    });
    c.doc.moveTo(x0, yBase).lineTo(c.right, yBase).lineWidth(0.8).strokeColor(INK).stroke();
    c.font('regular', 7.5);
    c.put(axisTitle, x0 + (c.right - x0) / 2, yBase + 14, 'center', MUTED);
    c.y = yBase + 30;
  }
}

// ---- Line chart of scores over attempts ----

/**
 * Scores of the finished attempts in order, as points joined by a line, on a fixed 0–100 % scale. Geometry comes
 * from core/score-chart, the same layout the progress page draws, so the PDF and the screen agree.
 */
function scoreChart(c: Canvas, points: readonly { number: number; score: number }[]): void {
  const height = 130;
  c.ensure(height + 6);
  const layout = chartLayout(
    points.map((p) => ({ id: String(p.number), score: p.score, series: 'quiz' })),
    { width: Math.min(c.width, 360), height, left: 50, right: 30, top: 12, bottom: 26 },
  );
  const ox = c.left;
  const oy = c.y;
  const { plot } = layout;
  // The axes stand a little outside the first and last points so their markers and labels clear the axis.
  const inset = 14;
  const ax0 = plot.x0 - inset;
  const ax1 = plot.x1 + inset;
  c.font('regular', 7);
  for (const tick of layout.yTicks) {
    c.doc.moveTo(ox + ax0, oy + tick.y).lineTo(ox + ax1, oy + tick.y).lineWidth(0.4).strokeColor(GRID).stroke();
    c.put(percent(tick.value), ox + ax0 - 5, oy + tick.y - 3.5, 'right', MUTED);
  }
  for (const tick of layout.xTicks) c.put(String(points[tick.n - 1]?.number ?? tick.n), ox + tick.x, oy + plot.y0 + 4, 'center', MUTED);
  c.put('Attempt', ox + (plot.x0 + plot.x1) / 2, oy + plot.y0 + 14, 'center', MUTED);
  c.doc.moveTo(ox + ax0, oy + plot.y1).lineTo(ox + ax0, oy + plot.y0).lineTo(ox + ax1, oy + plot.y0).lineWidth(0.8).strokeColor(INK).stroke();

  // Value labels first, on white, so the line and markers drawn next stay whole over them.
  if (layout.points.length <= 15) {
    c.font('regular', 6.5);
    // Under a point at the very top, so the label stays inside the plot.
    for (const p of layout.points) c.put(percent(p.score), ox + p.x, oy + p.y + (p.score > 0.9 ? 5 : -11), 'center', INK, true);
  }
  const [first, ...rest] = layout.points;
  if (first) {
    c.doc.moveTo(ox + first.x, oy + first.y);
    for (const p of rest) c.doc.lineTo(ox + p.x, oy + p.y);
    c.doc.lineWidth(1.4).strokeColor(BAR).stroke();
  }
  for (const p of layout.points) {
    c.doc.circle(ox + p.x, oy + p.y, 2.8).fillColor('#ffffff').fill();
    c.doc.circle(ox + p.x, oy + p.y, 2.8).lineWidth(1.2).strokeColor(BAR_DARK).stroke();
  }
  c.y = oy + height + 6;
}

// ---- The class report ----

const overviewColumns: Column<LearnerRow>[] = [
  { header: 'Learner', weight: 170, maxLines: 2, value: (l) => l.name },
  { header: 'Last score', weight: 46, align: 'right', value: (l) => percent(l.lastScore) },
  { header: 'Best score', weight: 46, align: 'right', value: (l) => percent(l.bestScore) },
  { header: 'Completion', weight: 54, align: 'right', value: (l) => percent(l.completion) },
  { header: 'Reading time (min)', weight: 54, align: 'right', value: (l) => minutes(l.readingSeconds) },
  { header: 'Words looked up', weight: 54, align: 'right', value: (l) => String(l.wordsLookedUp) },
  { header: 'Attempts', weight: 48, align: 'right', value: (l) => String(l.attempts) },
];

const questionColumns: Column<QuestionRow>[] = [
  { header: '#', weight: 20, align: 'right', value: (q) => String(q.number) },
  { header: 'Question', weight: 146, maxLines: 6, value: (q) => q.prompt },
  { header: 'Correct', weight: 42, align: 'right', value: (q) => (q.answered ? percent(q.shareCorrect) : '—') },
  { header: 'Facility', weight: 40, align: 'right', value: (q) => (q.answered ? decimal(q.facility) : '—') },
  { header: 'Discrim. (D)', weight: 46, align: 'right', value: (q) => (q.discrimination === null ? 'n/a' : signed(q.discrimination)) },
  {
    header: 'Most chosen wrong option',
    weight: 108,
    maxLines: 3,
    value: (q) => {
      const top = q.wrongChoices[0];
      return top ? `${top.text} (${top.count})` : '—';
    },
  },
  {
    header: 'Top look-ups by those who missed it',
    weight: 100,
    maxLines: 3,
    value: (q) =>
      q.lookedUpByMissers
        .slice(0, 3)
        .map((l) => `${l.lemma} (${l.learners})`)
        .join(', ') || '—',
  },
];

export async function classReportPdf(report: ClassReport): Promise<Buffer> {
  const { c } = newDocument({ Title: `${report.lesson.title} — Class report`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });
  const learners = report.learners;
  const best = learners.flatMap((l) => (l.bestScore === null ? [] : [l.bestScore]));
  const meanBest = best.length ? best.reduce((a, b) => a + b, 0) / best.length : null;

  titleBlock(c, report.lesson.title, 'Class report', report.generatedAt, [
    `${count(learners.length, 'learner', 'learners')} · ${count(report.lesson.questionCount, 'question', 'questions')} · ` +
      `${best.length} with a finished attempt · mean best score ${percent(meanBest)}`,
  ]);

  section(c, 'Class overview', 'Scores are of finished attempts; completion is the share of questions answered in the latest attempt.', 50);
  if (learners.length) table(c, 'Class overview', overviewColumns, learners);
  else emptyNote(c, 'No learners in this class yet.');

  section(c, 'Best score per learner', '— marks a learner with no finished attempt.', keepable(c, barChartHeight(learners.length)));
  if (learners.length) {
    barChart(
      c,
      'Best score per learner',
      learners.map((l) => ({ label: l.name, value: l.bestScore, text: percent(l.bestScore) })),
      { max: 1, labelWidth: 150, ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: percent(v) })) },
    );
  } else emptyNote(c, 'No learners in this class yet.');

  const questions = report.questions;
  section(
    c,
    'Question analysis',
    "Counted: each learner's first finished attempt. Correct: share of fully right answers. Facility: the mean score, 0–1. " +
      `Discrimination: facility in the top 27 % of the class (by total score) minus the bottom 27 %; n/a below ${MIN_LEARNERS_FOR_DISCRIMINATION} answers. ` +
      'Look-ups are in the paragraph holding the answer, with how many of those who missed it looked each word up.',
    60,
  );
  if (questions.length) table(c, 'Question analysis', questionColumns, questions);
  else emptyNote(c, 'This lesson has no quiz.');

  if (questions.length) {
    section(c, 'Facility per question', 'Mean score per question, 0 (nobody right) to 1 (everyone right). Dashed lines at 0.3 and 0.9: outside them a question is unusually hard or easy.', keepable(c, barChartHeight(questions.length)));
    barChart(
      c,
      'Facility per question',
      questions.map((q) => ({ label: `Q${q.number}  ${q.prompt}`, value: q.answered ? q.facility : null, text: q.answered ? decimal(q.facility) : '—' })),
      { max: 1, labelWidth: 170, guides: [0.3, 0.9], ticks: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: String(v) })) },
    );
  }

  section(c, 'Difficulty by paragraph', 'Look-ups: words looked up in the paragraph, by all learners. Misses: answers below full marks to questions whose evidence is in the paragraph.', 16 + GROUPED_PANEL_HEIGHT);
  if (report.paragraphs.some((p) => p.lookups > 0 || p.misses > 0)) {
    groupedBarChart(
      c,
      'Difficulty by paragraph',
      report.paragraphs.map((p) => ({ label: String(p.paragraph), values: [p.lookups, p.misses] })),
      [
        { name: 'Look-ups (solid)', fill: 'solid' },
        { name: 'Misses (hatched)', fill: 'hatched' },
      ],
      'Paragraph',
    );
  } else emptyNote(c, 'No look-ups or missed answers yet.');

  return finish(c, `Liseuse · Class report · ${report.lesson.title}`);
}

// ---- The learner report ----

interface AnswerLine {
  number: number;
  prompt: string;
  given: string;
  verdict: string;
  score: number;
  timeMs: number;
}

const answerColumns: Column<AnswerLine>[] = [
  { header: '#', weight: 20, align: 'right', value: (a) => (a.number ? String(a.number) : '?') },
  { header: 'Question', weight: 164, maxLines: 5, value: (a) => a.prompt },
  { header: 'Their answer', weight: 166, maxLines: 5, value: (a) => a.given },
  { header: 'Verdict', weight: 58, value: (a) => VERDICTS[a.verdict] ?? a.verdict },
  { header: 'Score', weight: 36, align: 'right', value: (a) => percent(a.score) },
  { header: 'Time (s)', weight: 46, align: 'right', value: (a) => (a.timeMs / 1000).toFixed(1) },
];

const lookupColumns: Column<LearnerReport['lookups'][number]>[] = [
  { header: 'Word (lemma)', weight: 200, maxLines: 2, value: (l) => l.lemma },
  { header: 'Paragraphs', weight: 200, maxLines: 3, value: (l) => l.paragraphs.join(', ') },
  { header: 'Times looked up', weight: 80, align: 'right', value: (l) => String(l.count) },
];

/** Key figures as a grid of small label-over-value tiles: easier to scan than a sentence. */
function figures(c: Canvas, items: [string, string][]): void {
  const perRow = 4;
  const w = c.width / perRow;
  for (let i = 0; i < items.length; i += perRow) {
    c.ensure(30);
    items.slice(i, i + perRow).forEach(([label, value], k) => {
      const x = c.left + k * w;
      c.font('regular', 7.5);
      c.put(c.truncate(label, w - 8), x, c.y, 'left', MUTED);
      c.font('bold', 11);
      c.put(c.truncate(value, w - 8), x, c.y + 10);
    });
    c.y += 30;
  }
}

export async function learnerReportPdf(report: LearnerReport): Promise<Buffer> {
  const { learner } = report;
  const { c } = newDocument({ Title: `${learner.name} — ${report.lesson.title} — Learner report`, CreationDate: validDate(report.generatedAt) ?? new Date(0) });

  titleBlock(c, learner.name, `Learner report · ${report.lesson.title}`, report.generatedAt, []);
  figures(c, [
    ['Attempts', `${learner.attempts} (${learner.finishedAttempts} finished)`],
    ['Last score', percent(learner.lastScore)],
    ['Best score', percent(learner.bestScore)],
    ['Completion', percent(learner.completion)],
    ['Reading time', `${minutes(learner.readingSeconds)} min`],
    ['Look-ups', `${learner.lookups} (${count(learner.wordsLookedUp, 'word', 'words')})`],
    ['Words learning', String(learner.learning)],
    ['Words known', String(learner.known)],
  ]);

  const scored = report.attempts.flatMap((a, i) => (a.finishedAt !== null && a.score !== null ? [{ number: i + 1, score: a.score }] : []));
  section(c, 'Score per attempt', 'Finished attempts only, numbered among all attempts.', 136);
  if (scored.length) scoreChart(c, scored);
  else emptyNote(c, 'No finished attempt yet.');

  section(c, 'Answers', undefined, 40);
  if (!report.attempts.length) emptyNote(c, 'No attempts yet.');
  report.attempts.forEach((attempt, i) => {
    const state = attempt.finishedAt !== null ? `finished ${formatDate(attempt.finishedAt)} · score ${percent(attempt.score)}` : 'not finished';
    c.font('bold', 9.5);
    c.ensure(c.lineHeight + 70);
    c.put(`Attempt ${i + 1}`, c.left, c.y);
    c.font('regular', 8);
    c.put(c.truncate(`started ${formatDate(attempt.startedAt)} · ${state}`, c.width - 70), c.left + 60, c.y + 1.5, 'left', MUTED);
    c.y += 15;
    if (attempt.answers.length) table(c, `Attempt ${i + 1}`, answerColumns, attempt.answers);
    else emptyNote(c, 'No answers in this attempt.');
    c.y += 4;
  });

  section(c, 'Words looked up', undefined, 40);
  if (report.lookups.length) table(c, 'Words looked up', lookupColumns, report.lookups);
  else emptyNote(c, 'No words looked up.');

  return finish(c, `Liseuse · Learner report · ${learner.name} · ${report.lesson.title}`);
}
