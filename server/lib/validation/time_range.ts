// Time ranges as Kibana's time picker writes them: date math (`now-15m`, `now-1y/d`, `now/w`,
// units y M w d h m s, rounding) and absolute ISO 8601 times, read by Kibana's own date-math
// parser (injected: @kbn/datemath in Kibana, the same parser published as @elastic/datemath
// outside it). Both ends are resolved to epoch milliseconds on the server, so what the app asked
// for and what Elasticsearch searches are one and the same instant.
import { ValidationError } from './validate_object';

/** The part of @kbn/datemath (= @elastic/datemath) used here. */
export interface DateMath {
  parse(
    text: string,
    options?: { roundUp?: boolean; forceNow?: Date }
  ): { isValid(): boolean; valueOf(): number } | undefined;
}

/**
 * ISO 8601 as Kibana's picker writes absolute times. Anything else would reach moment's lenient
 * `Date` fallback inside datemath, which reads "1 2 3" as a date.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

export const TIME_EXPECTED = 'an ISO 8601 time or date math such as now-24h or now-1y/d';

/** Epoch milliseconds of `value`, or undefined when it is neither date math nor ISO 8601. */
export function parseTime(
  dateMath: DateMath,
  value: string,
  roundUp = false,
  now?: Date
): number | undefined {
  if (!value.startsWith('now') && !ISO_8601.test(value)) return undefined;
  const parsed = dateMath.parse(value, { roundUp, forceNow: now });
  return parsed && parsed.isValid() ? parsed.valueOf() : undefined;
}

export interface ResolvedRange {
  fromMs: number;
  toMs: number;
}

/** Resolves a range; `to` rounds up as in Kibana (`now/d` is the end of today). */
export function resolveRange(
  dateMath: DateMath,
  from: string,
  to: string,
  now = new Date()
): ResolvedRange {
  const fromMs = parseTime(dateMath, from, false, now);
  const toMs = parseTime(dateMath, to, true, now);
  if (fromMs === undefined)
    throw new ValidationError('from', `expected ${TIME_EXPECTED}, got "${from}"`);
  if (toMs === undefined) throw new ValidationError('to', `expected ${TIME_EXPECTED}, got "${to}"`);
  if (fromMs > toMs)
    throw new ValidationError('to', `the range ends before it starts ("${from}" to "${to}")`);
  return { fromMs, toMs };
}
