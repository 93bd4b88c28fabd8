// A top-N as a table: key, count, the summed metric where there is one, and a Discover link per row.
import React from 'react';
import { EuiBasicTable } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { Bucket } from '../../common/api_types';
import { fieldLabel } from '../lib/column_labels';
import { formatMetric, formatNumber } from '../lib/format';
import type { DiscoverTarget } from '../services';
import { rowActionsColumn } from './row_actions';

export interface BucketsTableProps {
  buckets: Bucket[];
  keyLabel: string;
  /** What a document is (flows, requests, connections). */
  countLabel: string;
  valueField?: string;
  targetFor(bucket: Bucket): DiscoverTarget;
  /** Filters the page to the row (drill-down); without it the row only opens or copies. */
  onFilter?(bucket: Bucket): void;
  caption: string;
}

export function BucketsTable({
  buckets,
  keyLabel,
  countLabel,
  valueField,
  targetFor,
  onFilter,
  caption,
}: BucketsTableProps) {
  const columns: Array<EuiBasicTableColumn<Bucket>> = [
    { field: 'key', name: keyLabel, truncateText: true },
    {
      field: 'count',
      name: countLabel,
      align: 'right',
      width: '100px',
      render: (count: number) => formatNumber(count),
    },
    ...(valueField
      ? [
          {
            field: 'value',
            name: fieldLabel(valueField),
            align: 'right' as const,
            width: '120px',
            render: (value: number | undefined) => formatMetric(value ?? 0, valueField),
          },
        ]
      : []),
    rowActionsColumn(targetFor, onFilter),
  ];
  return (
    <EuiBasicTable
      tableCaption={caption}
      items={buckets}
      columns={columns}
      rowProps={(bucket: Bucket) => ({ 'data-test-subj': `row-${bucket.key}` })}
      noItemsMessage="No matching documents"
    />
  );
}
