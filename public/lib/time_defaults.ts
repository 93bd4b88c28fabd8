// The time range the app opens with, in both hosts. Kibana's own default is 15 minutes, too
// short for flow logs, which AWS delivers in 1–10 minute batches.
export const DEFAULT_TIME_RANGE = { from: 'now-24h', to: 'now' } as const;

/** The time picker's "commonly used": the ranges incidents are looked at in. */
export const COMMONLY_USED_RANGES = [
  { start: 'now-15m', end: 'now', label: 'Last 15 minutes' },
  { start: 'now-1h', end: 'now', label: 'Last 1 hour' },
  { start: 'now-4h', end: 'now', label: 'Last 4 hours' },
  { start: 'now-24h', end: 'now', label: 'Last 24 hours' },
  { start: 'now-7d', end: 'now', label: 'Last 7 days' },
  { start: 'now/d', end: 'now/d', label: 'Today' },
] as const;
