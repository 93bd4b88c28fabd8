// Request and response shapes of the plugin's HTTP API, shared by the server routes, the
// standalone dev server and the app.
import type { SourceId } from './constants';
import type { GeoStatus } from './geo_status';

export interface TimeRange {
  /** ISO 8601 or Elasticsearch date math (now-24h). */
  from: string;
  to: string;
}

export interface AnalyticsRequest extends TimeRange {
  /** KQL entered in the app's query bar; translated on the server, never raw DSL. */
  kql?: string;
}

export interface Bucket {
  key: string;
  count: number;
  /** The summed metric, where the panel sums (bytes, packets). */
  value?: number;
}

export interface SeriesPoint {
  /** Epoch milliseconds of the bucket start. */
  time: number;
  series: string;
  value: number;
}

export interface Percentiles {
  key: string;
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface Kpi {
  id: string;
  label: string;
  value: number;
  unit?: 'bytes' | 'count' | 'percent' | 'seconds';
}

export interface Panel {
  id: string;
  title: string;
  kind: 'timeseries' | 'bar' | 'table' | 'percentiles';
  /** KQL that selects one element's documents: `{field}: {key}` is added per bucket. */
  field?: string;
  /** KQL all of this panel's documents match (the panel's own filter). */
  baseKql?: string;
  buckets?: Bucket[];
  points?: SeriesPoint[];
  percentiles?: Percentiles[];
  /** Field whose sum `value` holds, when not a count. */
  valueField?: string;
  /** Timeseries: the searched range (epoch ms, resolved on the server) and the bucket size. */
  fromMs?: number;
  toMs?: number;
  intervalMs?: number;
}

export interface OverviewResponse {
  source: SourceId;
  total: number;
  kpis: Kpi[];
  panels: Panel[];
  /** The range searched, resolved from the request's date math (epoch ms). */
  fromMs?: number;
  toMs?: number;
  /** The date histograms' bucket size. */
  intervalMs?: number;
}

export interface FreshnessEntry {
  source: SourceId | 'unknown';
  lastEvent: string | null;
  eventsPerMinute: number;
  parseErrors: number;
  total: number;
  parseErrorRate: number;
}

export interface QueryCountRequest extends TimeRange {
  id: string;
  params?: Record<string, string>;
  kql?: string;
}

export interface QueryCountResponse {
  id: string;
  kql: string;
  count: number;
  breakdown?: Bucket[];
  points?: SeriesPoint[];
  /** With points: the range searched (epoch ms) and the bin size, so the axis spans it all. */
  fromMs?: number;
  toMs?: number;
  intervalMs?: number;
}

export type AssetType =
  | 'component_template'
  | 'ingest_pipeline'
  | 'index_template'
  | 'index-pattern'
  | 'search'
  | 'query'
  | 'dashboard';

export interface AssetStatusEntry {
  type: AssetType;
  name: string;
  /**
   * For saved objects, the id the object has in this Kibana space: `name` unless Kibana gave it
   * another one because a different space already holds `name`. Links must use this id.
   */
  id?: string;
  /**
   * installed: current. missing: not there. outdated: installed by an older release, or (an
   * Elasticsearch asset) differs from what this release ships. newer: a newer release installed
   * it (setup refuses to downgrade). modified: changed since it was installed.
   * foreign: an asset of that name that is not ours. unreadable: no privilege to read it.
   */
  state:
    | 'installed'
    | 'missing'
    | 'outdated'
    | 'newer'
    | 'modified'
    | 'foreign'
    | 'unavailable'
    | 'unreadable';
  installedVersion?: string;
  /** Why the state could not be read (unreadable), e.g. a missing privilege. */
  reason?: string;
}

/** Our saved objects present in the request's Kibana space, with the id each has there. */
export interface SavedObjectIdsResponse {
  objects: { type: AssetType; name: string; id: string }[];
}

export interface StatusResponse {
  version: string;
  assets: AssetStatusEntry[];
  /** Summary: installed when every asset is current. */
  state: 'installed' | 'partial' | 'not_installed' | 'outdated' | 'newer';
  privileges: { cluster: string[]; missing: string[] };
  /**
   * Processor types our pipelines use that no node of the cluster offers (such a cluster refuses
   * the pipelines); absent when everything is installed or node information is not readable.
   */
  missingProcessors?: string[];
  /** Where the pipelines run when not on this cluster (npm start: the local ingest engine). */
  pipelinesOn?: string;
  /** The detection rules in Kibana alerting, in this space; absent outside Kibana. */
  alerting?: AlertingStatus;
  /** Whether geo/ASN enrichment can run where the pipelines run (common/geo_status.ts). */
  geo?: GeoStatus;
  /** The options setup last applied (absent when our assets are not installed or readable). */
  settings?: SetupSettings;
}

/** Setup's options as the installed assets hold them; a re-run without an option keeps it. */
export interface SetupSettings {
  /** Retention of the parsed sources' data streams, e.g. "30d". */
  retention?: string;
  /** Each line kept in event.original even when it parsed. */
  keepOriginal?: boolean;
  /** Flow-log formats per CloudWatch log group (space-separated AWS field names). */
  flowLogFormats?: Record<string, string>;
}

/**
 * What setup does with the alerting rules (one per detection): create them enabled or disabled,
 * or not at all. Without the option, setup keeps the space's earlier choice (first time: disabled).
 */
export type AlertRulesMode = 'enabled' | 'disabled' | 'none';

/** One detection's alerting rule in this space, as status sees it (states as for assets). */
export interface AlertRuleStatusEntry {
  /** The detection's id in the catalog (common/detections), e.g. port_scan. */
  name: string;
  /** The rule's id in Kibana, when it exists. */
  id?: string;
  /** modified: a user changed its schedule, parameters, actions, name or tags (kept on upgrade). */
  state: AssetStatusEntry['state'];
  enabled?: boolean;
  installedVersion?: string;
  reason?: string;
}

export interface AlertingStatus {
  /**
   * false when this Kibana cannot hold the rules: no alerting plugin, or alerting not usable
   * (e.g. no `xpack.encryptedSavedObjects.encryptionKey`); `reason` says which.
   */
  available: boolean;
  reason?: string;
  /** The choice setup last applied in this space. */
  mode?: AlertRulesMode;
  rules: AlertRuleStatusEntry[];
}

export interface AlertRuleSetupResult {
  name: string;
  id?: string;
  action: SetupResult['action'];
  error?: string;
  note?: string;
}

export interface AlertingSetupResult {
  available: boolean;
  reason?: string;
  mode?: AlertRulesMode;
  results: AlertRuleSetupResult[];
}

export interface SetupRequest {
  retention?: string;
  keepOriginal?: boolean;
  force?: boolean;
  /**
   * Flow-log formats of CloudWatch log groups (log group -> AWS field names, space separated):
   * such flow logs have no header line. Given, it replaces the configured formats ({} clears
   * them); absent, the installed ones stay.
   */
  flowLogFormats?: Record<string, string>;
  alertRules?: AlertRulesMode;
}

export interface SetupResult {
  type: AssetType;
  name: string;
  action: 'installed' | 'updated' | 'unchanged' | 'failed' | 'removed' | 'skipped';
  error?: string;
  missingPrivileges?: string[];
  note?: string;
}

export interface SetupResponse {
  results: SetupResult[];
  ok: boolean;
  /** The detection rules in Kibana alerting (setup and uninstall); absent outside Kibana. */
  alerting?: AlertingSetupResult;
}
