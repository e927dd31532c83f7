// One row per benchmark: the figure, its budget, the floor measured in the same run, and how they compare.

export type Unit = 'ms' | 'words/s' | 'statements/s' | 'kB' | 'MB' | 'calls';

export interface Row {
  what: string;
  unit: Unit;
  /** Which statistic `value` and `floor` are, when they come from several runs. */
  stat?: 'median' | 'p95';
  value?: number;
  budget?: { max: number } | { min: number };
  /** The same work done the cheapest honest way, on this machine, in this run (same unit and statistic). */
  floor?: number;
  floorWhat?: string;
  /** Shown instead of a figure when there is nothing to measure, e.g. "not built yet (issue 6)". */
  status?: string;
  /** Raw numbers for results.json: every sample, sizes, phases. */
  details?: Record<string, unknown>;
}

export type Verdict = 'pass' | 'MISS' | '—';

export function verdict(row: Row): Verdict {
  if (row.value === undefined || row.budget === undefined || !Number.isFinite(row.value)) return '—';
  return 'max' in row.budget ? (row.value <= row.budget.max ? 'pass' : 'MISS') : row.value >= row.budget.min ? 'pass' : 'MISS';
}

/** How many times the floor's cost the figure is: time over floor time, or floor rate over rate for throughputs. */
export function ratio(row: Row): number | undefined {
  if (row.value === undefined || row.floor === undefined) return undefined;
  return row.unit.endsWith('/s') ? row.floor / row.value : row.value / row.floor;
}

function amount(value: number, unit: Unit): string {
  if (unit === 'words/s') return `${(value / 1e6).toFixed(2)} M words/s`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

const withStat = (row: Row, text: string): string => (row.stat ? `${row.stat} ${text}` : text);

export function cells(row: Row): string[] {
  const figure = row.status ?? (row.value === undefined ? '—' : withStat(row, amount(row.value, row.unit)));
  const budget = row.budget ? withStat(row, 'max' in row.budget ? `≤ ${amount(row.budget.max, row.unit)}` : `≥ ${amount(row.budget.min, row.unit)}`) : '—';
  const floor = row.floor === undefined ? '—' : `${amount(row.floor, row.unit)} (${row.floorWhat ?? 'floor'})`;
  const r = ratio(row);
  return [row.what, figure, budget, floor, r === undefined ? '—' : `${r.toFixed(1)}×`, verdict(row)];
}

/** A Markdown table, padded so it also reads well in a terminal. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['what', 'figure', 'budget', 'floor (same run)', '÷ floor', 'result'];
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
