// Renders every Kibana saved object the plugin installs in the form Kibana's importer reads:
// data views, saved searches per source (and one for parse errors), one saved query per
// prebuilt catalog entry, and the dashboards with Lens panels stored by value. Nested JSON
// (searchSourceJSON, panelsJSON, optionsJSON) is stored as strings, as Kibana stores it.
import { dataViewId } from '../../common/constants';
import type { SourceId } from '../../common/constants';
import { QUERY_CATALOG, renderQuery } from '../../common/queries';
import type { KibanaSavedObject } from '../../server/lib/assets/load_kibana_assets';
import { DASHBOARDS } from './dashboards';
import type { DashboardSpec } from './dashboards';
import { DATA_VIEWS } from './data_views';
import { lensPanel } from './lens';
import { mapPanel } from './maps';

/** Migration versions the objects are written for: Kibana migrates them forward on import. */
const CORE_MIGRATION_VERSION = '8.8.0';
const TYPE_MIGRATION_VERSION: Record<string, string> = {
  'index-pattern': '7.11.0',
  search: '7.9.3',
  query: '7.16.0',
  dashboard: '8.7.0',
};

/** Title prefix that groups our objects in Kibana's lists. */
export const TITLE_PREFIX = '[AWS network]';

function savedObject(
  type: string,
  id: string,
  attributes: Record<string, unknown>,
  references: KibanaSavedObject['references'] = []
): KibanaSavedObject {
  return {
    id,
    type,
    attributes,
    references,
    managed: true,
    coreMigrationVersion: CORE_MIGRATION_VERSION,
    typeMigrationVersion: TYPE_MIGRATION_VERSION[type],
  };
}

const INDEX_REF = 'kibanaSavedObjectMeta.searchSourceJSON.index';

function dataViewObjects(): KibanaSavedObject[] {
  return DATA_VIEWS.map((view) =>
    savedObject('index-pattern', view.id, {
      title: view.title,
      name: view.name,
      timeFieldName: '@timestamp',
      allowNoIndex: true,
    })
  );
}

interface SearchSpec {
  id: string;
  title: string;
  description: string;
  dataView: string;
  kql: string;
  columns: string[];
}

const SEARCHES: SearchSpec[] = [
  {
    id: 'netobs-search-vpcflow',
    title: `${TITLE_PREFIX} VPC flows`,
    description:
      'VPC Flow Logs with the columns that answer "who talked to whom, and was it let in".',
    dataView: dataViewId('vpcflow'),
    kql: '',
    columns: [
      'event.action',
      'source.ip',
      'source.port',
      'destination.ip',
      'destination.port',
      'network.transport',
      'network.direction',
      'network.bytes',
      'network.packets',
      'event.reason',
      'aws.vpcflow.interface_id',
    ],
  },
  {
    id: 'netobs-search-tgwflow',
    title: `${TITLE_PREFIX} Transit Gateway flows`,
    description: 'Transit Gateway flow logs by attachment, with packets lost per cause.',
    dataView: dataViewId('tgwflow'),
    kql: '',
    columns: [
      'aws.tgwflow.tgw_attachment_id',
      'aws.tgwflow.tgw_src_vpc_id',
      'aws.tgwflow.tgw_dst_vpc_id',
      'source.ip',
      'destination.ip',
      'destination.port',
      'network.bytes',
      'aws.tgwflow.packets_lost_no_route',
      'aws.tgwflow.packets_lost_blackhole',
      'aws.tgwflow.packets_lost_mtu_exceeded',
      'aws.tgwflow.packets_lost_ttl_expired',
    ],
  },
  {
    id: 'netobs-search-alb',
    title: `${TITLE_PREFIX} ALB requests`,
    description: 'ALB access logs: client, request, status from the load balancer and the target.',
    dataView: dataViewId('alb'),
    kql: '',
    columns: [
      'source.ip',
      'http.request.method',
      'url.domain',
      'url.path',
      'http.response.status_code',
      'aws.elb.target_status_code',
      'destination.ip',
      'aws.elb.target_processing_time',
      'aws.elb.error_reason',
      'user_agent.original',
    ],
  },
  {
    id: 'netobs-search-alb_connection',
    title: `${TITLE_PREFIX} ALB connections (TLS, mTLS)`,
    description:
      'ALB connection logs: client, listener, TLS protocol and cipher, handshake latency, client certificate and its verify status.',
    dataView: dataViewId('alb_connection'),
    kql: '',
    columns: [
      'source.ip',
      'destination.port',
      'tls.version',
      'tls.cipher',
      'aws.elb.connection.tls_handshake_latency',
      'aws.elb.connection.tls_verify_status',
      'event.reason',
      'tls.client.x509.subject.distinguished_name',
      'tls.client.not_after',
      'tls.client.x509.serial_number',
      'aws.elb.conn_trace_id',
    ],
  },
  {
    id: 'netobs-search-nlb',
    title: `${TITLE_PREFIX} NLB TLS connections`,
    description: 'NLB TLS listener logs: handshake outcome, protocol, cipher and server name.',
    dataView: dataViewId('nlb'),
    kql: '',
    columns: [
      'source.ip',
      'destination.ip',
      'tls.client.server_name',
      'tls.established',
      'event.reason',
      'tls.version',
      'tls.cipher',
      'aws.elb.tls_handshake_time',
      'network.bytes',
    ],
  },
  {
    id: 'netobs-search-parse-errors',
    title: `${TITLE_PREFIX} Lines that failed to parse`,
    description:
      'Every line a pipeline could not parse, with its original text and the error: nothing is dropped.',
    dataView: dataViewId('all'),
    kql: 'event.kind: "pipeline_error"',
    columns: ['data_stream.dataset', 'error.message', 'event.original'],
  },
];

