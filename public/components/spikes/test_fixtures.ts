// The spike the component tests show: ten minutes at 8.5× the usual 40 flows a bucket, from one
// source to one port (as the integration test builds it).
import type { Spike, SpikesResponse } from '../../../common/investigations/spikes';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2003, 2, 1, 0, 0);

export const SPIKE: Spike = {
  start: new Date(T0 + 120 * MINUTE).toISOString(),
  end: new Date(T0 + 130 * MINUTE).toISOString(),
  peak: 340,
  peakTime: new Date(T0 + 122 * MINUTE).toISOString(),
  baseline: 40,
  factor: 8.5,
  count: 1700,
  expected: 200,
  explanations: [
    {
      field: 'source.ip',
      value: '198.51.100.7',
      share: 0.88,
      baselineShare: 0,
      contribution: 1,
      count: 1500,
    },
    {
      field: 'destination.port',
      value: '3306',
      share: 0.9,
      baselineShare: 0.01,
      contribution: 0.99,
      count: 1530,
    },
  ],
};

/** A VPC answer over four hours of two-minute buckets. */
export function spikesAnswer(spikes: Spike[], note?: string): SpikesResponse {
  return {
    source: 'vpcflow',
    fromMs: T0,
    toMs: T0 + 240 * MINUTE,
    intervalMs: 2 * MINUTE,
    baseline: { median: 40, mad: 4, buckets: 120 },
    spikes,
    ...(note ? { note } : {}),
  };
}
