// What the app's overview shows per source, as data: KPI tiles and panels, each with the KQL
// that selects its documents (used both for the aggregation and for the "open in Discover"
// link of every chart element).
import type { SourceId } from '../../../common/constants';
import type { GeoSide } from '../../../common/queries/geo';

export interface KpiSpec {
  id: string;
  label: string;
  metric: 'count' | 'sum' | 'cardinality';
  field?: string;
  kql?: string;
  unit?: 'bytes' | 'count';
}

export type PanelSpec =
  | { id: string; title: string; kind: 'timeseries'; split?: string; sum?: string; kql?: string }
  | {
      id: string;
      title: string;
      kind: 'bar' | 'table';
      field: string;
      sum?: string;
      kql?: string;
      size?: number;
      /** A geo/ASN field of this side: the answer says why the panel is empty when it is. */
      geo?: GeoSide;
    }
  | {
      id: string;
      title: string;
      kind: 'percentiles';
      field: string;
      metric: string;
      kql?: string;
      size?: number;
    };

export interface OverviewSpec {
  kpis: KpiSpec[];
  panels: PanelSpec[];
}

const FLOW_KPIS: KpiSpec[] = [
  { id: 'flows', label: 'Flows', metric: 'count' },
  { id: 'bytes', label: 'Bytes', metric: 'sum', field: 'network.bytes', unit: 'bytes' },
  { id: 'sources', label: 'Distinct sources', metric: 'cardinality', field: 'source.ip' },
];

/** ALB connections whose client certificate failed verification (mutual TLS). */
const ALB_VERIFY_FAILED = 'event.outcome: "failure"';
/** ALB connections presenting a client certificate that has expired or expires within 30 days. */
const ALB_CERT_EXPIRING_30D = 'tls.client.not_after <= "now+30d"';

/** Top countries and networks (AS organisations) of one side's public addresses. */
function geoPanels(side: GeoSide, who: string, sum?: string): PanelSpec[] {
  return [
    {
      id: `${side}_countries`,
      title: `Top ${who} countries`,
      kind: 'bar',
      field: `${side}.geo.country_name`,
      geo: side,
      ...(sum ? { sum } : {}),
    },
    {
      id: `${side}_networks`,
      title: `Top ${who} networks (ASN)`,
      kind: 'table',
      field: `${side}.as.organization.name`,
      geo: side,
      ...(sum ? { sum } : {}),
    },
  ];
}

