// Event rates as the Sources page shows every one of them: one formatter, so a rate reads the
// same wherever it appears. The unit is given once (a column heading, or the suffix here), the
// digits follow the size of the number, and "—" means there is no rate to show.

export type RateUnit = 'min' | 's';

const UNIT_SUFFIX: Record<RateUnit, string> = { min: '/min', s: '/s' };

/**
 * 1204.5 → "1,205"; 34.93 → "34.9"; 2.345 → "2.35"; 0.0667 → "< 0.1"; 0 → "0"; null, NaN or
 * Infinity → "—". Large rates need no fraction; small ones keep three significant digits; below
 * 0.1 the digits would claim a precision a short window does not have.
 */
export function formatRateValue(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate < 0) return '—';
  if (rate === 0) return '0';
  if (rate < 0.1) return '< 0.1';
  if (rate >= 100) return rate.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return rate.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** The same with its unit, for a rate shown outside a column that names it: "34.9 /min". */
export function formatEventRate(rate: number | null | undefined, unit: RateUnit = 'min'): string {
  const value = formatRateValue(rate);
  return value === '—' ? value : `${value} ${UNIT_SUFFIX[unit]}`;
}
