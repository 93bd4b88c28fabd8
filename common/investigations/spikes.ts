// Explained spikes: "flows tripled at 14:00: why?" answered from aggregations only (basic
// license, no ML job). Three searches, each built and read by the pure functions here:
//   1. the document count per bucket of the range (a date histogram), from which a robust
//      baseline (median and MAD) and the spike windows are computed;
//   2. over the spike windows only, each window's top values of the fields that can explain a
//      spike (terms); the baseline (the range outside every window) holds the total of search 1
//      less the windows' documents;
//   3. over the baseline only, the count of each of those values (terms including exactly
//      them), so each value's share inside the spike can be compared with its share outside.
// Values are ranked by how much of the spike's excess they account for, weighted by how much
// more often they occur in the spike than in the baseline.
import type { SourceId } from '../constants';
import { SOURCE_IDS } from '../constants';

export interface SpikesRequest {
  source: SourceId;
  /** ISO 8601 or date math, as the time picker writes them. */
  from: string;
  to: string;
  kql?: string;
}

export interface SpikeExplanation {
  field: string;
  value: string;
  /** Share of the spike window's documents that have this value (0..1). */
  share: number;
  /** Share of the baseline's documents (the range outside every spike) that have it. */
  baselineShare: number;
  /** Share of the spike's excess documents (above the baseline's rate) this value accounts for. */
  contribution: number;
  /** Documents with this value in the spike window. */
  count: number;
}

export interface Spike {
  /** The window: the start of its first bucket and the end of its last (ISO 8601). */
  start: string;
  end: string;
  /** The highest bucket count in the window, and when that bucket starts. */
  peak: number;
  peakTime: string;
  /** The median bucket count over the range. */
  baseline: number;
  /** peak / baseline (baseline taken as at least 1). */
  factor: number;
  /** Documents in the window, and how many the baseline's rate predicts for it. */
  count: number;
  expected: number;
  explanations: SpikeExplanation[];
}

export interface SpikesResponse {
  source: SourceId;
  /** The range searched (epoch ms) and the bucket size of the count series. */
  fromMs: number;
  toMs: number;
  intervalMs: number;
  /** The count series' robust baseline, over the buckets between the first and last document. */
  baseline: { median: number; mad: number; buckets: number };
  spikes: Spike[];
  /** Why nothing was looked for (too few buckets with data), when that is the case. */
  note?: string;
}

/** The fields whose values can explain a spike, per source, most telling first. */
export const SPIKE_FIELDS: Record<SourceId, readonly string[]> = {
  vpcflow: [
    'aws.vpcflow.interface_id',
    'source.ip',
    'destination.ip',
    'destination.port',
    'event.action',
    'network.transport',
  ],
  tgwflow: [
    'aws.tgwflow.tgw_attachment_id',
    'source.ip',
    'destination.ip',
    'destination.port',
    'event.action',
    'network.transport',
  ],
  // The target is destination.ip, the client source.ip.
  alb: ['destination.ip', 'http.response.status_code', 'source.ip', 'url.path'],
  nlb: [
    'destination.ip',
    'aws.elb.listener',
    'source.ip',
    'event.outcome',
    'tls.client.server_name',
  ],
  // A surge of connections: which client, which failure, which certificate, which listener.
  alb_connection: [
    'source.ip',
    'event.reason',
    'tls.client.x509.subject.common_name',
    'aws.elb.elb',
    'destination.port',
  ],
};

/** Thresholds of detection and explanation; exported so tests and docs state the same numbers. */
export const SPIKE_DETECTION = {
  /** Fewer buckets with data than this and no baseline can be trusted: nothing is called a spike. */
  minBuckets: 12,
  /** A bucket is a spike above median + threshold × σ (σ = 1.4826 × MAD, see robustBaseline)… */
  threshold: 5,
  /** …and at least minFactor × the median… */
  minFactor: 2,
  /** …and at least minExcess documents above it (a handful of flows is never a spike). */
  minExcess: 20,
  /** Neighbouring buckets above median + extendThreshold × σ join a spike's window. */
  extendThreshold: 3,
  /** The most spikes answered (the largest, listed in time order). */
  maxSpikes: 10,
} as const;

export const SPIKE_EXPLANATION = {
  /** Values looked at per field and window. */
  termsSize: 10,
  /** Explanations kept per spike. */
  maxExplanations: 6,
  /** Below this score (contribution × how much more common in the spike) a value explains nothing. */
  minScore: 0.2,
} as const;

/** The longest range a spike search covers: longer ranges have day-wide buckets that hide spikes. */
export const MAX_SPIKE_RANGE_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

// --- request validation ----------------------------------------------------------------------

