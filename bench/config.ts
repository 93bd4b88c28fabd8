// The benchmark's sizes and ports, from the environment, with defaults chosen so that the whole
// `npm run bench` fits in about 20 minutes on a 2-vCPU machine. Printed at the start and stored in
// results.json, so a figure is never read without the size it was measured at.

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/**
 * The storage variants a full run measures: what users ran before, what setup installs now on
 * a basic and on an enterprise/trial licence, and the logsdb index mode beside each (measured,
 * not shipped: see bench/storage_variants.ts).
 */
export const DEFAULT_STORAGE_VARIANTS =
  'before,before-logsdb,after,after-logsdb,before-synthetic,after-synthetic,after-logsdb-synthetic';

export interface BenchConfig {
  /** Forwarder: uncompressed size of the generated object. */
  forwarderMB: number;
  /** Pipeline cost: lines per case on the ingest engine. */
  pipelineLines: number;
  /** End to end (and storage): VPC default-format lines shipped through the bridge. */
  e2eLines: number;
  /** App queries: VPC documents in the query data stream. */
  queryDocs: number;
  /** App queries: timed runs per function (after one warm-up). */
  queryRuns: number;
  /** Setup: timed runs of each setup measure. */
  setupRuns: number;
  /** Storage variants measured side by side (bench/storage_variants.ts names). */
  storageVariants: string[];
  /** App queries before / after the storage changes: documents per stream (0 skips). */
  compareDocs: number;
  /**
   * Runs per function of the before/after storage comparison: more than queryRuns, since its p95
   * decides a target and the p95 of 15 runs is about their slowest.
   */
  compareRuns: number;
  esPort: number;
  enginePort: number;
  esHeap: string;
  engineHeap: string;
}

export function benchConfig(): BenchConfig {
  return {
    forwarderMB: positive('NETOBS_BENCH_MB', 1024),
    pipelineLines: Math.round(positive('NETOBS_BENCH_PIPELINE_LINES', 200_000)),
    e2eLines: Math.round(positive('NETOBS_BENCH_E2E_LINES', 200_000)),
    queryDocs: Math.round(positive('NETOBS_BENCH_QUERY_DOCS', 1_000_000)),
    queryRuns: Math.round(positive('NETOBS_BENCH_QUERY_RUNS', 15)),
    setupRuns: Math.round(positive('NETOBS_BENCH_SETUP_RUNS', 3)),
    storageVariants: (process.env.NETOBS_BENCH_STORAGE_VARIANTS ?? DEFAULT_STORAGE_VARIANTS)
      .split(',')
      .filter(Boolean),
    compareDocs: Math.round(Number(process.env.NETOBS_BENCH_COMPARE_DOCS ?? 1_000_000)),
    compareRuns: Math.round(positive('NETOBS_BENCH_COMPARE_RUNS', 41)),
    // Clear of npm start (ES 9200, engine 9350), the test suite (ES 9250 and 9252, engine 9360;
    // a second suite is often run with 9270/9380) and their transport ports (ES HTTP+1000,
    // engine HTTP+100): tests may run concurrently on the same machine.
    esPort: positive('NETOBS_BENCH_ES_PORT', 9231),
    enginePort: positive('NETOBS_BENCH_ENGINE_PORT', 9331),
    esHeap: process.env.NETOBS_BENCH_ES_HEAP ?? '2g',
    // Headroom for the bridge's _simulate calls: two concurrent 5 MB bulks (~12k lines each)
    // peaked at about half of a 2g heap.
    engineHeap: process.env.NETOBS_BENCH_ENGINE_HEAP ?? '2g',
  };
}
