import dateMath from '@elastic/datemath';
import { checkRetention, SETUP_RULES } from './request_rules';
import type { DateMath } from './time_range';
import { parseTime, resolveRange } from './time_range';
import { validateObject } from './validate_object';

const NOW = new Date('2026-12-01T10:30:00.000Z');
const math = dateMath as DateMath;
const iso = (value: string, roundUp = false) =>
  new Date(parseTime(math, value, roundUp, NOW)!).toISOString();

test.each([
  ['now', '2026-12-01T10:30:00.000Z'],
  ['now-15m', '2026-12-01T10:15:00.000Z'],
  ['now-30s', '2026-12-01T10:29:30.000Z'],
  ['now-4h', '2026-12-01T06:30:00.000Z'],
  ['now-7d', '2026-11-24T10:30:00.000Z'],
  ['now-1w', '2026-11-24T10:30:00.000Z'],
  ['now-1M', '2026-11-01T10:30:00.000Z'],
  ['now-1y', '2025-12-01T10:30:00.000Z'],
  ['now-1y/d', '2025-12-01T00:00:00.000Z'],
  ['1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z'],
  ['2026-11-22T06:00:00.000+02:00', '2026-11-22T04:00:00.000Z'],
])('the time picker value %s is %s', (value, expected) => {
  expect(iso(value)).toBe(expected);
});

test('the end of a range rounds up, as Kibana does', () => {
  expect(iso('now/d', true)).toBe('2026-12-01T23:59:59.999Z');
  expect(iso('now/d')).toBe('2026-12-01T00:00:00.000Z');
});

test.each(['yesterday', 'now-', 'now-1x', '2026-13-01', '22/11/2026', '', '1 2 3', 'now-1h; drop'])(
  '%j is refused with a message naming the field',
  (value) => {
    expect(() => resolveRange(math, value, 'now', NOW)).toThrow(
      /^\[from\]: expected an ISO 8601 time or date math/
    );
  }
);

test('a range that ends before it starts is refused', () => {
  expect(() => resolveRange(math, 'now', 'now-1h', NOW)).toThrow(
    '[to]: the range ends before it starts'
  );
  expect(resolveRange(math, 'now-1h', 'now', NOW)).toEqual({
    fromMs: NOW.getTime() - 3_600_000,
    toMs: NOW.getTime(),
  });
});

test.each(['0d', '0h', '23h', '-1d', '1.5d', '30', 'd', '9999999d', ' 30d'])(
  'retention %j is refused',
  (value) => {
    expect(checkRetention(value)).toBeDefined();
    expect(() => validateObject({ retention: value }, SETUP_RULES)).toThrow(/^\[retention\]: /);
  }
);

test('the shortest retention says why', () => {
  expect(checkRetention('1h')).toBe(
    'must be at least 24h (1d): a shorter retention deletes data almost as soon as it arrives, got "1h"'
  );
});

test.each(['1d', '24h', '30d', '720h', '3650d'])('retention %j is accepted', (value) => {
  expect(checkRetention(value)).toBeUndefined();
});
