// The last column of every top-N and percentiles table: filter the page to the row (its clause
// joins the query bar's KQL, as a click on the chart's bar does) and open or copy the whole
// query behind the row (the query bar's KQL, the panel's own filter and the row's key).
import React from 'react';
import { EuiButtonIcon, EuiFlexGroup, EuiFlexItem, EuiToolTip } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { DiscoverTarget } from '../services';
import { DiscoverLink } from './discover_link';
import { TroubleshootRowAction } from './troubleshoot/troubleshoot_link';

export function rowActionsColumn<T extends { key: string }>(
  targetFor: (row: T) => DiscoverTarget,
  onFilter?: (row: T) => void
): EuiBasicTableColumn<T> {
  return {
    name: 'Actions',
    width: onFilter ? '200px' : '160px',
    render: (row: T) => (
      <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false}>
        {onFilter && (
          <EuiFlexItem grow={false}>
            <EuiToolTip content={`Filter the page to ${row.key}`}>
              <EuiButtonIcon
                iconType="filter"
                aria-label={`Filter the page to ${row.key}`}
                onClick={() => onFilter(row)}
                data-test-subj={`row-filter-${row.key}`}
              />
            </EuiToolTip>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <DiscoverLink target={targetFor(row)} data-test-subj={`row-discover-${row.key}`} />
        </EuiFlexItem>
        <TroubleshootRowAction rowKey={row.key} target={targetFor(row)} />
      </EuiFlexGroup>
    ),
  };
}
