import { formatDuration, scannerPoints, scannerWindow } from './scan_format';

test.each([
  [0, 'under a second'],
  [42_000, '42 s'],
  [60_000, '1 min'],
  [1_498_000, '24 min 58 s'],
  [7_380_000, '2 h 3 min'],
  [3 * 86_400_000 + 3_600_000, '3 d 1 h'],
])('%d ms reads %j', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});

test('the series becomes accept and reject points, one of each per minute', () => {
  expect(scannerPoints({ series: [{ time: 60_000, accepted: 1, rejected: 5 }] })).toEqual([
    { time: 60_000, series: 'accept', value: 1 },
    { time: 60_000, series: 'reject', value: 5 },
  ]);
});

test("Discover opens on the scanner's whole minutes, the last one included", () => {
  const at = Date.parse('2026-03-04T10:05:30Z');
  expect(scannerWindow({ firstSeen: at, lastSeen: at + 4 * 60_000 })).toEqual({
    from: '2026-03-04T10:05:00.000Z',
    to: '2026-03-04T10:10:00.000Z',
  });
});
