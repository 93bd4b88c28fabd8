import { niceMax, stackedMax, timeDomain, valueAxisFormat } from './chart_axes';

const MINUTE = 60_000;

test('a time domain runs from the bucket holding `from` to the bucket holding `to`', () => {
  const from = Date.UTC(2024, 0, 1, 10, 7, 23);
  const to = Date.UTC(2024, 0, 1, 14, 7, 23);
  expect(timeDomain(from, to, 2 * MINUTE)).toEqual({
    min: Date.UTC(2024, 0, 1, 10, 6),
    max: Date.UTC(2024, 0, 1, 14, 6),
    minInterval: 2 * MINUTE,
  });
  // A range already on bucket boundaries keeps them.
  const hour = Date.UTC(2024, 0, 1, 10);
  expect(timeDomain(hour, hour + 60 * MINUTE, MINUTE)).toMatchObject({
    min: hour,
    max: hour + 60 * MINUTE,
  });
});

test('the highest stack is the largest per-bucket sum', () => {
  expect(
    stackedMax([
      { time: 1, series: '200', value: 100 },
      { time: 1, series: '404', value: 340 },
      { time: 2, series: '200', value: 400 },
    ])
  ).toBe(440);
  expect(stackedMax([])).toBe(0);
});

test('the axis top is niced as Elastic Charts nices it for four ticks', () => {
  expect([440, 442, 1, 2, 3, 9_500_000, 950_000, 1010].map((max) => niceMax(max))).toEqual([
    500, 500, 1, 2, 3, 10_000_000, 1_000_000, 1200,
  ]);
  expect(niceMax(0)).toBe(0);
});

test('byte ticks share the unit of the axis top; counts get separators', () => {
  const bytes = valueAxisFormat('bytes', 9_500_000);
  expect([0, 2_000_000, 97_700, 10_000_000].map(bytes)).toEqual([
    '0 MB',
    '2 MB',
    '0.1 MB',
    '10 MB',
  ]);
  // 950 KB nices to 1,000,000: the top tick reads 1 MB, and so does the unit of the rest.
  expect(valueAxisFormat('bytes', 950_000)(200_000)).toBe('0.2 MB');
  expect(valueAxisFormat('bytes', 800)(200)).toBe('200 B');
  expect(valueAxisFormat('count', 3)(1200)).toBe('1,200');
});
