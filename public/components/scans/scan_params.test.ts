import { readScanSource, scanSourceProblem, writeScanSource } from './scan_params';

const G = '_g=(time:(from:now-4h,to:now))';
const A = "_a=(query:(language:kuery,query:'a%2Fb'))";

test('reads the source, trimmed; none is empty', () => {
  expect(readScanSource(`?${G}&source=%2010.0.0.0%2F8%20`)).toBe('10.0.0.0/8');
  expect(readScanSource(`?${G}`)).toBe('');
});

test('writes the source beside _g/_a, keeping them byte for byte, replacing an earlier one', () => {
  expect(writeScanSource(`?${G}&${A}`, '203.0.113.66')).toBe(`?${G}&${A}&source=203.0.113.66`);
  expect(writeScanSource(`?${G}&source=1.2.3.4&x=1`, ' 10.0.0.0/8 ')).toBe(
    `?${G}&x=1&source=10.0.0.0%2F8`
  );
  expect(writeScanSource('', '1.2.3.4')).toBe('?source=1.2.3.4');
});

test('an empty source removes the parameter', () => {
  expect(writeScanSource(`?${G}&source=1.2.3.4`, '')).toBe(`?${G}`);
  expect(writeScanSource('?source=1.2.3.4', '  ')).toBe('');
});

test('the form checks with the server rule; empty is fine', () => {
  expect(scanSourceProblem('')).toBeUndefined();
  expect(scanSourceProblem('10.0.0.0/8')).toBeUndefined();
  expect(scanSourceProblem('web-1')).toMatch(/^expected an IPv4 or IPv6 address/);
});
