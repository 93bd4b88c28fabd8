import type { CountBucket, SpikeWindow } from './spikes';
import {
  baselineCountAggs,
  baselineFilter,
  buildSpikes,
  checkSpikeRange,
  checkSpikeSource,
  dataSpan,
  detectSpikes,
  distinctValues,
  explainWindow,
  median,
  medianAbsoluteDeviation,
  readBaselineCounts,
  readHistogram,
  readWindowTerms,
  robustBaseline,
  SPIKE_DETECTION,
  spikeRuns,
  valueKey,
  windowsFilter,
  windowTermsAggs,
} from './spikes';

const MINUTE = 60_000;
const T0 = Date.UTC(2003, 2, 1, 12, 0);

/** A series of counts, one bucket a minute from T0. */
const series = (counts: number[]): CountBucket[] =>
  counts.map((count, i) => ({ time: T0 + i * MINUTE, count }));

/** Deterministic noise in [-amplitude, amplitude]. */
function noisy(n: number, level: number, amplitude: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.round(level + ((state / 2 ** 31) * 2 - 1) * amplitude);
  });
}

describe('median and MAD', () => {
  it('reads the middle, or the mean of the two middles, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('measures spread by the median distance from the median', () => {
    // Distances from 3: 2, 2, 0, 1, 97 → median 2; the outlier does not move it.
    expect(medianAbsoluteDeviation([1, 5, 3, 2, 100])).toBe(2);
  });

  it('never lets the noise scale fall below the Poisson noise of the counts, nor below 1', () => {
    expect(robustBaseline([100, 100, 100, 100])).toEqual({ median: 100, mad: 0, sigma: 10 });
    expect(robustBaseline([0, 0, 0]).sigma).toBe(1);
    expect(robustBaseline([10, 20, 30, 40, 50]).sigma).toBeCloseTo(1.4826 * 10);
  });
});

