// Every asset the app installs and its state in this cluster.
import React from 'react';
import { EuiBasicTable } from '@elastic/eui';
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { AssetStatusEntry, AssetType } from '../../common/api_types';
import { ASSET_TYPE_LABELS } from '../lib/asset_labels';
import { AssetStateBadge } from './asset_state_badge';

export function AssetTable({ assets, loading }: { assets: AssetStatusEntry[]; loading: boolean }) {
  const columns: Array<EuiBasicTableColumn<AssetStatusEntry>> = [
    {
      field: 'type',
      name: 'Type',
      width: '180px',
      render: (type: AssetType) => ASSET_TYPE_LABELS[type],
    },
    { field: 'name', name: 'Name' },
    {
      field: 'state',
      name: 'State',
      width: '140px',
      render: (state: AssetStatusEntry['state']) => <AssetStateBadge state={state} />,
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
