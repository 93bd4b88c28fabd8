// The evidence behind a verdict, one table per direction: each network interface that logged the
// pair (an ENI for VPC flow logs, an attachment for Transit Gateway ones), with accepted and
// rejected flows, packets, bytes and when it was first and last seen.
import React from 'react';
import { EuiBasicTable, EuiTitle, EuiSpacer } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { ConnectionDirection, EvidenceRow } from '../../../common/investigations/connection';
import { formatBytes, formatNumber } from '../../lib/format';

const SOURCE_LABELS = { vpcflow: 'VPC', tgwflow: 'Transit Gateway' } as const;

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

const COLUMNS: Array<EuiBasicTableColumn<EvidenceRow>> = [
  { field: 'interface', name: 'Interface', truncateText: true },
  {
    field: 'source',
    name: 'Flow log',
    width: '130px',
    render: (source: EvidenceRow['source']) => SOURCE_LABELS[source],
  },
  {
    field: 'accepted',
    name: 'Accepted',
    align: 'right',
    width: '90px',
    render: (n: number) => formatNumber(n),
  },
  {
    field: 'rejected',
    name: 'Rejected',
    align: 'right',
    width: '90px',
    render: (n: number) => formatNumber(n),
  },
  {
    field: 'seen',
    name: 'Seen (TGW)',
    align: 'right',
    width: '100px',
    render: (n: number) => (n ? formatNumber(n) : '—'),
  },
  {
    field: 'packets',
    name: 'Packets',
    align: 'right',
    width: '90px',
    render: (n: number) => formatNumber(n),
  },
  {
    field: 'bytes',
    name: 'Bytes',
    align: 'right',
    width: '90px',
    render: (n: number) => formatBytes(n),
  },
  { field: 'firstSeen', name: 'First seen (UTC)', width: '150px', render: time },
  { field: 'lastSeen', name: 'Last seen (UTC)', width: '150px', render: time },
];

export interface EvidenceTableProps {
  direction: ConnectionDirection;
  title: string;
  rows: EvidenceRow[];
}

export function EvidenceTable({ direction, title, rows }: EvidenceTableProps) {
  const items = rows.filter((row) => row.direction === direction);
  return (
    <div data-test-subj={`evidence-${direction}`}>
      <EuiTitle size="xxs">
        <h3>{title}</h3>
      </EuiTitle>
      <EuiSpacer size="xs" />
      <EuiBasicTable
        tableCaption={title}
        items={items}
        columns={COLUMNS}
        rowProps={(row: EvidenceRow) => ({
          'data-test-subj': `evidence-${direction}-${row.interface}`,
          'data-accepted': row.accepted,
          'data-rejected': row.rejected,
        })}
        noItemsMessage="No flow logged in this direction"
      />
    </div>
  );
}
