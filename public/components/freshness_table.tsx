// How fresh each source's data is: when the last event arrived, the recent rate, and how many
// lines the pipelines could not parse (event.kind: pipeline_error).
import React from 'react';
import { EuiBasicTable, EuiHealth } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { FreshnessEntry } from '../../common/api_types';
import { ALL_SOURCES } from '../../common/sources';
import { formatNumber, formatPercent, relativeTime } from '../lib/format';
import { formatRateValue } from '../lib/rates';

function sourceTitle(source: FreshnessEntry['source']): string {
  return source === 'unknown' ? 'Unrecognised lines' : ALL_SOURCES[source].title;
}

/** More than 1% unparsed lines usually means a custom log format the router did not detect. */
const ERROR_RATE_WARNING = 0.01;

export function FreshnessTable({ entries, now }: { entries: FreshnessEntry[]; now?: number }) {
  const columns: Array<EuiBasicTableColumn<FreshnessEntry>> = [
    { field: 'source', name: 'Source', render: sourceTitle },
    {
      field: 'lastEvent',
      name: 'Last event',
      render: (lastEvent: string | null) => (
        <span title={lastEvent ?? undefined}>{relativeTime(lastEvent, now)}</span>
      ),
    },
    {
      field: 'eventsPerMinute',
      name: 'Events / min',
      // The window is server/lib/analytics/freshness.ts's WINDOW_MINUTES.
      nameTooltip: { content: 'Average over the last 15 minutes, by the time lines arrived' },
      align: 'right',
      // A source that never sent anything has no rate, which is not the same as a rate of 0.
      render: (rate: number, entry: FreshnessEntry) => (
        <span data-test-subj="freshness-rate">
          {formatRateValue(entry.total === 0 && entry.lastEvent === null ? null : rate)}
        </span>
      ),
    },
    { field: 'total', name: 'Events', align: 'right', render: (n: number) => formatNumber(n) },
    {
      field: 'parseErrorRate',
      name: 'Parse errors',
      align: 'right',
      render: (rate: number, entry: FreshnessEntry) => (
        <EuiHealth color={rate > ERROR_RATE_WARNING ? 'danger' : 'success'}>
          {formatPercent(rate)} ({formatNumber(entry.parseErrors)})
        </EuiHealth>
      ),
    },
  ];
  return (
    <EuiBasicTable
      tableCaption="Data freshness per source"
      items={entries}
      columns={columns}
      rowProps={(entry: FreshnessEntry) => ({ 'data-test-subj': `freshness-${entry.source}` })}
      noItemsMessage="No data has been shipped yet"
    />
  );
}
