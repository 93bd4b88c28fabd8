// When a finding happened, as a person reads it: how long ago (relative) and the exact times
// (absolute, local time as the rest of the app shows them).
import moment from 'moment';
import { relativeTime } from '../../lib/format';

export const formatAbsolute = (iso: string): string => moment(iso).format('YYYY-MM-DD HH:mm:ss');

export interface FindingWhen {
  /** "3 hours ago → 2 hours ago", or one phrase when first and last seen are the same. */
  relative: string;
  /** "2024-03-01 14:00:00 → 14:25:00": the end's date only when it differs from the start's. */
  absolute: string;
}

export function findingWhen(firstSeen: string, lastSeen: string, now = Date.now()): FindingWhen {
  const first = relativeTime(firstSeen, now);
  const last = relativeTime(lastSeen, now);
  if (firstSeen === lastSeen) return { relative: last, absolute: formatAbsolute(lastSeen) };
  const sameDay = moment(firstSeen).isSame(moment(lastSeen), 'day');
  const end = sameDay ? moment(lastSeen).format('HH:mm:ss') : formatAbsolute(lastSeen);
  return {
    relative: first === last ? last : `${first} → ${last}`,
    absolute: `${formatAbsolute(firstSeen)} → ${end}`,
  };
}