/** Why `value` is not a source spikes can be asked of, or undefined when it is one. */
export function checkSpikeSource(value: string): string | undefined {
  return (SOURCE_IDS as readonly string[]).includes(value)
    ? undefined
    : `expected one of ${SOURCE_IDS.join(', ')}, got "${value.slice(0, 60)}"`;
}

/**
 * What is wrong with a resolved range for a spike search, naming the request field: an empty
 * range has no buckets, a range over MAX_SPIKE_RANGE_DAYS days only day-wide ones.
 */
export function checkSpikeRange(
  fromMs: number,
  toMs: number
): { field: 'from' | 'to'; message: string } | undefined {
  if (toMs <= fromMs)
    return { field: 'to', message: 'the range is empty: it must end after it starts' };
  if (toMs - fromMs > MAX_SPIKE_RANGE_DAYS * DAY_MS)
    return {
      field: 'from',
      message: `the range is longer than ${MAX_SPIKE_RANGE_DAYS} days; spikes are looked for in at most ${MAX_SPIKE_RANGE_DAYS} days at a time`,
    };
  return undefined;
}

// --- detection ----------------------------------------------------------------------------------

export interface CountBucket {
  /** Epoch ms of the bucket's start. */
  time: number;
  count: number;
}

/** The median of a list (0 for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median absolute deviation from `center` (by default the median). */
export function medianAbsoluteDeviation(
  values: readonly number[],
  center = median(values)
): number {
  return median(values.map((value) => Math.abs(value - center)));
}

export interface RobustBaseline {
  median: number;
  mad: number;
  /**
   * The noise scale: 1.4826 × MAD (the standard deviation, for normal noise), but never below
   * √median (the Poisson noise of counts) nor 1, so a perfectly flat series does not make
   * every small bump a spike.
   */
  sigma: number;
}

export function robustBaseline(counts: readonly number[]): RobustBaseline {
  const center = median(counts);
  const mad = medianAbsoluteDeviation(counts, center);
  return { median: center, mad, sigma: Math.max(1.4826 * mad, Math.sqrt(center), 1) };
}

/**
 * The buckets from the first with documents to the last: before the first document the data
 * did not exist yet (a source switched on mid-range), which says nothing about its normal rate.
 */
export function dataSpan(buckets: readonly CountBucket[]): CountBucket[] {
  const first = buckets.findIndex((bucket) => bucket.count > 0);
  if (first === -1) return [];
  let last = buckets.length - 1;
  while (buckets[last].count === 0) last -= 1;
  return buckets.slice(first, last + 1);
}

/** The count a bucket must exceed to start a spike, and to join one as its neighbour. */
export function spikeThresholds(baseline: RobustBaseline): { high: number; low: number } {
  const { median: m, sigma } = baseline;
  const high = Math.max(
    m + SPIKE_DETECTION.threshold * sigma,
    m * SPIKE_DETECTION.minFactor,
    m + SPIKE_DETECTION.minExcess
  );
  return { high, low: Math.min(high, m + SPIKE_DETECTION.extendThreshold * sigma) };
}

/** A run of buckets, by index into the series: [first, last]. */
export interface BucketRun {
  first: number;
  last: number;
}

/**
 * Runs of spike buckets: each bucket above `high` starts one, neighbours above `low` extend
 * it, and runs that touch or overlap become one window.
 */
export function spikeRuns(counts: readonly number[], high: number, low: number): BucketRun[] {
  const runs: BucketRun[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] <= high) continue;
    let first = i;
    let last = i;
    while (first > 0 && counts[first - 1] > low) first -= 1;
    while (last < counts.length - 1 && counts[last + 1] > low) last += 1;
    const previous = runs[runs.length - 1];
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last);
    else runs.push({ first, last });
    i = last;
  }
  return runs;
}

export interface SpikeWindow {
  startMs: number;
  endMs: number;
  peak: number;
  peakMs: number;
  count: number;
  /** Buckets in the window. */
  buckets: number;
}

export interface SpikeDetection {
  baseline: RobustBaseline & { buckets: number };
  windows: SpikeWindow[];
  note?: string;
}

/**
 * Spike windows of a count series (`intervalMs` apart; the last window ends at `endMs` at the
 * latest). The baseline is over the buckets between the first and last document; with fewer
 * than SPIKE_DETECTION.minBuckets of them nothing is called a spike.
 */
