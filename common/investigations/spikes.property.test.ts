// Property-based tests of spike detection and explanation (fast-check). Pins: the baseline is
// robust (order does not matter, a shift moves the median and not the MAD); windows are
// ordered, disjoint and separated, and each holds a bucket over the threshold; traffic within
// ±30% of its level never spikes (the factor rule alone forbids it); one burst on quiet traffic
// is always found, as exactly one window around it; explanations are over-represented values,
// with a value carrying the whole excess and absent from the baseline ranked first.
// Reproduce a failure: FC_SEED=<seed> npx jest common/investigations/spikes.property --selectProjects unit
import fc from 'fast-check';
import { runs } from '../../test/support/fast_check';
import type { CandidateValue, CountBucket } from './spikes';
import {
  detectSpikes,
  explainWindow,
  median,
  medianAbsoluteDeviation,
  robustBaseline,
  SPIKE_DETECTION,
  SPIKE_EXPLANATION,
  spikeThresholds,
} from './spikes';

const MINUTE = 60_000;
const series = (counts: number[]): CountBucket[] =>
  counts.map((count, i) => ({ time: i * MINUTE, count }));

const countsArb = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 200 });

describe('spikes, properties', () => {
  it('median and MAD ignore order; a shift moves the median only', () => {
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 0, max: 1000 }), (counts, shift) => {
        const shuffled = [...counts].reverse();
        expect(median(shuffled)).toBe(median(counts));
        expect(median(counts)).toBeGreaterThanOrEqual(Math.min(...counts));
        expect(median(counts)).toBeLessThanOrEqual(Math.max(...counts));
        const shifted = counts.map((c) => c + shift);
        expect(median(shifted)).toBe(median(counts) + shift);
        expect(medianAbsoluteDeviation(shifted)).toBe(medianAbsoluteDeviation(counts));
      }),
      runs(200)
    );
  });

  it('windows are in time order, disjoint, separated, and each holds a bucket over the threshold', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const detection = detectSpikes(series(counts), MINUTE);
        const { high } = spikeThresholds(detection.baseline);
        detection.windows.forEach((window, i) => {
          expect(window.endMs).toBeGreaterThan(window.startMs);
          expect(window.peak).toBeGreaterThan(high);
          const next = detection.windows[i + 1];
          // Touching runs are merged: a quiet bucket at least lies between two windows.
          if (next) expect(next.startMs).toBeGreaterThanOrEqual(window.endMs + MINUTE);
        });
        expect(detection.windows.length).toBeLessThanOrEqual(SPIKE_DETECTION.maxSpikes);
      }),
      runs(300)
    );
  });

  it('traffic within ±30% of its level never spikes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), {
          minLength: SPIKE_DETECTION.minBuckets,
          maxLength: 200,
        }),
        (level, noise) => {
          const counts = noise.map((n) => Math.round(level * (1 + n)));
          expect(detectSpikes(series(counts), MINUTE).windows).toEqual([]);
        }
      ),
      runs(300)
    );
  });

  it('one burst on quiet traffic is found, as one window around it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), {
          minLength: SPIKE_DETECTION.minBuckets + 1,
          maxLength: 150,
        }),
        fc.nat(),
        (level, noise, at) => {
          const counts = noise.map((n) => Math.max(1, Math.round(level * (1 + n))));
          const index = at % counts.length;
          counts[index] = Math.ceil(4 * level + 6 * Math.sqrt(level) + 30);
          const { windows } = detectSpikes(series(counts), MINUTE);
          expect(windows).toHaveLength(1);
          expect(windows[0].startMs).toBeLessThanOrEqual(index * MINUTE);
          expect(windows[0].endMs).toBeGreaterThan(index * MINUTE);
          expect(windows[0].peak).toBe(counts[index]);
        }
      ),
      runs(300)
    );
  });

  it('explanations are over-represented values; a value carrying the whole excess comes first', () => {
    const candidateArb = fc.record({
      field: fc.constantFrom('source.ip', 'destination.port', 'event.action'),
      value: fc.string({ minLength: 1, maxLength: 5 }),
      count: fc.integer({ min: 0, max: 1000 }),
      baselineCount: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(
        fc.array(candidateArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (others, windowBuckets, at) => {
          const window = { count: 1000, buckets: windowBuckets };
          const baseline = { count: 5000, buckets: 500 };
          const culprit: CandidateValue = {
            field: 'source.ip',
            value: 'culprit',
            count: 1000,
            baselineCount: 0,
          };
          const candidates: CandidateValue[] = [...others];
          candidates.splice(at % (others.length + 1), 0, culprit);
          const explanations = explainWindow(window, baseline, candidates);
          expect(explanations.length).toBeLessThanOrEqual(SPIKE_EXPLANATION.maxExplanations);
          for (const e of explanations) {
            expect(e.share).toBeGreaterThan(e.baselineShare);
            expect(e.contribution).toBeGreaterThanOrEqual(0);
            expect(e.contribution).toBeLessThanOrEqual(1);
          }
          // The culprit scores 1, the most there is: it is listed, unless as many values tie
          // with it (as absent from the baseline and as large as the excess) as are listed.
          expect(explanations[0]).toMatchObject({ baselineShare: 0, contribution: 1 });
          const listed = explanations.some((e) => e.value === 'culprit');
          const ties = explanations.every((e) => e.baselineShare === 0 && e.contribution === 1);
          expect(
            listed || (ties && explanations.length === SPIKE_EXPLANATION.maxExplanations)
          ).toBe(true);
        }
      ),
      runs(300)
    );
  });

  it('the noise scale is never below 1 nor the square root of the median', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const { sigma, median: m } = robustBaseline(counts);
        expect(sigma).toBeGreaterThanOrEqual(Math.max(1, Math.sqrt(m)));
      }),
      runs(200)
    );
  });
});
