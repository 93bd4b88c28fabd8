// Every asset the app installs and its state in this cluster.
import React from 'react';
import { EuiBasicTable, EuiText } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { AssetStatusEntry } from '../../common/api_types';
import { assetIdentityColumns } from './asset_columns';
import { AssetStateBadge } from './asset_state_badge';

export function AssetTable({ assets, loading }: { assets: AssetStatusEntry[]; loading: boolean }) {
  const columns: Array<EuiBasicTableColumn<AssetStatusEntry>> = [
    ...assetIdentityColumns<AssetStatusEntry>(),
    {
      name: 'State',
      width: '140px',
      // An installed asset's reason (where it runs) is said once above the table, not per row.
      render: (asset: AssetStatusEntry) => (
        <div>
          <AssetStateBadge state={asset.state} />
          {asset.reason && asset.state !== 'installed' && (
            <EuiText size="xs" color="subdued">
              <p>{asset.reason}</p>
            </EuiText>
          )}
        </div>
      ),
    },
    {
      field: 'installedVersion',
      name: 'Installed version',
      width: '140px',
      render: (version?: string) => version ?? '—',
    },
  ];
  return (
    <EuiBasicTable
      tableCaption="Network Observability assets"
      items={assets}
      columns={columns}
      loading={loading}
      rowProps={(asset: AssetStatusEntry) => ({
        'data-test-subj': `asset-${asset.type}-${asset.name}`,
        'data-state': asset.state,
      })}
      data-test-subj="asset-table"
    />
  );
}
