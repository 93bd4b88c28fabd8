// Latency percentiles per key (target), with a Discover link per row.
import React from 'react';
import { EuiBasicTable } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { Percentiles } from '../../common/api_types';
import { formatNumber } from '../lib/format';
import type { DiscoverTarget } from '../services';
import { rowActionsColumn } from './row_actions';

const formatPercentile = (value: number | null) => (value === null ? '—' : formatNumber(value));

export function PercentilesTable({
  rows,
  keyLabel,
  countLabel,
  targetFor,
  onFilter,
  caption,
}: {
  rows: Percentiles[];
  keyLabel: string;
  countLabel: string;
  targetFor(row: Percentiles): DiscoverTarget;
  onFilter?(row: Percentiles): void;
  caption: string;
}) {
  const columns: Array<EuiBasicTableColumn<Percentiles>> = [
    { field: 'key', name: keyLabel, truncateText: true },
    { field: 'count', name: countLabel, align: 'right', render: (n: number) => formatNumber(n) },
    { field: 'p50', name: 'p50', align: 'right', render: formatPercentile },
    { field: 'p95', name: 'p95', align: 'right', render: formatPercentile },
    { field: 'p99', name: 'p99', align: 'right', render: formatPercentile },
    rowActionsColumn(targetFor, onFilter),
  ];
  return (
    <EuiBasicTable
      tableCaption={caption}
      items={rows}
      columns={columns}
      rowProps={(row: Percentiles) => ({ 'data-test-subj': `row-${row.key}` })}
      noItemsMessage="No matching documents"
    />
  );
}
