import { formatEventRate, formatRateValue } from './rates';

describe('formatRateValue', () => {
  it.each([
    [1204.5, '1,205'],
    [123456.7, '123,457'],
    [886.4, '886'],
    [100, '100'],
    [96, '96'],
    [34.93, '34.9'],
    [2.345, '2.35'],
    [0.5, '0.5'],
    [0.1, '0.1'],
    [1 / 15, '< 0.1'],
    [0, '0'],
  ])('%p → %p', (rate, expected) => {
    expect(formatRateValue(rate)).toBe(expected);
  });

  it.each([null, undefined, NaN, Infinity, -1])('shows %p as a dash', (rate) => {
    expect(formatRateValue(rate)).toBe('—');
  });
});

describe('formatEventRate', () => {
  it('names the unit, except when there is no rate', () => {
    expect(formatEventRate(1204.5)).toBe('1,205 /min');
    expect(formatEventRate(2, 's')).toBe('2 /s');
    expect(formatEventRate(null, 's')).toBe('—');
  });
});