export const OVERVIEW_SPECS: Record<SourceId, OverviewSpec> = {
  vpcflow: {
    kpis: [
      ...FLOW_KPIS,
      { id: 'rejects', label: 'Rejected flows', metric: 'count', kql: 'event.action: "reject"' },
    ],
    panels: [
      {
        id: 'flows_over_time',
        title: 'Flows over time, accepted vs rejected',
        kind: 'timeseries',
        split: 'event.action',
      },
      {
        id: 'bytes_over_time',
        title: 'Bytes over time, accepted vs rejected',
        kind: 'timeseries',
        split: 'event.action',
        sum: 'network.bytes',
      },
      {
        id: 'top_talkers',
        title: 'Top talkers by bytes',
        kind: 'bar',
        field: 'source.ip',
        sum: 'network.bytes',
      },
      {
        id: 'top_rejected_sources',
        title: 'Top rejected sources',
        kind: 'bar',
        field: 'source.ip',
        kql: 'event.action: "reject"',
      },
      {
        id: 'top_rejected_ports',
        title: 'Top rejected destination ports',
        kind: 'bar',
        field: 'destination.port',
        kql: 'event.action: "reject"',
      },
      {
        id: 'direction',
        title: 'Traffic direction',
        kind: 'table',
        field: 'network.direction',
        sum: 'network.bytes',
      },
      { id: 'protocols', title: 'Protocols', kind: 'table', field: 'network.transport' },
      ...geoPanels('source', 'source'),
    ],
  },
  tgwflow: {
    kpis: [
      ...FLOW_KPIS,
      {
        id: 'blackhole',
        label: 'Flows hitting a blackhole',
        metric: 'count',
        kql: 'aws.tgwflow.packets_lost_blackhole > 0',
      },
    ],
    panels: [
      {
        id: 'bytes_over_time',
        title: 'Bytes over time by direction',
        kind: 'timeseries',
        split: 'network.direction',
        sum: 'network.bytes',
      },
      {
        id: 'blackhole_over_time',
        title: 'Packets lost to blackhole routes',
        kind: 'timeseries',
        sum: 'aws.tgwflow.packets_lost_blackhole',
        kql: 'aws.tgwflow.packets_lost_blackhole > 0',
      },
      {
        id: 'attachments',
        title: 'Bytes by attachment',
        kind: 'bar',
        field: 'aws.tgwflow.tgw_attachment_id',
        sum: 'network.bytes',
      },
      {
        id: 'lost_destinations',
        title: 'Destinations of lost packets',
        kind: 'bar',
        field: 'destination.ip',
        kql: 'aws.tgwflow.packets_lost_blackhole > 0 or aws.tgwflow.packets_lost_no_route > 0',
      },
      {
        id: 'top_talkers',
        title: 'Top talkers by bytes',
        kind: 'table',
        field: 'source.ip',
        sum: 'network.bytes',
      },
      ...geoPanels('source', 'source'),
    ],
  },
  alb: {
    kpis: [
      { id: 'requests', label: 'Requests', metric: 'count' },
      {
        id: 'errors_5xx',
        label: '5xx responses',
        metric: 'count',
        kql: 'http.response.status_code >= 500',
      },
      {
        id: 'errors_4xx',
        label: '4xx responses',
        metric: 'count',
        kql: 'http.response.status_code >= 400 and http.response.status_code < 500',
      },
      { id: 'clients', label: 'Distinct clients', metric: 'cardinality', field: 'source.ip' },
    ],
    panels: [
      {
        id: 'status_over_time',
        title: 'Requests by status code over time',
        kind: 'timeseries',
        split: 'http.response.status_code',
      },
      {
        id: 'errors_by_target',
        title: '5xx by target',
        kind: 'bar',
        field: 'destination.ip',
        kql: 'http.response.status_code >= 500',
      },
      {
        id: 'latency_by_target',
        title: 'Target latency percentiles (s)',
        kind: 'percentiles',
        field: 'destination.ip',
        metric: 'aws.elb.target_processing_time',
        kql: 'aws.elb.target_processing_time >= 0',
      },
      {
        id: 'top_404_paths',
        title: 'Top 404 paths',
        kind: 'bar',
        field: 'url.path',
        kql: 'http.response.status_code: 404',
      },
      { id: 'top_paths', title: 'Top paths', kind: 'table', field: 'url.path' },
      { id: 'top_clients', title: 'Top client IPs', kind: 'table', field: 'source.ip' },
      { id: 'user_agents', title: 'User agents', kind: 'table', field: 'user_agent.name' },
      { id: 'tls_versions', title: 'TLS versions', kind: 'table', field: 'tls.version' },
      ...geoPanels('source', 'client'),
    ],
  },
  nlb: {
    kpis: [
      { id: 'connections', label: 'TLS connections', metric: 'count' },
      {
        id: 'handshake_failures',
        label: 'Handshake failures',
        metric: 'count',
        kql: 'tls.established: false',
      },
      { id: 'bytes', label: 'Bytes', metric: 'sum', field: 'network.bytes', unit: 'bytes' },
    ],
    panels: [
      {
        id: 'connections_over_time',
        title: 'Connections over time by outcome',
        kind: 'timeseries',
        split: 'event.outcome',
      },
      {
        id: 'failure_reasons',
        title: 'Handshake failures by reason',
        kind: 'bar',
        field: 'event.reason',
        kql: 'tls.established: false',
      },
      { id: 'tls_versions', title: 'TLS versions', kind: 'table', field: 'tls.version' },
      { id: 'sni', title: 'Server names (SNI)', kind: 'table', field: 'tls.client.server_name' },
      {
        id: 'handshake_by_target',
        title: 'Handshake time percentiles (ms) by target',
        kind: 'percentiles',
        field: 'destination.ip',
        metric: 'aws.elb.tls_handshake_time',
      },
      ...geoPanels('source', 'client'),
    ],
  },
  alb_connection: {
    kpis: [
      { id: 'connections', label: 'Connections', metric: 'count' },
      {
        id: 'verify_failures',
        label: 'Client certificate verify failures',
        metric: 'count',
        kql: ALB_VERIFY_FAILED,
      },
      {
        id: 'expiring_certificates',
        label: 'Certificates expired or expiring in 30 days',
        metric: 'cardinality',
        field: 'tls.client.x509.serial_number',
        kql: ALB_CERT_EXPIRING_30D,
      },
      { id: 'clients', label: 'Distinct clients', metric: 'cardinality', field: 'source.ip' },
    ],
    panels: [
      {
        id: 'verify_over_time',
        title: 'Connections over time by verify outcome',
        kind: 'timeseries',
        split: 'event.outcome',
      },
      {
        id: 'failure_reasons',
        title: 'Verify failures by reason',
        kind: 'bar',
        field: 'event.reason',
        kql: ALB_VERIFY_FAILED,
      },
      {
        id: 'expiring_certificates',
        title: 'Client certificates expired or expiring within 30 days',
        kind: 'table',
        field: 'tls.client.x509.subject.distinguished_name',
        kql: ALB_CERT_EXPIRING_30D,
      },
      { id: 'tls_versions', title: 'TLS versions', kind: 'table', field: 'tls.version' },
      ...geoPanels('source', 'client'),
    ],
  },
};
