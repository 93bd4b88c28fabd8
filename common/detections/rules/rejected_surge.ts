// A sudden surge of rejected flows towards one host: rejects in one histogram bucket many times
// the host's usual rate (its median bucket over the range). A host that is always refused a
// little (internet background noise) has a high median and no surge.
import { bucketsOf, count } from '../aggs';
import type { AggBucket, DetectionRule, RuleFinding } from '../types';

export interface RejectedSurgeParams {
  [name: string]: number;
  factor: number;
  minRejects: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The buckets of the surge: the peak and its neighbours still above the surge threshold. */
export function surgeAround(
  series: AggBucket[],
  threshold: number
): { first: number; last: number; peak: AggBucket } | undefined {
  if (series.length === 0) return undefined;
  let peakIndex = 0;
  series.forEach((bucket, i) => {
    if (bucket.doc_count > series[peakIndex].doc_count) peakIndex = i;
  });
  if (series[peakIndex].doc_count < threshold) return undefined;
  let first = peakIndex;
  let last = peakIndex;
  while (first > 0 && series[first - 1].doc_count >= threshold) first -= 1;
  while (last < series.length - 1 && series[last + 1].doc_count >= threshold) last += 1;
  return { first, last, peak: series[peakIndex] };
}

export const rejectedSurge: DetectionRule<RejectedSurgeParams> = {
  id: 'rejected_surge',
  title: 'Surge of rejected traffic towards a host',
  meaning:
    'Rejected flows towards one host jumped far above its usual rate: a scan, a flood, or a client retrying against a rule that changed.',
  response:
    'Look at who sent the surge (top sources) and to which ports; a single source is a scan or a misbehaving client, many sources a flood. If a deployment changed security groups at that time, check the rule.',
  severity: 'medium',
  attack: [
    { id: 'T1046', name: 'Network Service Discovery' },
    { id: 'T1498', name: 'Network Denial of Service' },
  ],
  source: 'vpcflow',
  params: {
    factor: {
      kind: 'number',
      default: 10,
      min: 1,
      max: 1_000_000,
      description: 'How many times the host’s median rejects per bucket make a surge.',
    },
    minRejects: {
      kind: 'number',
      default: 100,
      min: 1,
      max: 1e12,
      description: 'Rejected flows in one bucket below which nothing is a surge.',
    },
  },
  esQuery:
    'Partly: `.es-query` with KQL `event.action: "reject"` grouped by destination.ip over a short window (5 minutes) with a fixed threshold; it has no baseline.',
  request(_params, window) {
    return {
      filter: [{ term: { 'event.action': 'reject' } }],
      aggs: {
        hosts: {
          terms: { field: 'destination.ip', size: 20 },
          aggs: {
            over_time: {
              date_histogram: {
                field: '@timestamp',
                fixed_interval: `${window.intervalMs}ms`,
                min_doc_count: 0,
                extended_bounds: { min: window.fromMs, max: window.toMs },
              },
            },
            sources: { terms: { field: 'source.ip', size: 3 } },
          },
        },
      },
    };
  },
  interpret(params, aggregations, window) {
    const findings: RuleFinding[] = [];
    for (const host of bucketsOf(aggregations, 'hosts')) {
      const series = bucketsOf(host, 'over_time');
      const baseline = median(series.map((bucket) => bucket.doc_count));
      const threshold = Math.max(params.minRejects, params.factor * Math.max(baseline, 1));
      const surge = surgeAround(series, threshold);
      if (!surge) continue;
      const start = Number(series[surge.first].key);
      const end = Number(series[surge.last].key) + window.intervalMs;
      const rejects = series
        .slice(surge.first, surge.last + 1)
        .reduce((sum, bucket) => sum + bucket.doc_count, 0);
      const sources = bucketsOf(host, 'sources').map((bucket) => String(bucket.key));
      findings.push({
        entity: { 'destination.ip': String(host.key) },
        firstSeen: new Date(start).toISOString(),
        lastSeen: new Date(end).toISOString(),
        evidence: {
          rejects,
          peakPerBucket: surge.peak.doc_count,
          baselinePerBucket: baseline,
          bucketMinutes: window.intervalMs / 60_000,
          topSources: sources,
        },
        summary: `${count(surge.peak.doc_count)} rejected flows in ${window.intervalMs / 60_000} min against a usual ${count(baseline)}${sources.length ? `, mostly from ${sources[0]}` : ''}`,
        kql: `event.action: "reject" and destination.ip: "${host.key}"`,
      });
    }
    return findings;
  },
};
