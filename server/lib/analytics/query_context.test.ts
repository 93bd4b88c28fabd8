import { checkKqlLimits, chooseInterval, KQL_LIMITS, KqlError, MAX_BUCKETS } from './query_context';

test('deep nesting is refused before any parser recurses into it', () => {
  const nested = (n: number) => '('.repeat(n) + 'a:1' + ')'.repeat(n);
  expect(() => checkKqlLimits(nested(KQL_LIMITS.maxDepth))).not.toThrow();
  expect(() => checkKqlLimits(nested(KQL_LIMITS.maxDepth + 1))).toThrow(KqlError);
  // Thousands of levels overflow a recursive parser's stack (a RangeError, then a 500).
  expect(() => checkKqlLimits(nested(4900))).toThrow('KQL is nested more than 50 levels deep');
  expect(() => checkKqlLimits(`${'not '.repeat(60)}a:1`)).toThrow(KqlError);
});

test('parentheses inside quotes and escapes do not count; length is bounded', () => {
  expect(() => checkKqlLimits(`url.path: "${'('.repeat(200)}"`)).not.toThrow();
  expect(() => checkKqlLimits(`message: ${'\\('.repeat(200)}`)).not.toThrow();
  expect(() => checkKqlLimits('a'.repeat(KQL_LIMITS.maxLength + 1))).toThrow(
    'KQL is longer than 10000 characters'
  );
});

describe('chooseInterval', () => {
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const buckets = (span: number) => Math.ceil(span / chooseInterval(span));

  test.each([
    { range: '15 minutes', span: 15 * MINUTE, every: '1 minute', interval: MINUTE, count: 15 },
    { range: '1 hour', span: HOUR, every: '1 minute', interval: MINUTE, count: 60 },
    { range: '4 hours', span: 4 * HOUR, every: '2 minutes', interval: 2 * MINUTE, count: 120 },
    { range: '24 hours', span: 24 * HOUR, every: '15 minutes', interval: 15 * MINUTE, count: 96 },
    { range: '7 days', span: 7 * 24 * HOUR, every: '2 hours', interval: 2 * HOUR, count: 84 },
    { range: '30 days', span: 30 * 24 * HOUR, every: '6 hours', interval: 6 * HOUR, count: 120 },
  ])('over $range: a bucket every $every, $count buckets', ({ span, interval, count }) => {
    expect(chooseInterval(span)).toBe(interval);
    expect(buckets(span)).toBe(count);
  });

  test('a 15-minute scan is many bars over 1 and 4 hours, not two half-hour bars', () => {
    expect((15 * MINUTE) / chooseInterval(HOUR)).toBe(15);
    expect((15 * MINUTE) / chooseInterval(4 * HOUR)).toBeGreaterThanOrEqual(7);
  });

  test('every range from an hour to 240 days gets between 48 and MAX_BUCKETS buckets', () => {
    for (let span = HOUR; span <= 240 * 24 * HOUR; span = Math.round(span * 1.07)) {
      expect(buckets(span)).toBeLessThanOrEqual(MAX_BUCKETS);
      expect(buckets(span)).toBeGreaterThanOrEqual(48);
    }
    // Longer ranges get weeks, then multiples of a week: never more than MAX_BUCKETS.
    expect(chooseInterval(365 * 24 * HOUR)).toBe(7 * 24 * HOUR);
    expect(buckets(5 * 365 * 24 * HOUR)).toBeLessThanOrEqual(MAX_BUCKETS);
  });
});
