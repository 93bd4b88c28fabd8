// Number, byte and time formatting for tiles, tables and tooltips, kept pure so tests pin it.
import type { Kpi } from '../../common/api_types';

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 KB". Binary multiples, as Kibana's default bytes format uses. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
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

/** A metric value from a panel: bytes when the summed field is a byte count. */
export function formatMetric(value: number, valueField?: string): string {
  return valueField && /bytes$/.test(valueField) ? formatBytes(value) : formatNumber(value);
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