export function detectSpikes(
  series: readonly CountBucket[],
  intervalMs: number,
  endMs = Infinity
): SpikeDetection {
  const buckets = dataSpan(series);
  const counts = buckets.map((bucket) => bucket.count);
  const baseline = { ...robustBaseline(counts), buckets: buckets.length };
  if (buckets.length < SPIKE_DETECTION.minBuckets) {
    return {
      baseline,
      windows: [],
      note: `Too little data to tell a spike from normal traffic: ${buckets.length} of the at least ${SPIKE_DETECTION.minBuckets} time buckets a baseline needs. Widen the time range.`,
    };
  }
  const { high, low } = spikeThresholds(baseline);
  const windows = spikeRuns(counts, high, low).map((run): SpikeWindow => {
    const inside = buckets.slice(run.first, run.last + 1);
    const top = inside.reduce((best, bucket) => (bucket.count > best.count ? bucket : best));
    return {
      startMs: inside[0].time,
      endMs: Math.min(endMs, inside[inside.length - 1].time + intervalMs),
      peak: top.count,
      peakMs: top.time,
      count: inside.reduce((sum, bucket) => sum + bucket.count, 0),
      buckets: inside.length,
    };
  });
  const kept = [...windows]
    .sort((a, b) => b.peak - a.peak)
    .slice(0, SPIKE_DETECTION.maxSpikes)
    .sort((a, b) => a.startMs - b.startMs);
  return { baseline, windows: kept };
}

// --- explanation -------------------------------------------------------------------------------

/** One candidate value: its count inside a spike window and in the baseline. */
export interface CandidateValue {
  field: string;
  value: string;
  count: number;
  baselineCount: number;
}

export interface WindowTotals {
  /** Documents in the spike window, and its length in buckets. */
  count: number;
  buckets: number;
}

/** Documents in the baseline (the range outside every window), and its length in buckets. */
export type BaselineTotals = WindowTotals;

interface Scored extends SpikeExplanation {
  score: number;
  order: number;
}

/**
 * The values over-represented in a spike window, best explanation first. A value's
 * contribution is the part of the window's excess (its documents above what the baseline's rate
 * predicts) that the value accounts for; its score weighs that by 1 − baselineShare / share, so
 * a value as common everywhere (tcp in a TCP network) explains nothing even though most excess
 * documents carry it. Ties keep the candidates' order (SPIKE_FIELDS order).
 */
export function explainWindow(
  window: WindowTotals,
  baseline: BaselineTotals,
  candidates: readonly CandidateValue[]
): SpikeExplanation[] {
  if (window.count === 0) return [];
  const scale = baseline.buckets > 0 ? window.buckets / baseline.buckets : 0;
  const excess = Math.max(1, window.count - baseline.count * scale);
  const scored: Scored[] = candidates.map((candidate, order) => {
    const share = candidate.count / window.count;
    const baselineShare = baseline.count > 0 ? candidate.baselineCount / baseline.count : 0;
    const contribution = Math.min(
      1,
      Math.max(0, (candidate.count - candidate.baselineCount * scale) / excess)
    );
    const score = share > 0 ? contribution * Math.max(0, 1 - baselineShare / share) : 0;
    return {
      field: candidate.field,
      value: candidate.value,
      share,
      baselineShare,
      contribution,
      count: candidate.count,
      score,
      order,
    };
  });
  return scored
    .filter((item) => item.share > item.baselineShare && item.score >= SPIKE_EXPLANATION.minScore)
    .sort((a, b) => b.score - a.score || b.contribution - a.contribution || a.order - b.order)
    .slice(0, SPIKE_EXPLANATION.maxExplanations)
    .map(({ score: _score, order: _order, ...explanation }) => explanation);
}

// --- request builders and answer readers --------------------------------------------------------

type Agg = Record<string, unknown>;

interface RawBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

interface RawAgg {
  doc_count?: number;
  buckets?: RawBucket[] | Record<string, { doc_count: number }>;
  [name: string]: unknown;
}

/** Search 1: the document count per bucket. */
export function histogramAggs(intervalMs: number): Record<string, Agg> {
  return {
    over_time: {
      date_histogram: { field: '@timestamp', fixed_interval: `${intervalMs}ms`, min_doc_count: 0 },
    },
  };
}

export function readHistogram(aggregations: Record<string, unknown>): CountBucket[] {
  const buckets = ((aggregations.over_time as RawAgg | undefined)?.buckets ?? []) as RawBucket[];
  return buckets.map((bucket) => ({ time: Number(bucket.key), count: bucket.doc_count }));
}

function windowRange(window: Pick<SpikeWindow, 'startMs' | 'endMs'>): Agg {
  return {
    range: { '@timestamp': { gte: window.startMs, lt: window.endMs, format: 'epoch_millis' } },
  };
}

/** Search 3's query clause: the range outside every window (the scope bounds the range). */
export function baselineFilter(windows: readonly SpikeWindow[]): Agg {
  return { bool: { must_not: windows.map(windowRange) } };
}

/** Search 2's query clause: the spike windows. */
export function windowsFilter(windows: readonly SpikeWindow[]): Agg {
  return { bool: { should: windows.map(windowRange), minimum_should_match: 1 } };
}

