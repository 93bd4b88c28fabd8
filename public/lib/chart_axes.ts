// Axis choices for the app's Elastic Charts, kept pure so tests pin them: the time domain a
// date histogram spans, the value axis's nice top and the one unit its ticks are written in.
import type { SeriesPoint } from '../../common/api_types';
import { byteUnit, bytesIn, formatNumber } from './format';

/** How many ticks the value axes ask for; Elastic Charts nices the domain to this count. */
export const VALUE_TICKS = 4;

export interface TimeDomain {
  min: number;
  max: number;
  minInterval: number;
}

/**
 * The x domain of a date histogram over [fromMs, toMs] in `intervalMs` buckets: from the bucket
 * holding `fromMs` to the bucket holding `toMs` (Elasticsearch's fixed intervals start at
 * multiples of the interval), so the axis spans the chosen range even where there is no data.
 */
export function timeDomain(fromMs: number, toMs: number, intervalMs: number): TimeDomain {
  const bucketOf = (ms: number) => Math.floor(ms / intervalMs) * intervalMs;
  return { min: bucketOf(fromMs), max: bucketOf(toMs), minInterval: intervalMs };
}

/** The highest bar of a stacked chart: the largest sum over the series of one bucket. */
export function stackedMax(points: SeriesPoint[]): number {
  const totals = new Map<number, number>();
  for (const point of points) totals.set(point.time, (totals.get(point.time) ?? 0) + point.value);
  return Math.max(0, ...totals.values());
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3's tick step (1, 2 or 5 × 10^k) for about `count` ticks over [0, stop]. */
function tickStep(stop: number, count: number): number {
  const raw = stop / count;
  const power = Math.floor(Math.log10(raw) + Number.EPSILON);
  const error = raw / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return factor * 10 ** power;
}

/**
 * The top of a [0, max] axis once Elastic Charts has niced it for `count` ticks (`yNice`): the
 * same loop as its getNiceLinearTicks (d3's nice), so the unit chosen here is the one the top
 * tick is written in. The top tick sits at this value, so no bar rises above the last gridline.
 */
export function niceMax(max: number, count = VALUE_TICKS): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  let stop = max;
  let previous: number | undefined;
  for (let i = 0; i < 10; i += 1) {
    const step = tickStep(stop, count);
    if (step === previous) break;
    stop = Math.ceil(stop / step) * step;
    previous = step;
  }
  return stop;
}

/**
 * The value axis's tick labels: counts with thousands separators; bytes all in one unit, chosen
 * from the axis's niced top (0 MB, 2 MB, 4 MB; never 97.7 KB beside 4.8 MB).
 */
export function valueAxisFormat(kind: 'bytes' | 'count', max: number): (value: number) => string {
  return kind === 'bytes' ? bytesIn(byteUnit(niceMax(max))) : formatNumber;
}