function searchObjects(): KibanaSavedObject[] {
  return SEARCHES.map((search) =>
    savedObject(
      'search',
      search.id,
      {
        title: search.title,
        description: search.description,
        columns: search.columns,
        sort: [['@timestamp', 'desc']],
        kibanaSavedObjectMeta: {
          searchSourceJSON: JSON.stringify({
            query: { query: search.kql, language: 'kuery' },
            filter: [],
            indexRefName: INDEX_REF,
          }),
        },
      },
      [{ name: INDEX_REF, type: 'index-pattern', id: search.dataView }]
    )
  );
}

function queryObjects(): KibanaSavedObject[] {
  return QUERY_CATALOG.map((query) => {
    const params = query.params ?? [];
    const note = params.length
      ? ` Replace ${params.map((p) => `${p.example} (${p.label.toLowerCase()})`).join(' and ')} with your own value.`
      : '';
    return savedObject('query', `netobs-query-${query.id}`, {
      title: `${TITLE_PREFIX} ${query.title}`,
      description: `${query.description}${note} Data: ${sourceLabel(query.source)}.`,
      query: { query: renderQuery(query), language: 'kuery' },
      filters: [],
    });
  });
}

function sourceLabel(source: SourceId | 'all'): string {
  return DATA_VIEWS.find((view) => view.id === dataViewId(source))?.title ?? source;
}

const GRID_COLUMNS = 48;

/** Lays panels out left to right, wrapping rows on Kibana's 48-column grid. */
function dashboardObject(spec: DashboardSpec, types: Map<string, string>): KibanaSavedObject {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const panels = spec.panels.map((panel, i) => {
    if (x + panel.w > GRID_COLUMNS) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const panelIndex = `${spec.id}-${i + 1}`;
    const built =
      'visual' in panel
        ? lensPanel(panel, panelIndex, { x, y }, types)
        : mapPanel(panel, panelIndex, { x, y });
    x += panel.w;
    rowHeight = Math.max(rowHeight, panel.h);
    return built;
  });
  return savedObject(
    'dashboard',
    spec.id,
    {
      title: spec.title,
      description: spec.description,
      timeRestore: true,
      timeFrom: 'now-24h',
      timeTo: 'now',
      refreshInterval: { pause: true, value: 60000 },
      optionsJSON: JSON.stringify({
        useMargins: true,
        syncColors: true,
        syncCursor: true,
        syncTooltips: true,
        hidePanelTitles: false,
      }),
      panelsJSON: JSON.stringify(panels.map((p) => p.panel)),
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }),
      },
    },
    panels.flatMap((p) => p.references)
  );
}

/** Every saved object, in install order (data views first). */
export function buildKibanaSavedObjects(types: Map<string, string>): KibanaSavedObject[] {
  return [
    ...dataViewObjects(),
    ...searchObjects(),
    ...queryObjects(),
    ...DASHBOARDS.map((spec) => dashboardObject(spec, types)),
  ];
}
