// Human words and colours for asset types, states and setup actions.
import type { AssetStatusEntry, AssetType, SetupResult } from '../../common/api_types';

export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  component_template: 'Component template',
  ingest_pipeline: 'Ingest pipeline',
  index_template: 'Index template',
  'index-pattern': 'Data view',
  search: 'Saved search',
  query: 'Saved query',
  dashboard: 'Dashboard',
};

type Color = 'success' | 'warning' | 'danger' | 'subdued' | 'primary';

export const ASSET_STATE_COLORS: Record<AssetStatusEntry['state'], Color> = {
  installed: 'success',
  missing: 'danger',
  outdated: 'warning',
  newer: 'warning',
  modified: 'warning',
  foreign: 'warning',
  unavailable: 'subdued',
  unreadable: 'danger',
};

export const ASSET_STATE_HELP: Record<AssetStatusEntry['state'], string> = {
  installed: 'Current version',
  missing: 'Not installed',
  outdated: 'An older version (or one that differs from this release) is installed; upgrade it',
  newer: 'A newer release installed it; upgrade this plugin (setup does not downgrade)',
  modified:
    'Changed since it was installed; setup keeps the change (data views always, other objects unless reinstalled)',
  foreign: 'An asset of that name exists but was not installed by this app',
  unavailable: 'Needs Kibana (saved objects); not available here',
  unreadable: 'Your user may not read it; see the missing privileges above',
};

export const SETUP_ACTION_COLORS: Record<SetupResult['action'], Color> = {
  installed: 'success',
  updated: 'success',
  unchanged: 'subdued',
  removed: 'primary',
  skipped: 'warning',
  failed: 'danger',
};
