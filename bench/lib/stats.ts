// Small statistics for the benchmarks: warm-up then measured runs, nearest-rank percentiles.

export interface Sampling {
  warmup: number;
  runs: number;
  /** Stop measuring after this long, once at least 3 runs are in: bounds the time on a slow or busy machine. */
  maxSeconds?: number;
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

/**
 * Runs `once` for the warm-up (results dropped), then up to `runs` more times; `once` returns one duration in ms.
 * The number of measured runs is the length of the result.
 */
export async function sample(sampling: Sampling, once: (run: number) => number | Promise<number>): Promise<number[]> {
  for (let i = 0; i < sampling.warmup; i++) await once(i);
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < sampling.runs; i++) {
    durations.push(await once(sampling.warmup + i));
    if (sampling.maxSeconds !== undefined && durations.length >= 3 && performance.now() - started > sampling.maxSeconds * 1000) break;
  }
  return durations;
}

/** Wall time of a synchronous call, in ms. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
