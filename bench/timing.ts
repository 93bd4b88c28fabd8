// Small timing and statistics helpers shared by the measures.

/** Seconds since `start` (a process.hrtime.bigint() reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs `fn` and returns its result with the wall time in seconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: secondsSince(start) };
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A function's latency: median and p95 of `runs` timed calls after one warm-up. */
export interface QueryLatency {
  name: string;
  /** What the function answered with (hits, findings), to show it looked at the data. */
  hits: number;
  medianMs: number;
  p95Ms: number;
}

export async function latency(
  name: string,
  runs: number,
  fn: () => Promise<number>
): Promise<QueryLatency> {
  const hits = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).seconds * 1000);
  return {
    name,
    hits,
    medianMs: round(median(times), 1),
    p95Ms: round(percentile(times, 95), 1),
  };
}
