// The plugin's `common` entry: Kibana's optimizer bundles `public` and `common` for every
// plugin (kbn-plugin-helpers tasks/optimize.ts), so this file must exist.
export { PLUGIN_ID, PLUGIN_NAME } from './constants';
