// The dashboards the plugin installs, as compact specs: which questions each panel answers and
// the KQL it filters with. Panels reuse the prebuilt catalog's KQL where a catalog query asks
// the same question, so the app, the saved queries and the dashboards agree.
import { dataViewId, SOURCE_DASHBOARDS } from '../../common/constants';
import { QUERY_CATALOG, renderQuery } from '../../common/queries';
import type { LensPanelSpec, Metric, Visual } from './lens';
import type { MapPanelSpec } from './maps';

export type DashboardPanelSpec = LensPanelSpec | MapPanelSpec;

export interface DashboardSpec {
  id: string;
  title: string;
  description: string;
  panels: DashboardPanelSpec[];
}

function catalogKql(id: string): string {
  const query = QUERY_CATALOG.find((q) => q.id === id);
  if (!query) throw new Error(`no catalog query ${id}`);
  if (query.params?.length) throw new Error(`catalog query ${id} needs parameters`);
  return query.kql;
}

/** A parameterised catalog query's KQL with fixed values (a dashboard has no form). */
function catalogKqlWith(id: string, values: Record<string, string>): string {
  const query = QUERY_CATALOG.find((q) => q.id === id);
  if (!query) throw new Error(`no catalog query ${id}`);
  return renderQuery(query, values);
}

const COUNT = (label: string, kql?: string): Metric => ({ op: 'count', label, kql });
const SUM = (field: string, label: string, kql?: string): Metric => ({
  op: 'sum',
  field,
  label,
  kql,
});
const REJECT = 'event.action: "reject"';

const VPC = dataViewId('vpcflow');
const TGW = dataViewId('tgwflow');
const ALB = dataViewId('alb');
const NLB = dataViewId('nlb');
const ALB_CONN = dataViewId('alb_connection');
const EXPIRING_30D = catalogKqlWith('alb-conn-certs-expiring', { until: 'now+30d' });

/** A panel of `size` [width, height] on the dashboard grid. */
const panel = (
  dataView: string,
  title: string,
  [w, h]: [number, number],
  visual: Visual,
  kql?: string
): LensPanelSpec => ({ title, dataView, kql, visual, w, h });

const metric = (dataView: string, title: string, m: Metric, kql?: string): LensPanelSpec =>
  panel(dataView, title, [12, 6], { kind: 'metric', metric: m }, kql);

const PERCENTILES = (field: string): Metric[] =>
  [50, 95, 99].map((percentile) => ({
    op: 'percentile',
    field,
    percentile,
    label: `p${percentile}`,
  }));

