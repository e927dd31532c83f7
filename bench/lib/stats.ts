// Small statistics for the benchmarks: warm-up then measured runs, nearest-rank percentiles.

export interface Sampling {
  warmup: number;
  runs: number;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Nearest-rank percentile: a value that was actually measured, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function summarise(values: readonly number[]): Summary {
  return { median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Runs `once` for the warm-up (results dropped), then `runs` more times; `once` returns one duration in ms. */
export async function sample(sampling: Sampling, once: (run: number) => number | Promise<number>): Promise<number[]> {
  for (let i = 0; i < sampling.warmup; i++) await once(i);
  const durations: number[] = [];
  for (let i = 0; i < sampling.runs; i++) durations.push(await once(sampling.warmup + i));
  return durations;
}

/** Wall time of a synchronous call, in ms. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
