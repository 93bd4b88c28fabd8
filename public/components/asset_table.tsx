// Every asset the app installs, its state in this cluster and, after an install, upgrade or
// removal, what that action did to it: one table, so the same asset is never listed twice.
import React from 'react';
import { EuiBasicTable, EuiText } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { AssetStatusEntry, AssetType, SetupResult } from '../../common/api_types';
import { assetIdentityColumns } from './asset_columns';
import { AssetStateBadge } from './asset_state_badge';
import { SetupResultCell } from './setup_results';

export interface AssetRow {
  type: AssetType;
  name: string;
  /** The asset's state as last read; absent for an asset only the action's results name. */
  status?: AssetStatusEntry;
  /** What the last action did to it; absent before any action. */
  result?: SetupResult;
}

const key = (asset: { type: AssetType; name: string }) => `${asset.type}\u0000${asset.name}`;

/**
 * The status's assets in their order, each with its result from the last action. Assets only
 * the results name are added at the end; rows whose action failed come first, since they are
 * what the user has to act on.
 */
export function assetRows(assets: AssetStatusEntry[], results?: SetupResult[]): AssetRow[] {
  const byKey = new Map((results ?? []).map((result) => [key(result), result]));
  const rows: AssetRow[] = assets.map((status) => ({
    type: status.type,
    name: status.name,
    status,
    result: byKey.get(key(status)),
  }));
  const listed = new Set(assets.map(key));
  for (const result of results ?? []) {
    if (!listed.has(key(result))) rows.push({ type: result.type, name: result.name, result });
  }
  const failed = (row: AssetRow) => row.result?.action === 'failed';
  return [...rows.filter(failed), ...rows.filter((row) => !failed(row))];
}

export function AssetTable({
  assets,
  loading,
  results,
  resultTitle = 'Result',
}: {
  assets: AssetStatusEntry[];
  loading: boolean;
  /** The last action's per-asset results, shown in their own column. */
  results?: SetupResult[];
  /** That column's heading, e.g. "Install result". */
  resultTitle?: string;
}) {
  const columns: Array<EuiBasicTableColumn<AssetRow>> = [
    ...assetIdentityColumns<AssetRow>(),
    {
      name: 'State',
      width: '150px',
      // An installed asset's reason (where it runs) is said once above the table, not per row.
      render: ({ status }: AssetRow) =>
        status ? (
          <div>
            <AssetStateBadge state={status.state} />
            {status.reason && status.state !== 'installed' && (
              <EuiText size="xs" color="subdued">
                <p>{status.reason}</p>
              </EuiText>
            )}
          </div>
        ) : (
          '—'
        ),
    },
    {
      name: 'Installed version',
      width: '130px',
      render: ({ status }: AssetRow) => status?.installedVersion ?? '—',
    },
    ...(results
      ? [
          {
            name: resultTitle,
            render: ({ result }: AssetRow) => (result ? <SetupResultCell result={result} /> : '—'),
          },
        ]
      : []),
  ];
  return (
    <EuiBasicTable
      tableCaption="Network Observability assets"
      items={assetRows(assets, results)}
      columns={columns}
      loading={loading}
      rowProps={(row: AssetRow) => ({
        'data-test-subj': `asset-${row.type}-${row.name}`,
        'data-state': row.status?.state,
        'data-action': row.result?.action,
      })}
      data-test-subj="asset-table"
    />
  );
}
