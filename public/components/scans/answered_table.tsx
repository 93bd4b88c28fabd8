// "What answered": the ports where a scanner's probes were accepted (nothing on the way blocked
// them, so a listener may have replied), and on which hosts. Empty means every probe was rejected.
import React from 'react';
import { EuiBasicTable, EuiText } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { ScanAnswer, Scanner } from '../../../common/investigations/scans';
import { formatNumber } from '../../lib/format';

const COLUMNS: EuiBasicTableColumn<ScanAnswer>[] = [
  { field: 'port', name: 'Port', width: '90px' },
  {
    name: 'Hosts that let it in',
    render: (row: ScanAnswer) =>
      row.hosts.map((h) => h.ip).join(', ') + (row.moreHosts ? ` and ${row.moreHosts} more` : ''),
  },
  {
    field: 'flows',
    name: 'Accepted flows',
    align: 'right',
    width: '140px',
    render: (flows: number) => formatNumber(flows),
  },
];

export function AnsweredTable({ answered }: { answered: Scanner['answered'] }) {
  if (answered.rows.length === 0) {
    return (
      <EuiText size="s" color="success" data-test-subj="scan-answered-none">
        <p>Nothing answered: every probe was rejected.</p>
      </EuiText>
    );
  }
  const listed = answered.rows.length;
  return (
    <>
      <EuiBasicTable
        tableCaption="Ports where the scan's probes were accepted"
        items={answered.rows}
        columns={COLUMNS}
        rowProps={(row) => ({ 'data-test-subj': `scan-answered-${row.port}` })}
        data-test-subj="scan-answered"
      />
      {answered.ports > listed && (
        <EuiText size="xs" color="subdued">
          <p>
            The first {listed} of {formatNumber(answered.ports)} ports that accepted probes.
          </p>
        </EuiText>
      )}
    </>
  );
}
