// The columns every asset table starts with: what kind of asset, and its name.
import type { EuiBasicTableColumn } from '@elastic/eui';
import type { AssetType } from '../../common/api_types';
import { ASSET_TYPE_LABELS } from '../lib/asset_labels';

export function assetIdentityColumns<T extends { type: AssetType; name: string }>(): Array<
  EuiBasicTableColumn<T>
> {
  return [
    {
      field: 'type',
      name: 'Type',
      width: '180px',
      render: (type: AssetType) => ASSET_TYPE_LABELS[type],
    },
    { field: 'name', name: 'Name' },
  ];
}
