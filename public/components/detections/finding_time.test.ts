import moment from 'moment';
import { findingWhen, formatAbsolute } from './finding_time';

const NOW = Date.UTC(2024, 2, 1, 18, 0);
const iso = (hoursAgo: number) => new Date(NOW - hoursAgo * 3600_000).toISOString();

describe('when a finding happened', () => {
  it('gives first and last seen, relative and absolute', () => {
    const when = findingWhen(iso(5), iso(2), NOW);
    expect(when.relative).toBe('5 hours ago → 2 hours ago');
    const sameDay = moment(iso(5)).isSame(moment(iso(2)), 'day');
    expect(when.absolute).toBe(
      `${formatAbsolute(iso(5))} → ${sameDay ? moment(iso(2)).format('HH:mm:ss') : formatAbsolute(iso(2))}`
    );
  });

  it('says it once when first and last seen are the same or round to the same', () => {
    expect(findingWhen(iso(2), iso(2), NOW)).toEqual({
      relative: '2 hours ago',
      absolute: formatAbsolute(iso(2)),
    });
    expect(findingWhen(iso(2.1), iso(2), NOW).relative).toBe('2 hours ago');
  });

  it('repeats the date when the finding spans midnight', () => {
    const first = '2024-03-01T12:00:00.000Z';
    const last = '2024-03-03T12:00:00.000Z';
    expect(findingWhen(first, last, NOW).absolute).toBe(
      `${formatAbsolute(first)} → ${formatAbsolute(last)}`
    );
  });
});
