// Geometry of the quiz-score chart on the progress page: where each attempt's point goes, the line through the
// points of each kind, and the axis ticks. Pure numbers; the component only draws them.

export interface ChartAttempt {
  id: string;
  /** 0..1 */
  score: number;
  series: string;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Space left for the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartPoint {
  id: string;
  series: string;
  x: number;
  y: number;
  /** Position of the attempt, 1-based, in time order. */
  n: number;
  score: number;
}

export interface ChartLayout {
  plot: { x0: number; x1: number; y0: number; y1: number };
  points: ChartPoint[];
  /** SVG path data ("M x y L x y …") per series, through its points in time order. */
  lines: { series: string; d: string }[];
  yTicks: { value: number; y: number }[];
  xTicks: { n: number; x: number }[];
}

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * Lays out attempts (in time order) evenly along x, score on y from 0 % at the bottom to 100 % at the top.
 * One attempt sits in the middle. x ticks are thinned to at most `maxXTicks`, always keeping the first and last.
 */
export function chartLayout(attempts: readonly ChartAttempt[], box: ChartBox, maxXTicks = 10): ChartLayout {
  const plot = { x0: box.left, x1: box.width - box.right, y0: box.height - box.bottom, y1: box.top };
  const span = plot.x1 - plot.x0;
  const xOf = (i: number): number => round(attempts.length <= 1 ? plot.x0 + span / 2 : plot.x0 + (span * i) / (attempts.length - 1));
  const yOf = (score: number): number => round(plot.y0 - (plot.y0 - plot.y1) * Math.min(1, Math.max(0, score)));
  const points = attempts.map((a, i) => ({ id: a.id, series: a.series, x: xOf(i), y: yOf(a.score), n: i + 1, score: a.score }));

  const series = [...new Set(points.map((p) => p.series))];
  const lines = series.map((name) => ({
    series: name,
    d: points
      .filter((p) => p.series === name)
      .map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`)
      .join(' '),
  }));

  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: yOf(value) }));
  const step = Math.max(1, Math.ceil(attempts.length / Math.max(1, maxXTicks)));
  const ticked = points.filter((_, i) => i % step === 0);
  const last = points[points.length - 1];
  if (last && ticked[ticked.length - 1] !== last) {
    // The last attempt always gets its label; the regular tick just before it makes room when too close.
    if (ticked.length > 1 && last.n - (ticked[ticked.length - 1]?.n ?? 0) < step) ticked.pop();
    ticked.push(last);
  }
  const xTicks = ticked.map((p) => ({ n: p.n, x: p.x }));
  return { plot, points, lines, yTicks, xTicks };
}