/** Search 2 (its query limited by windowsFilter): per window, the top values of each field. */
export function windowTermsAggs(
  windows: readonly SpikeWindow[],
  fields: readonly string[]
): Record<string, Agg> {
  const aggs: Record<string, Agg> = {};
  windows.forEach((window, w) => {
    const terms: Record<string, Agg> = {};
    fields.forEach((field, f) => {
      terms[`f${f}`] = { terms: { field, size: SPIKE_EXPLANATION.termsSize } };
    });
    aggs[`w${w}`] = { filter: windowRange(window), aggs: terms };
  });
  return aggs;
}

export interface WindowValues {
  count: number;
  values: Array<{ field: string; value: string; count: number }>;
}

export function readWindowTerms(
  aggregations: Record<string, unknown>,
  windows: readonly SpikeWindow[],
  fields: readonly string[]
): WindowValues[] {
  return windows.map((_, w): WindowValues => {
    const result = (aggregations[`w${w}`] ?? {}) as RawAgg;
    const values = fields.flatMap((field, f) =>
      (((result[`f${f}`] as RawAgg | undefined)?.buckets ?? []) as RawBucket[]).map((bucket) => ({
        field,
        value: String(bucket.key_as_string ?? bucket.key),
        count: bucket.doc_count,
      }))
    );
    return { count: result.doc_count ?? 0, values };
  });
}

/** One field and value, as a key of the baseline counts. */
export function valueKey(field: string, value: string): string {
  return `${field}=${value}`;
}

/**
 * Search 3 (its query limited by baselineFilter): the count of each value, as one terms
 * aggregation per field that includes exactly those values (a filters aggregation with one
 * filter a value measured 2–10 times slower on a million flows).
 */
export function baselineCountAggs(
  values: ReadonlyArray<{ field: string; value: string }>
): Record<string, Agg> {
  const byField = new Map<string, string[]>();
  for (const { field, value } of values) byField.set(field, [...(byField.get(field) ?? []), value]);
  const aggs: Record<string, Agg> = {};
  [...byField].forEach(([field, include], f) => {
    aggs[`b${f}`] = { terms: { field, include, size: include.length }, meta: { field } };
  });
  return aggs;
}

/** The baseline counts of search 3 by valueKey; a value Elasticsearch did not list has none. */
export function readBaselineCounts(aggregations: Record<string, unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const result of Object.values(aggregations) as RawAgg[]) {
    const field = (result.meta as { field?: string } | undefined)?.field;
    if (!field) continue;
    for (const bucket of (result.buckets ?? []) as RawBucket[])
      counts.set(valueKey(field, String(bucket.key_as_string ?? bucket.key)), bucket.doc_count);
  }
  return counts;
}

/** Distinct field/value pairs of every window, in first-seen order. */
export function distinctValues(
  windows: readonly WindowValues[]
): Array<{ field: string; value: string }> {
  const seen = new Map<string, { field: string; value: string }>();
  for (const window of windows)
    for (const { field, value } of window.values)
      if (!seen.has(valueKey(field, value))) seen.set(valueKey(field, value), { field, value });
  return [...seen.values()];
}

/**
 * The answer: each window with its explanations. `total` is the range's document count
 * (search 1); the baseline holds what the windows do not.
 */
export function buildSpikes(
  detection: SpikeDetection,
  windowValues: readonly WindowValues[],
  total: number,
  baselineCounts: ReadonlyMap<string, number>
): Spike[] {
  const windowBuckets = detection.windows.reduce((sum, window) => sum + window.buckets, 0);
  const inWindows = windowValues.reduce((sum, window) => sum + window.count, 0);
  const baseline: BaselineTotals = {
    count: Math.max(0, total - inWindows),
    buckets: Math.max(0, detection.baseline.buckets - windowBuckets),
  };
  const scale = baseline.buckets > 0 ? 1 / baseline.buckets : 0;
  return detection.windows.map((window, w) => {
    const found = windowValues[w] ?? { count: window.count, values: [] };
    const candidates = found.values.map((value) => ({
      ...value,
      baselineCount: baselineCounts.get(valueKey(value.field, value.value)) ?? 0,
    }));
    const totals = { count: found.count, buckets: window.buckets };
    return {
      start: new Date(window.startMs).toISOString(),
      end: new Date(window.endMs).toISOString(),
      peak: window.peak,
      peakTime: new Date(window.peakMs).toISOString(),
      baseline: detection.baseline.median,
      factor: window.peak / Math.max(1, detection.baseline.median),
      count: found.count,
      expected: Math.round(baseline.count * scale * window.buckets),
      explanations: explainWindow(totals, baseline, candidates),
    };
  });
}
