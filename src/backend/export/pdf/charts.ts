// The three charts of the reports: best score per learner and facility per question (horizontal bars),
// difficulty by paragraph (grouped vertical bars), and a learner's score per attempt (a line).
import { chartLayout } from '../../../core/score-chart';
import type { Canvas } from './canvas';
import type { ReportFormat } from './format';
import { BAR, BAR_DARK, GRID, HATCH, INK, MUTED } from './style';

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
export const barChartHeight = (bars: number): number => BAR_AXIS + bars * BAR_ROW + 6;

/**
 * One bar per row, labels on the left, the value printed at the end of each bar, so the chart reads without
 * colour and without a ruler. Long lists continue on the next page with the axis drawn again.
 */
export function barChart(c: Canvas, title: string, bars: readonly Bar[], options: BarChartOptions): void {
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
export const GROUPED_PANEL_HEIGHT = 158;
// 15 groups leave room for a two-digit count over each bar.
const GROUPS_PER_PANEL = 15;

/**
 * Vertical bars in groups (one group per paragraph, one bar per series), with counts printed on the bars when
 * there is room. A long lesson is split into panels of GROUPS_PER_PANEL groups sharing one scale, rather than
 * squeezing bars to hairlines.
 */
export function groupedBarChart(c: Canvas, title: string, groups: readonly { label: string; values: number[] }[], series: readonly Series[], axisTitle: string): void {
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

/**
 * Scores of the finished attempts in order, as points joined by a line, on a fixed 0–100 % scale. Geometry comes
 * from core/score-chart, the same layout the progress page draws, so the PDF and the screen agree.
 */
export function scoreChart(c: Canvas, points: readonly { number: number; score: number }[], f: ReportFormat): void {
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
    c.put(f.percent(tick.value), ox + ax0 - 5, oy + tick.y - 3.5, 'right', MUTED);
  }
  for (const tick of layout.xTicks) c.put(String(points[tick.n - 1]?.number ?? tick.n), ox + tick.x, oy + plot.y0 + 4, 'center', MUTED);
  c.put(f.labels.learnerReport.attempts, ox + (plot.x0 + plot.x1) / 2, oy + plot.y0 + 14, 'center', MUTED);
  c.doc.moveTo(ox + ax0, oy + plot.y1).lineTo(ox + ax0, oy + plot.y0).lineTo(ox + ax1, oy + plot.y0).lineWidth(0.8).strokeColor(INK).stroke();

  // Value labels first, on white, so the line and markers drawn next stay whole over them.
  if (layout.points.length <= 15) {
    c.font('regular', 6.5);
    // Under a point at the very top, so the label stays inside the plot.
    for (const p of layout.points) c.put(f.percent(p.score), ox + p.x, oy + p.y + (p.score > 0.9 ? 5 : -11), 'center', INK, true);
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
