// Number, byte and time formatting for tiles, tables and tooltips, kept pure so tests pin it.
import type { Kpi } from '../../common/api_types';

/**
 * Bytes are shown in decimal multiples everywhere in the app (tiles, tables, tooltips, axes):
 * 1 KB = 1,000 B, as Kibana's default bytes format (numeral's `0,0.[0]b`) shows them, so the
 * numbers read the same here as in Discover and Lens.
 */
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
const BYTE_BASE = 1000;

export interface ByteUnit {
  label: (typeof BYTE_UNITS)[number];
  size: number;
}

/** The largest unit `bytes` is at least one of: 999 → B, 1,000 → KB, 4.8e6 → MB. */
export function byteUnit(bytes: number): ByteUnit {
  let index = 0;
  let size = 1;
  while (Math.abs(bytes) >= size * BYTE_BASE && index < BYTE_UNITS.length - 1) {
    size *= BYTE_BASE;
    index += 1;
  }
  return { label: BYTE_UNITS[index], size };
}

/** 1500 → "1.5 KB"; one decimal below 100 of a unit, none above. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const unit = byteUnit(bytes);
  const value = Math.abs(bytes) / unit.size;
  const digits = unit.size === 1 || value >= 100 ? 0 : 1;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${unit.label}`;
}

/**
 * A formatter that writes every value in one unit, `unit`: an axis's ticks read 0 MB, 2 MB,
 * 4 MB rather than 0 B, 1.9 MB, 3.8 MB. Thousands separators, at most two decimals.
 */
export function bytesIn(unit: ByteUnit): (bytes: number) => string {
  return (bytes) =>
    Number.isFinite(bytes)
      ? `${(bytes / unit.size).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit.label}`
      : '—';
}

/** 1234567 → "1,234,567"; fractions keep at most two digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Events per minute, always with one decimal: 886.4, 34.9, 96.0, 1,204.5. */
export function formatRate(perMinute: number): string {
  if (!Number.isFinite(perMinute)) return '—';
  return perMinute.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** 0.0123 → "1.23%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

export function formatKpi(kpi: Pick<Kpi, 'value' | 'unit'>): string {
  switch (kpi.unit) {
    case 'bytes':
      return formatBytes(kpi.value);
    case 'percent':
      return formatPercent(kpi.value);
    case 'seconds':
      return `${formatNumber(kpi.value)} s`;
    default:
      return formatNumber(kpi.value);
  }
}

/** What a panel's values are: bytes when the summed field is a byte count, else a count. */
export function metricKind(valueField?: string): 'bytes' | 'count' {
  return valueField && /bytes$/.test(valueField) ? 'bytes' : 'count';
}

/** A metric value from a panel: bytes when the summed field is a byte count. */
export function formatMetric(value: number, valueField?: string): string {
  return metricKind(valueField) === 'bytes' ? formatBytes(value) : formatNumber(value);
}

/** "3 minutes ago", "in 2 hours", "never": how stale a source is, at a glance. */
export function relativeTime(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const seconds = Math.round((then - now) / 1000);
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
