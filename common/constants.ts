// Names shared by the forwarder, the Elasticsearch assets, the Kibana server and the app.
// Changing one of these is a breaking change for installed clusters.

export const PLUGIN_ID = 'networkObservability';
export const PLUGIN_NAME = 'Network Observability';

/**
 * Version stamped into every asset's `_meta.version`; bump it whenever an asset changes: setup
 * never replaces assets of a newer version. Elasticsearch assets also carry a hash of their
 * shipped content (`_meta.shipped_hash`), so one changed without a bump is still upgraded; but
 * two builds of one version with different assets would then replace each other's on every
 * setup, which only a bump prevents.
 */
export const ASSET_VERSION = '0.4.0';
/** `_meta.managed_by` of every asset we install, so uninstall removes only ours. */
export const MANAGED_BY = 'network-observability';

export const DEFAULT_NAMESPACE = 'default';

/** The log sources we parse, plus `unknown` for lines we cannot recognise. */
export const SOURCE_IDS = ['vpcflow', 'tgwflow', 'alb', 'nlb', 'alb_connection'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
export type DatasetId = SourceId | 'raw' | 'unknown';

/** `logs-netobs.<dataset>-<namespace>`: the data stream naming scheme. */
export function dataStreamName(dataset: DatasetId, namespace: string = DEFAULT_NAMESPACE): string {
  return `logs-netobs.${dataset}-${namespace}`;
}

/** The landing data stream the forwarder writes to. */
export function rawDataStream(namespace: string = DEFAULT_NAMESPACE): string {
  return dataStreamName('raw', namespace);
}

/** Index pattern matching every parsed source (not the raw landing stream). */
export const ALL_SOURCES_PATTERN = 'logs-netobs.*-*';

export const ROUTER_PIPELINE = 'netobs-router';
export function sourcePipeline(source: SourceId | 'unknown'): string {
  return `netobs-${source}`;
}

/**
 * Fields the forwarder sets on each raw document besides `message`. The router reads
 * `netobs.source` (an explicit hint) and `netobs.flowlog.fields` (a flow-log header's field
 * list, space separated, attached only when it differs from the default v2 format).
 */
export const RAW_FIELDS = {
  sourceHint: 'netobs.source',
  flowLogFields: 'netobs.flowlog.fields',
} as const;

/** The default (version 2) VPC flow log format, in order. */
export const VPC_FLOW_DEFAULT_FIELDS = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
] as const;

export const API_BASE = '/api/network_observability';
export const INTERNAL_API_BASE = '/internal/network_observability';

/** Id of the Kibana data view setup installs for one source, or for all of them. */
export function dataViewId(dataset: SourceId | 'all'): string {
  return `netobs-${dataset}`;
}

/** The dashboards setup installs for each source (assets/kibana/dashboard), as the app links them. */
export const SOURCE_DASHBOARDS: Record<SourceId, { id: string; label: string }[]> = {
  vpcflow: [
    { id: 'netobs-vpc-traffic', label: 'VPC traffic dashboard' },
    { id: 'netobs-vpc-security', label: 'VPC security dashboard' },
  ],
  tgwflow: [{ id: 'netobs-tgw', label: 'Transit Gateway dashboard' }],
  alb: [{ id: 'netobs-alb', label: 'ALB dashboard' }],
  nlb: [{ id: 'netobs-nlb-tls', label: 'NLB TLS dashboard' }],
  alb_connection: [{ id: 'netobs-alb', label: 'ALB dashboard' }],
};
