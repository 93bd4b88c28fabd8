import { formatRate } from './cli';

test('the progress rate never rounds moving data to 0.0', () => {
  expect(formatRate(0)).toBe('0 B/s');
  expect(formatRate(512)).toBe('512 B/s');
  expect(formatRate(48_000)).toBe('48.0 kB/s');
  expect(formatRate(3_400_000)).toBe('3.4 MB/s');
});