export const DASHBOARDS: DashboardSpec[] = [
  {
    id: SOURCE_DASHBOARDS.vpcflow[0].id,
    title: '[AWS network] VPC traffic overview',
    description:
      'VPC Flow Logs: flows and bytes over time, accepted against rejected, top talkers, rejected sources and ports, direction and protocols.',
    panels: [
      metric(VPC, 'Flows', COUNT('Flows')),
      metric(VPC, 'Bytes', SUM('network.bytes', 'Bytes')),
      metric(VPC, 'Rejected flows', COUNT('Rejected flows', REJECT)),
      metric(VPC, 'Distinct sources', {
        op: 'unique_count',
        field: 'source.ip',
        label: 'Distinct sources',
      }),
      panel(VPC, 'Flows over time, accepted vs rejected', [24, 12], {
        kind: 'timeseries',
        metrics: [COUNT('Flows')],
        split: 'event.action',
      }),
      panel(VPC, 'Bytes over time, accepted vs rejected', [24, 12], {
        kind: 'timeseries',
        metrics: [SUM('network.bytes', 'Bytes')],
        split: 'event.action',
      }),
      panel(VPC, 'Top talkers by bytes', [16, 14], {
        kind: 'top',
        field: 'source.ip',
        metric: SUM('network.bytes', 'Bytes'),
      }),
      panel(
        VPC,
        'Top rejected sources',
        [16, 14],
        { kind: 'top', field: 'source.ip', metric: COUNT('Rejected flows') },
        REJECT
      ),
      panel(
        VPC,
        'Top rejected destination ports',
        [16, 14],
        { kind: 'top', field: 'destination.port', metric: COUNT('Rejected flows') },
        REJECT
      ),
      panel(VPC, 'Traffic direction (bytes)', [16, 12], {
        kind: 'donut',
        field: 'network.direction',
        metric: SUM('network.bytes', 'Bytes'),
      }),
      panel(VPC, 'Protocols (flows)', [16, 12], {
        kind: 'donut',
        field: 'network.transport',
        metric: COUNT('Flows'),
      }),
      panel(VPC, 'Top conversations by bytes', [16, 12], {
        kind: 'table',
        rows: ['source.ip', 'destination.ip'],
        metrics: [SUM('network.bytes', 'Bytes'), SUM('network.packets', 'Packets')],
      }),
      panel(
        VPC,
        'Accepted outbound bytes: top destination countries',
        [24, 14],
        {
          kind: 'table',
          rows: ['destination.geo.country_name'],
          metrics: [
            SUM('network.bytes', 'Bytes'),
            { op: 'unique_count', field: 'destination.ip', label: 'Distinct destinations' },
          ],
        },
        catalogKql('vpc-outbound-by-country')
      ),
      panel(
        VPC,
        'Accepted outbound bytes: top destination networks (ASN)',
        [24, 14],
        {
          kind: 'table',
          rows: ['destination.as.number', 'destination.as.organization.name'],
          size: 10,
          metrics: [SUM('network.bytes', 'Bytes'), COUNT('Flows')],
        },
        catalogKql('vpc-outbound-by-asn')
      ),
    ],
  },
  {
    id: SOURCE_DASHBOARDS.vpcflow[1].id,
    title: '[AWS network] VPC security',
    description:
      'Who is knocking: rejected inbound traffic from the internet, port scans, SSH/RDP and database exposure, reject reasons.',
    panels: [
      metric(
        VPC,
        'Rejected inbound from the internet',
        COUNT('Rejected flows'),
        catalogKql('vpc-rejected-inbound-internet')
      ),
      metric(
        VPC,
        'Accepted SSH/RDP from the internet',
        COUNT('Flows'),
        catalogKql('vpc-ssh-rdp-from-internet')
      ),
      metric(
        VPC,
        'Accepted database ports from the internet',
        COUNT('Flows'),
        catalogKql('vpc-databases-from-internet')
      ),
      metric(VPC, 'Rejecting sources', {
        op: 'unique_count',
        field: 'source.ip',
        label: 'Sources',
        kql: REJECT,
      }),
      panel(
        VPC,
        'Rejected flows over time by direction',
        [48, 10],
        {
          kind: 'timeseries',
          metrics: [COUNT('Rejected flows')],
          split: 'network.direction',
        },
        REJECT
      ),
      panel(
        VPC,
        'Possible scanners: sources touching the most ports',
        [24, 14],
        {
          kind: 'table',
          rows: ['source.ip'],
          metrics: [
            { op: 'unique_count', field: 'destination.port', label: 'Distinct ports' },
            { op: 'unique_count', field: 'destination.ip', label: 'Distinct targets' },
            COUNT('Rejected flows'),
          ],
        },
        REJECT
      ),
      panel(
        VPC,
        'Rejected inbound from the internet: top sources',
        [24, 14],
        { kind: 'top', field: 'source.ip', metric: COUNT('Rejected flows') },
        catalogKql('vpc-rejected-inbound-internet')
      ),
      panel(
        VPC,
        'SSH/RDP accepted from the internet',
        [24, 12],
        {
          kind: 'table',
          rows: ['destination.ip', 'destination.port'],
          metrics: [
            COUNT('Flows'),
            { op: 'unique_count', field: 'source.ip', label: 'Distinct sources' },
          ],
        },
        catalogKql('vpc-ssh-rdp-from-internet')
      ),
      panel(
        VPC,
        'Reject reasons',
        [12, 12],
        { kind: 'donut', field: 'event.reason', metric: COUNT('Rejected flows') },
        catalogKql('vpc-reject-reasons')
      ),
      panel(
        VPC,
        'Rejected destination ports',
        [12, 12],
        { kind: 'donut', field: 'destination.port', metric: COUNT('Rejected flows') },
        REJECT
      ),
      {
        kind: 'map',
        title: 'Rejected inbound from the internet: where the senders are',
        dataView: VPC,
        geoField: 'source.geo.location',
        layerLabel: 'Rejected inbound flows',
        kql: catalogKql('vpc-rejected-inbound-internet'),
        w: 24,
        h: 16,
      },
      panel(
        VPC,
        'Rejected inbound from the internet: top source countries',
        [12, 16],
        {
          kind: 'table',
          rows: ['source.geo.country_name'],
          metrics: [
            COUNT('Rejected flows'),
            { op: 'unique_count', field: 'source.ip', label: 'Sources' },
          ],
        },
        catalogKql('vpc-rejected-inbound-by-country')
      ),
      panel(
        VPC,
        'Rejected inbound from the internet: top source networks (ASN)',
        [12, 16],
        {
          kind: 'table',
          rows: ['source.as.number', 'source.as.organization.name'],
          metrics: [COUNT('Rejected flows')],
        },
        catalogKql('vpc-rejected-inbound-by-asn')
      ),
    ],
  },
  {
    id: SOURCE_DASHBOARDS.alb[0].id,
    title: '[AWS network] ALB overview',
    description:
      'Application Load Balancer access logs: requests and status codes over time, 4xx/5xx, paths, clients, target latency, user agents and TLS versions; from its connection logs: TLS and client certificate (mTLS) verify status over time, failures by reason, client certificates about to expire.',
    panels: [
      metric(ALB, 'Requests', COUNT('Requests')),
      metric(ALB, '5xx responses', COUNT('5xx', 'http.response.status_code >= 500')),
      metric(
        ALB,
        '4xx responses',
        COUNT('4xx', 'http.response.status_code >= 400 and http.response.status_code < 500')
      ),
      metric(ALB, 'Distinct clients', {
        op: 'unique_count',
        field: 'source.ip',
        label: 'Clients',
      }),
      panel(ALB, 'Requests by status code over time', [24, 12], {
        kind: 'timeseries',
        metrics: [COUNT('Requests')],
        split: 'http.response.status_code',
        splitSize: 8,
      }),
      panel(ALB, '4xx and 5xx over time', [24, 12], {
        kind: 'timeseries',
        series: 'line',
        metrics: [
          COUNT('4xx', 'http.response.status_code >= 400 and http.response.status_code < 500'),
          COUNT('5xx', 'http.response.status_code >= 500'),
        ],
      }),
      panel(
        ALB,
        'Target latency percentiles (s)',
        [24, 12],
        {
          kind: 'table',
          rows: ['destination.ip'],
          metrics: [COUNT('Requests'), ...PERCENTILES('aws.elb.target_processing_time')],
        },
        'aws.elb.target_processing_time >= 0'
      ),
      panel(
        ALB,
        '5xx by target',
        [24, 12],
        { kind: 'top', field: 'destination.ip', metric: COUNT('5xx') },
        catalogKql('alb-5xx-by-target')
      ),
      panel(ALB, 'Top paths', [16, 14], {
        kind: 'top',
        field: 'url.path',
        metric: COUNT('Requests'),
      }),
      panel(
        ALB,
        'Top 404 paths',
        [16, 14],
        { kind: 'top', field: 'url.path', metric: COUNT('404s') },
        catalogKql('alb-404s')
      ),
      panel(ALB, 'Top client IPs', [16, 14], {
        kind: 'top',
        field: 'source.ip',
        metric: COUNT('Requests'),
      }),
      panel(ALB, 'User agents', [16, 12], {
        kind: 'donut',
        field: 'user_agent.name',
        metric: COUNT('Requests'),
      }),
      panel(ALB, 'TLS versions', [16, 12], {
        kind: 'donut',
        field: 'tls.version',
        metric: COUNT('Requests'),
      }),
      panel(
        ALB,
        'Error reasons',
        [16, 12],
        { kind: 'donut', field: 'aws.elb.error_reason', metric: COUNT('Requests') },
        catalogKql('alb-error-reasons')
      ),
      // From the connection logs (logs-netobs.alb_connection-*): TLS and mutual TLS.
      metric(ALB_CONN, 'Connections (connection logs)', COUNT('Connections')),
      metric(
        ALB_CONN,
        'TLS and verify failures',
        COUNT('Failures', catalogKql('alb-conn-failures'))
      ),
      metric(
        ALB_CONN,
        'Client certificates expired or expiring within 30 days',
        {
          op: 'unique_count',
          field: 'tls.client.x509.serial_number',
          label: 'Certificates',
        },
        EXPIRING_30D
      ),
      metric(
        ALB_CONN,
        'Old TLS (1.0/1.1) connections',
        COUNT('Connections', catalogKql('alb-conn-old-tls'))
      ),
      panel(
        ALB_CONN,
        'Verify status over time',
        [24, 12],
        {
          kind: 'timeseries',
          metrics: [COUNT('Connections')],
          split: 'aws.elb.connection.tls_verify_status',
          splitSize: 8,
        },
        catalogKql('alb-conn-verify-status')
      ),
      panel(
        ALB_CONN,
        'TLS and verify failures by reason',
        [24, 12],
        { kind: 'top', field: 'event.reason', metric: COUNT('Failures') },
        catalogKql('alb-conn-failures')
      ),
      panel(
        ALB_CONN,
        'Client certificates expired or expiring within 30 days',
        [48, 12],
        {
          kind: 'table',
          rows: ['tls.client.x509.subject.distinguished_name', 'tls.client.x509.serial_number'],
          metrics: [
            COUNT('Connections'),
            { op: 'unique_count', field: 'source.ip', label: 'Clients' },
          ],
        },
        EXPIRING_30D
      ),
    ],
  },
  {
    id: SOURCE_DASHBOARDS.nlb[0].id,
    title: '[AWS network] NLB TLS',
    description:
      'Network Load Balancer TLS listener logs: connections and handshake failures over time, failure reasons, TLS versions, ciphers, server names and handshake time by target.',
    panels: [
      metric(NLB, 'TLS connections', COUNT('Connections')),
      metric(
        NLB,
        'Handshake failures',
        COUNT('Failures', catalogKql('nlb-tls-handshake-failures'))
      ),
      metric(NLB, 'Bytes', SUM('network.bytes', 'Bytes')),
      metric(NLB, 'Old TLS (1.0/1.1)', COUNT('Connections', catalogKql('nlb-old-tls'))),
      panel(NLB, 'Connections over time by outcome', [24, 12], {
        kind: 'timeseries',
        metrics: [COUNT('Connections')],
        split: 'event.outcome',
      }),
      panel(
        NLB,
        'Handshake failures by reason',
        [24, 12],
        { kind: 'top', field: 'event.reason', metric: COUNT('Failures') },
        catalogKql('nlb-tls-handshake-failures')
      ),
      panel(NLB, 'TLS versions', [16, 12], {
        kind: 'donut',
        field: 'tls.version',
        metric: COUNT('Connections'),
      }),
      panel(NLB, 'Ciphers', [16, 12], {
        kind: 'donut',
        field: 'tls.cipher',
        metric: COUNT('Connections'),
      }),
      panel(NLB, 'Server names (SNI)', [16, 12], {
        kind: 'table',
        rows: ['tls.client.server_name'],
        metrics: [COUNT('Connections'), SUM('network.bytes', 'Bytes')],
      }),
      panel(NLB, 'Handshake time percentiles (ms) by target', [48, 12], {
        kind: 'table',
        rows: ['destination.ip'],
        metrics: [COUNT('Connections'), ...PERCENTILES('aws.elb.tls_handshake_time')],
      }),
    ],
  },
  {
    id: SOURCE_DASHBOARDS.tgwflow[0].id,
    title: '[AWS network] Transit Gateway',
    description:
      'Transit Gateway flow logs: bytes by direction and attachment, packets lost to blackholes, missing routes, MTU and TTL, and where lost packets were going.',
    panels: [
      metric(TGW, 'Flows', COUNT('Flows')),
      metric(TGW, 'Bytes', SUM('network.bytes', 'Bytes')),
      metric(TGW, 'Flows with lost packets', COUNT('Flows', catalogKql('tgw-packets-lost'))),
      metric(TGW, 'Flows hitting a blackhole', COUNT('Flows', catalogKql('tgw-blackhole'))),
      panel(TGW, 'Bytes over time by direction', [24, 12], {
        kind: 'timeseries',
        metrics: [SUM('network.bytes', 'Bytes')],
        split: 'network.direction',
      }),
      panel(TGW, 'Packets lost over time by cause', [24, 12], {
        kind: 'timeseries',
        series: 'bar_stacked',
        metrics: [
          SUM('aws.tgwflow.packets_lost_no_route', 'No route'),
          SUM('aws.tgwflow.packets_lost_blackhole', 'Blackhole'),
          SUM('aws.tgwflow.packets_lost_mtu_exceeded', 'MTU exceeded'),
          SUM('aws.tgwflow.packets_lost_ttl_expired', 'TTL expired'),
        ],
      }),
      panel(TGW, 'Bytes by attachment', [24, 12], {
        kind: 'top',
        field: 'aws.tgwflow.tgw_attachment_id',
        metric: SUM('network.bytes', 'Bytes'),
      }),
      panel(
        TGW,
        'Destinations of lost packets',
        [24, 12],
        { kind: 'top', field: 'destination.ip', metric: COUNT('Flows') },
        catalogKql('tgw-packets-lost')
      ),
      panel(TGW, 'Top talkers between VPCs', [48, 12], {
        kind: 'table',
        rows: ['aws.tgwflow.tgw_src_vpc_id', 'aws.tgwflow.tgw_dst_vpc_id'],
        metrics: [SUM('network.bytes', 'Bytes'), COUNT('Flows')],
      }),
    ],
  },
];
