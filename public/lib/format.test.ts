import {
  byteUnit,
  bytesIn,
  formatBytes,
  formatKpi,
  formatMetric,
  formatNumber,
  formatRate,
  formatPercent,
  metricKind,
  relativeTime,
} from './format';

describe('format', () => {
  it('formats bytes in decimal multiples, as Kibana does', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(5e9)).toBe('5.0 GB');
    expect(formatBytes(200e6)).toBe('200 MB');
    expect(formatBytes(-4_800_000)).toBe('-4.8 MB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('writes bytes in a given unit', () => {
    const mb = bytesIn(byteUnit(9_500_000));
    expect([0, 97_700, 4_800_000, 12_345_678].map(mb)).toEqual([
      '0 MB',
      '0.1 MB',
      '4.8 MB',
      '12.35 MB',
    ]);
    expect(byteUnit(999).label).toBe('B');
    expect(byteUnit(1000).label).toBe('KB');
    expect(byteUnit(3e15).label).toBe('PB');
    expect(byteUnit(3e18).label).toBe('PB');
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
    expect(formatKpi({ value: 2000, unit: 'bytes' })).toBe('2.0 KB');
    expect(formatKpi({ value: 42, unit: 'count' })).toBe('42');
    expect(formatMetric(1000, 'network.bytes')).toBe('1.0 KB');
    expect(formatMetric(1024, 'network.packets')).toBe('1,024');
    expect([metricKind('network.bytes'), metricKind('network.packets'), metricKind()]).toEqual([
      'bytes',
      'count',
      'count',
    ]);
  });

  it('says how long ago an event was', () => {
    const now = Date.parse('2024-01-01T12:00:00Z');
    expect(relativeTime('2024-01-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2024-01-01T10:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime(null, now)).toBe('never');
    expect(relativeTime('garbage', now)).toBe('unknown');
  });
});