describe('detectSpikes', () => {
  it('finds one burst on noisy flat traffic and reports its window, peak and factor', () => {
    const counts = noisy(60, 40, 8);
    counts[30] = 400;
    counts[31] = 380;
    const detection = detectSpikes(series(counts), MINUTE);
    expect(detection.windows).toEqual([
      {
        startMs: T0 + 30 * MINUTE,
        endMs: T0 + 32 * MINUTE,
        peak: 400,
        peakMs: T0 + 30 * MINUTE,
        count: 780,
        buckets: 2,
      },
    ]);
    expect(detection.baseline.median).toBeGreaterThan(32);
    expect(detection.baseline.median).toBeLessThan(48);
  });

  it('calls nothing a spike in flat noisy traffic, even with ±50% noise', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(detectSpikes(series(noisy(120, 100, 50, seed)), MINUTE).windows).toEqual([]);
    }
  });

  it('does not call a slow ramp a spike', () => {
    const ramp = Array.from({ length: 120 }, (_, i) => 20 + Math.round(i * 1.5));
    expect(detectSpikes(series(ramp), MINUTE).windows).toEqual([]);
  });

  it('needs an absolute size: a jump from 2 to 15 flows is no spike, however many σ', () => {
    const counts = noisy(60, 2, 1);
    counts[20] = 15;
    expect(detectSpikes(series(counts), MINUTE).windows).toEqual([]);
    counts[20] = 2 + SPIKE_DETECTION.minExcess + 5;
    expect(detectSpikes(series(counts), MINUTE).windows).toHaveLength(1);
  });

  it('says why it looked for nothing when too few buckets hold data', () => {
    const counts = [0, 0, 0, 5, 500, 5, 5, 0, 0];
    const detection = detectSpikes(series(counts), MINUTE);
    expect(detection.windows).toEqual([]);
    expect(detection.baseline.buckets).toBe(4);
    expect(detection.note).toContain(`4 of the at least ${SPIKE_DETECTION.minBuckets}`);
  });

  it('ignores the empty buckets before the first and after the last document', () => {
    // A source switched on late: 40 empty buckets then 30 of steady traffic; not a spike.
    const counts = [...Array(40).fill(0), ...noisy(30, 50, 5), ...Array(10).fill(0)];
    expect(dataSpan(series(counts))).toHaveLength(30);
    expect(detectSpikes(series(counts), MINUTE).windows).toEqual([]);
  });

  it('merges adjacent spike buckets and widens a window over its elevated edges', () => {
    const counts = noisy(60, 50, 4);
    // A ramp-up edge (elevated, under the spike threshold), two spike buckets, a ramp-down edge.
    counts.splice(20, 4, 90, 500, 520, 85);
    counts[45] = 600;
    const detection = detectSpikes(series(counts), MINUTE);
    expect(
      detection.windows.map((w) => [(w.startMs - T0) / MINUTE, (w.endMs - T0) / MINUTE])
    ).toEqual([
      [20, 24],
      [45, 46],
    ]);
  });

  it('ends the last window at the end of the range, not past it', () => {
    const counts = noisy(30, 50, 4);
    counts[29] = 900;
    const [window] = detectSpikes(series(counts), MINUTE, T0 + 29 * MINUTE + 20_000).windows;
    expect(window.endMs).toBe(T0 + 29 * MINUTE + 20_000);
  });

  it('keeps the largest spikes when there are too many, listed in time order', () => {
    const counts = noisy(200, 50, 4);
    for (let i = 0; i < 15; i++) counts[5 + i * 13] = 300 + i * 10;
    const { windows } = detectSpikes(series(counts), MINUTE);
    expect(windows).toHaveLength(SPIKE_DETECTION.maxSpikes);
    expect(Math.min(...windows.map((w) => w.peak))).toBe(350);
    const starts = windows.map((w) => w.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('spikeRuns', () => {
  it('joins runs that touch through elevated buckets', () => {
    expect(spikeRuns([1, 10, 6, 10, 1, 1, 10], 8, 5)).toEqual([
      { first: 1, last: 3 },
      { first: 6, last: 6 },
    ]);
  });
});

describe('explainWindow', () => {
  // A window of 2 buckets holding 1,100 documents where the baseline's rate predicts 100.
  const window = { count: 1100, buckets: 2 };
  const baseline = { count: 5000, buckets: 100 };

  it('ranks the value behind the excess first, and a value common everywhere not at all', () => {
    const explanations = explainWindow(window, baseline, [
      // Common everywhere: most excess documents carry it, but it is not over-represented.
      { field: 'network.transport', value: 'tcp', count: 1090, baselineCount: 4500 },
      { field: 'destination.port', value: '3306', count: 900, baselineCount: 50 },
      { field: 'source.ip', value: '198.51.100.7', count: 1000, baselineCount: 0 },
      { field: 'event.action', value: 'accept', count: 100, baselineCount: 4900 },
    ]);
    expect(explanations.map((e) => e.value)).toEqual(['198.51.100.7', '3306']);
    const [top] = explanations;
    expect(top).toEqual({
      field: 'source.ip',
      value: '198.51.100.7',
      share: 1000 / 1100,
      baselineShare: 0,
      contribution: 1,
      count: 1000,
    });
    expect(explanations[1].contribution).toBeCloseTo((900 - 1) / 1000);
  });

  it('explains nothing when the whole mix rose alike', () => {
    const explanations = explainWindow(window, baseline, [
      { field: 'source.ip', value: '10.0.0.1', count: 550, baselineCount: 2500 },
      { field: 'source.ip', value: '10.0.0.2', count: 550, baselineCount: 2500 },
    ]);
    expect(explanations).toEqual([]);
  });

  it('breaks ties in field order', () => {
    const explanations = explainWindow(window, baseline, [
      { field: 'aws.vpcflow.interface_id', value: 'eni-1', count: 1000, baselineCount: 0 },
      { field: 'source.ip', value: '198.51.100.7', count: 1000, baselineCount: 0 },
    ]);
    expect(explanations.map((e) => e.field)).toEqual(['aws.vpcflow.interface_id', 'source.ip']);
  });
});

describe('requests and answers', () => {
  const windows: SpikeWindow[] = [
    { startMs: 1000, endMs: 3000, peak: 50, peakMs: 1000, count: 90, buckets: 2 },
  ];

  it('asks for the values in the windows alone, then their counts outside them alone', () => {
    const inWindow = { range: { '@timestamp': { gte: 1000, lt: 3000, format: 'epoch_millis' } } };
    expect(windowsFilter(windows)).toEqual({
      bool: { should: [inWindow], minimum_should_match: 1 },
    });
    expect(windowTermsAggs(windows, ['source.ip', 'destination.port'])).toEqual({
      w0: {
        filter: inWindow,
        aggs: {
          f0: { terms: { field: 'source.ip', size: 10 } },
          f1: { terms: { field: 'destination.port', size: 10 } },
        },
      },
    });
    expect(baselineFilter(windows)).toEqual({ bool: { must_not: [inWindow] } });
    expect(
      baselineCountAggs([
        { field: 'destination.port', value: '22' },
        { field: 'source.ip', value: '10.0.0.1' },
        { field: 'destination.port', value: '3389' },
      ])
    ).toEqual({
      b0: {
        terms: { field: 'destination.port', include: ['22', '3389'], size: 2 },
        meta: { field: 'destination.port' },
      },
      b1: {
        terms: { field: 'source.ip', include: ['10.0.0.1'], size: 1 },
        meta: { field: 'source.ip' },
      },
    });
  });

  it('reads Elasticsearch answers into spikes with explanations', () => {
    const histogram = readHistogram({
      over_time: { buckets: [{ key: 1000, key_as_string: 'x', doc_count: 4 }] },
    });
    expect(histogram).toEqual([{ time: 1000, count: 4 }]);
    const read = readWindowTerms(
      {
        w0: {
          doc_count: 90,
          f0: { buckets: [{ key: '198.51.100.7', doc_count: 80 }] },
          f1: { buckets: [{ key: 22, doc_count: 85 }] },
        },
      },
      windows,
      ['source.ip', 'destination.port']
    );
    expect(read[0].values).toEqual([
      { field: 'source.ip', value: '198.51.100.7', count: 80 },
      { field: 'destination.port', value: '22', count: 85 },
    ]);
    expect(distinctValues([...read, ...read])).toHaveLength(2);
    // Elasticsearch lists no bucket for a value the baseline lacks (198.51.100.7 here).
    const counts = readBaselineCounts({
      b0: { meta: { field: 'destination.port' }, buckets: [{ key: 22, doc_count: 40 }] },
      b1: { meta: { field: 'source.ip' }, buckets: [] },
    });
    expect(counts).toEqual(new Map([[valueKey('destination.port', '22'), 40]]));
    const detection = {
      baseline: { median: 10, mad: 2, sigma: 3, buckets: 42 },
      windows,
    };
    // 490 documents in the range: 400 in the baseline's 40 buckets, 10 a bucket.
    const [spike] = buildSpikes(detection, read, 490, counts);
    expect(spike).toMatchObject({
      start: new Date(1000).toISOString(),
      end: new Date(3000).toISOString(),
      peak: 50,
      baseline: 10,
      factor: 5,
      count: 90,
      expected: 20,
    });
    expect(spike.explanations.map((e) => [e.field, e.value])).toEqual([
      ['source.ip', '198.51.100.7'],
      ['destination.port', '22'],
    ]);
  });
});

describe('validation', () => {
  it('names the sources it accepts', () => {
    expect(checkSpikeSource('alb')).toBeUndefined();
    expect(checkSpikeSource('cloudtrail')).toBe(
      'expected one of vpcflow, tgwflow, alb, nlb, alb_connection, got "cloudtrail"'
    );
  });

  it('refuses an empty range and one too long to show spikes', () => {
    expect(checkSpikeRange(5, 5)).toEqual({
      field: 'to',
      message: 'the range is empty: it must end after it starts',
    });
    expect(checkSpikeRange(0, 91 * 24 * 3600 * 1000)?.field).toBe('from');
    expect(checkSpikeRange(0, 90 * 24 * 3600 * 1000)).toBeUndefined();
  });
});
