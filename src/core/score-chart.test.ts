import { describe, expect, it } from 'vitest';
import { chartLayout, type ChartAttempt, type ChartBox } from './score-chart';

const BOX: ChartBox = { width: 600, height: 300, left: 50, right: 20, top: 20, bottom: 40 };
const attempt = (i: number, score: number, series = 'comprehension'): ChartAttempt => ({ id: `a${i}`, score, series });

describe('chartLayout', () => {
  it('puts 0 % on the bottom edge of the plot and 100 % on the top edge, attempts evenly from left to right', () => {
    const layout = chartLayout([attempt(1, 0), attempt(2, 0.5), attempt(3, 1)], BOX);
    expect(layout.plot).toEqual({ x0: 50, x1: 580, y0: 260, y1: 20 });
    expect(layout.points.map((p) => [p.n, p.x, p.y])).toEqual([
      [1, 50, 260],
      [2, 315, 140],
      [3, 580, 20],
    ]);
    expect(layout.yTicks).toEqual([
      { value: 0, y: 260 },
      { value: 0.25, y: 200 },
      { value: 0.5, y: 140 },
      { value: 0.75, y: 80 },
      { value: 1, y: 20 },
    ]);
  });

  it('centres a single attempt and draws a line with one point', () => {
    const layout = chartLayout([attempt(1, 0.75)], BOX);
    expect(layout.points[0]).toMatchObject({ x: 315, y: 80 });
    expect(layout.lines).toEqual([{ series: 'comprehension', d: 'M 315 80' }]);
    expect(layout.xTicks).toEqual([{ n: 1, x: 315 }]);
  });

  it('draws one line per series through its own points, in time order', () => {
    const layout = chartLayout([attempt(1, 0.5), attempt(2, 1, 'vocabulary'), attempt(3, 1), attempt(4, 0, 'vocabulary')], BOX);
    expect(layout.lines.map((l) => l.series)).toEqual(['comprehension', 'vocabulary']);
    const [comprehension, vocabulary] = layout.lines;
    expect(comprehension?.d).toBe(`M 50 140 L ${layout.points[2]?.x} 20`);
    expect(vocabulary?.d).toBe(`M ${layout.points[1]?.x} 20 L 580 260`);
  });

  it('clamps scores outside 0..1 and handles no attempts', () => {
    expect(chartLayout([attempt(1, 1.4), attempt(2, -1)], BOX).points.map((p) => p.y)).toEqual([20, 260]);
    expect(chartLayout([], BOX)).toMatchObject({ points: [], lines: [], xTicks: [] });
  });

  it('thins the x ticks on a long history but always labels the first and the last attempt', () => {
    const many = Array.from({ length: 23 }, (_, i) => attempt(i + 1, (i % 5) / 4));
    const ticks = chartLayout(many, BOX, 10).xTicks.map((t) => t.n);
    expect(ticks[0]).toBe(1);
    expect(ticks.at(-1)).toBe(23);
    expect(ticks.length).toBeLessThanOrEqual(10);
    // No two labels closer than one step (3 attempts here).
    for (let i = 1; i < ticks.length; i++) expect((ticks[i] as number) - (ticks[i - 1] as number)).toBeGreaterThanOrEqual(3);
    expect(chartLayout(many.slice(0, 5), BOX, 10).xTicks.map((t) => t.n)).toEqual([1, 2, 3, 4, 5]);
  });
});
