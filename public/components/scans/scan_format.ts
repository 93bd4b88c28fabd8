// How a scanner's numbers read on its card: durations in words, the per-minute series as the
// chart's accepted / rejected points, the window Discover opens on.
import type { SeriesPoint } from '../../../common/api_types';
import type { Scanner } from '../../../common/investigations/scans';

const MINUTE = 60_000;

/** 0 → "under a minute", 1_498_000 → "24 min 58 s", 7_380_000 → "2 h 3 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return seconds <= 0 ? 'under a second' : `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The series as stacked bars: `accept` and `reject` (the colours of the rest of the app). */
export function scannerPoints(scanner: Pick<Scanner, 'series'>): SeriesPoint[] {
  return scanner.series.flatMap((minute) => [
    { time: minute.time, series: 'accept', value: minute.accepted },
    { time: minute.time, series: 'reject', value: minute.rejected },
  ]);
}

/** The scanner's own window, whole minutes, as ISO times for a Discover link. */
export function scannerWindow(scanner: Pick<Scanner, 'firstSeen' | 'lastSeen'>): {
  from: string;
  to: string;
} {
  const from = Math.floor(scanner.firstSeen / MINUTE) * MINUTE;
  const to = (Math.floor(scanner.lastSeen / MINUTE) + 1) * MINUTE;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
