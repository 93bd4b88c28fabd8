// Property-based tests of time-range validation against @elastic/datemath, the parser Kibana
// injects (fast-check). Pins: for date math (now, now±N{y,M,w,d,h,m,s} steps, optional /unit
// rounding) and ISO 8601 strings, parseTime gives exactly what @elastic/datemath gives, and they
// are valid; ISO 8601 with an explicit zone is the instant Date.parse reads; any string makes
// parseTime return a number or undefined (never throw) and resolveRange return a range with
// fromMs <= toMs or throw a ValidationError (a 400), nothing else; a value used as both ends is a
// non-empty range (the end rounds up).
// Reproduce a failure: FC_SEED=<seed> npx jest server/lib/validation/time_range.property --selectProjects unit
import dateMath from '@elastic/datemath';
import fc from 'fast-check';
import { runs } from '../../../test/support/fast_check';
import type { DateMath } from './time_range';
import { parseTime, resolveRange } from './time_range';
import { ValidationError } from './validate_object';

const math = dateMath as DateMath;
const UNITS = ['y', 'M', 'w', 'd', 'h', 'm', 's'] as const;

/** What @elastic/datemath itself makes of a value: its epoch ms, or undefined when invalid. */
function reference(value: string, roundUp: boolean, now: Date): number | undefined {
  const parsed = dateMath.parse(value, { roundUp, forceNow: now });
  return parsed && parsed.isValid() ? parsed.valueOf() : undefined;
}

const nowArb = fc.date({
  min: new Date('1971-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

/** now, then steps like -15m or +1M, then optionally a rounding like /d (Kibana's picker). */
const dateMathArb = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('+', '-'),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
        fc.constantFrom(...UNITS)
      ),
      { maxLength: 3 }
    ),
    fc.option(fc.constantFrom(...UNITS), { nil: undefined })
  )
  .map(
    ([steps, round]) =>
      `now${steps.map(([sign, n, unit]) => `${sign}${n ?? ''}${unit}`).join('')}${round ? `/${round}` : ''}`
  );

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** ISO 8601 as the picker and people write it: date, time to any precision, zone or not. */
const isoArb = fc
  .record({
    date: fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    }),
    precision: fc.constantFrom('date', 'minutes', 'seconds', 'fraction'),
    digits: fc.integer({ min: 1, max: 9 }),
    zone: fc.oneof(
      fc.constantFrom('', 'Z'),
      // Offsets that exist, -12:00 to +14:00: moment (2.31), hence datemath, refuses others.
      fc
        .tuple(fc.integer({ min: -12, max: 14 }), fc.constantFrom(0, 30, 45))
        .filter(([h, m]) => (h === -12 || h === 14 ? m === 0 : true))
        .chain(([h, m]) => {
          const sign = h < 0 ? '-' : '+';
          const [hh, mm] = [pad(Math.abs(h)), pad(m)];
          return fc.constantFrom(`${sign}${hh}:${mm}`, `${sign}${hh}${mm}`, `${sign}${hh}`);
        })
    ),
  })
  .map(({ date: d, precision, digits, zone }) => {
    const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (precision === 'date') return day;
    const minutes = `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const fraction = pad(d.getUTCMilliseconds(), 3).padEnd(digits, '0').slice(0, digits);
    const time =
      precision === 'minutes'
        ? minutes
        : precision === 'seconds'
          ? `${minutes}:${pad(d.getUTCSeconds())}`
          : `${minutes}:${pad(d.getUTCSeconds())}.${fraction}`;
    return `${time}${zone}`;
  });

test.each([
  ['date math', dateMathArb],
  ['ISO 8601', isoArb],
])('%s: parseTime is what @elastic/datemath gives, and valid', (_, values) => {
  fc.assert(
    fc.property(values, fc.boolean(), nowArb, (value, roundUp, now) => {
      const ours = parseTime(math, value, roundUp, now);
      expect(ours).toBe(reference(value, roundUp, now));
      expect(ours).toEqual(expect.any(Number));
    }),
    runs(500)
  );
});

test('ISO 8601 with Z or ±hh:mm and at most milliseconds is the instant Date.parse reads', () => {
  const ecmaScriptIso = isoArb.filter((value) =>
    /T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  );
  fc.assert(
    fc.property(ecmaScriptIso, (value) => {
      expect(parseTime(math, value)).toBe(Date.parse(value));
    }),
    runs(300)
  );
});

/** Strings near the grammar, so that parsing gets somewhere before it stops. */
const timeSoupArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('now', '-', '+', '/', '||', 'T', ':', 'Z', '.', ' ', '2026', '-11', '-22'),
      fc.constantFrom(...UNITS, 'ms', 'q', 'x', 'D', 'H'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.constantFrom('99999999999999999999', '1e9', 'Infinity', 'NaN'),
      fc.string({ unit: 'binary', maxLength: 2 })
    ),
    { maxLength: 10 }
  )
  .map((parts) => parts.join(''));
const anyTimeArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  timeSoupArb,
  dateMathArb,
  isoArb
);

test('any string: parseTime gives a number or undefined, never throws', () => {
  fc.assert(
    fc.property(anyTimeArb, fc.boolean(), nowArb, (value, roundUp, now) => {
      const ours = parseTime(math, value, roundUp, now);
      if (ours !== undefined) expect(Number.isFinite(ours)).toBe(true);
    }),
    runs(1000)
  );
});

test('any strings: resolveRange gives fromMs <= toMs or throws a ValidationError, nothing else', () => {
  fc.assert(
    fc.property(anyTimeArb, anyTimeArb, nowArb, (from, to, now) => {
      let range;
      try {
        range = resolveRange(math, from, to, now);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect(['from', 'to']).toContain((error as ValidationError).field);
        return;
      }
      expect(range.fromMs).toBeLessThanOrEqual(range.toMs);
      expect(range).toEqual({
        fromMs: parseTime(math, from, false, now),
        toMs: parseTime(math, to, true, now),
      });
    }),
    runs(1000)
  );
});

test('a value used as both ends is a range: the end rounds up, never below the start', () => {
  fc.assert(
    fc.property(fc.oneof(dateMathArb, isoArb), nowArb, (value, now) => {
      const { fromMs, toMs } = resolveRange(math, value, value, now);
      expect(fromMs).toBeLessThanOrEqual(toMs);
    }),
    runs(500)
  );
});
