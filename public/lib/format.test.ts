import {
  formatBytes,
  formatKpi,
  formatMetric,
  formatNumber,
  formatRate,
  formatPercent,
  relativeTime,
} from './format';

describe('format', () => {
  it('formats bytes in binary multiples', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB');
    expect(formatBytes(200 * 1024 ** 2)).toBe('200 MB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('formats numbers and percentages', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect([886.4, 34.93, 96, 1204.49].map(formatRate)).toEqual([
      '886.4',
      '34.9',
      '96.0',
      '1,204.5',
    ]);
    expect(formatPercent(0.0123)).toBe('1.23%');
  });

  it('formats KPIs and metrics by unit', () => {
    expect(formatKpi({ value: 2048, unit: 'bytes' })).toBe('2.0 KB');
    expect(formatKpi({ value: 42, unit: 'count' })).toBe('42');
    expect(formatMetric(1024, 'network.bytes')).toBe('1.0 KB');
    expect(formatMetric(1024, 'network.packets')).toBe('1,024');
  });

  it('says how long ago an event was', () => {
    const now = Date.parse('2024-01-01T12:00:00Z');
    expect(relativeTime('2024-01-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2024-01-01T10:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime(null, now)).toBe('never');
    expect(relativeTime('garbage', now)).toBe('unknown');
  });
});
