// An asset's install state as a coloured dot with a tooltip saying what it means.
import React from 'react';
import { EuiHealth, EuiToolTip } from '@elastic/eui';
import type { AssetStatusEntry } from '../../common/api_types';
import { ASSET_STATE_COLORS, ASSET_STATE_HELP } from '../lib/asset_labels';

export function AssetStateBadge({ state }: { state: AssetStatusEntry['state'] }) {
  return (
    <EuiToolTip content={ASSET_STATE_HELP[state]}>
      <EuiHealth color={ASSET_STATE_COLORS[state]} tabIndex={0}>
        {state}
      </EuiHealth>
    </EuiToolTip>
  );
}
