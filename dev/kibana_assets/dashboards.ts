// The dashboards the plugin installs, as compact specs: which questions each panel answers and
// the KQL it filters with. Panels reuse the prebuilt catalog's KQL where a catalog query asks
// the same question, so the app, the saved queries and the dashboards agree.
import { dataViewId } from '../../common/constants';
import { QUERY_CATALOG } from '../../common/queries';
import type { LensPanelSpec, Metric } from './lens';

export interface DashboardSpec {
  id: string;
  title: string;
  description: string;
  panels: LensPanelSpec[];
}

function catalogKql(id: string): string {
  const query = QUERY_CATALOG.find((q) => q.id === id);
  if (!query) throw new Error(`no catalog query ${id}`);
  if (query.params?.length) throw new Error(`catalog query ${id} needs parameters`);
  return query.kql;
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

const metric = (dataView: string, title: string, m: Metric, kql?: string): LensPanelSpec => ({
  title,
  dataView,
  kql,
  visual: { kind: 'metric', metric: m },
  w: 12,
  h: 6,
});

export const DASHBOARDS: DashboardSpec[] = [
  {
    id: 'netobs-vpc-traffic',
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
      {
        title: 'Flows over time, accepted vs rejected',
        dataView: VPC,
        visual: { kind: 'timeseries', metrics: [COUNT('Flows')], split: 'event.action' },
        w: 24,
        h: 12,
      },
      {
        title: 'Bytes over time, accepted vs rejected',
        dataView: VPC,
        visual: {
          kind: 'timeseries',
          metrics: [SUM('network.bytes', 'Bytes')],
          split: 'event.action',
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Top talkers by bytes',
        dataView: VPC,
        visual: { kind: 'top', field: 'source.ip', metric: SUM('network.bytes', 'Bytes') },
        w: 16,
        h: 14,
      },
      {
        title: 'Top rejected sources',
        dataView: VPC,
        kql: REJECT,
        visual: { kind: 'top', field: 'source.ip', metric: COUNT('Rejected flows') },
        w: 16,
        h: 14,
      },
      {
        title: 'Top rejected destination ports',
        dataView: VPC,
        kql: REJECT,
        visual: { kind: 'top', field: 'destination.port', metric: COUNT('Rejected flows') },
        w: 16,
        h: 14,
      },
      {
        title: 'Traffic direction (bytes)',
        dataView: VPC,
        visual: {
          kind: 'donut',
          field: 'network.direction',
          metric: SUM('network.bytes', 'Bytes'),
        },
        w: 16,
        h: 12,
      },
      {
        title: 'Protocols (flows)',
        dataView: VPC,
        visual: { kind: 'donut', field: 'network.transport', metric: COUNT('Flows') },
        w: 16,
        h: 12,
      },
      {
        title: 'Top conversations by bytes',
        dataView: VPC,
        visual: {
          kind: 'table',
          rows: ['source.ip', 'destination.ip'],
          metrics: [SUM('network.bytes', 'Bytes'), SUM('network.packets', 'Packets')],
        },
        w: 16,
        h: 12,
      },
    ],
  },
  {
    id: 'netobs-vpc-security',
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
      {
        title: 'Rejected flows over time by direction',
        dataView: VPC,
        kql: REJECT,
        visual: {
          kind: 'timeseries',
          metrics: [COUNT('Rejected flows')],
          split: 'network.direction',
        },
        w: 48,
        h: 10,
      },
      {
        title: 'Possible scanners: sources touching the most ports',
        dataView: VPC,
        kql: REJECT,
        visual: {
          kind: 'table',
          rows: ['source.ip'],
          metrics: [
            { op: 'unique_count', field: 'destination.port', label: 'Distinct ports' },
            { op: 'unique_count', field: 'destination.ip', label: 'Distinct targets' },
            COUNT('Rejected flows'),
          ],
        },
        w: 24,
        h: 14,
      },
      {
        title: 'Rejected inbound from the internet: top sources',
        dataView: VPC,
        kql: catalogKql('vpc-rejected-inbound-internet'),
        visual: { kind: 'top', field: 'source.ip', metric: COUNT('Rejected flows') },
        w: 24,
        h: 14,
      },
      {
        title: 'SSH/RDP accepted from the internet',
        dataView: VPC,
        kql: catalogKql('vpc-ssh-rdp-from-internet'),
        visual: {
          kind: 'table',
          rows: ['destination.ip', 'destination.port'],
          metrics: [
            COUNT('Flows'),
            { op: 'unique_count', field: 'source.ip', label: 'Distinct sources' },
          ],
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Reject reasons',
        dataView: VPC,
        kql: catalogKql('vpc-reject-reasons'),
        visual: { kind: 'donut', field: 'event.reason', metric: COUNT('Rejected flows') },
        w: 12,
        h: 12,
      },
      {
        title: 'Rejected destination ports',
        dataView: VPC,
        kql: REJECT,
        visual: { kind: 'donut', field: 'destination.port', metric: COUNT('Rejected flows') },
        w: 12,
        h: 12,
      },
    ],
  },
  {
    id: 'netobs-alb',
    title: '[AWS network] ALB overview',
    description:
      'Application Load Balancer access logs: requests and status codes over time, 4xx/5xx, paths, clients, target latency, user agents and TLS versions.',
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
      {
        title: 'Requests by status code over time',
        dataView: ALB,
        visual: {
          kind: 'timeseries',
          metrics: [COUNT('Requests')],
          split: 'http.response.status_code',
          splitSize: 8,
        },
        w: 24,
        h: 12,
      },
      {
        title: '4xx and 5xx over time',
        dataView: ALB,
        visual: {
          kind: 'timeseries',
          series: 'line',
          metrics: [
            COUNT('4xx', 'http.response.status_code >= 400 and http.response.status_code < 500'),
            COUNT('5xx', 'http.response.status_code >= 500'),
          ],
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Target latency percentiles (s)',
        dataView: ALB,
        kql: 'aws.elb.target_processing_time >= 0',
        visual: {
          kind: 'table',
          rows: ['destination.ip'],
          metrics: [
            COUNT('Requests'),
            {
              op: 'percentile',
              field: 'aws.elb.target_processing_time',
              percentile: 50,
              label: 'p50',
            },
            {
              op: 'percentile',
              field: 'aws.elb.target_processing_time',
              percentile: 95,
              label: 'p95',
            },
            {
              op: 'percentile',
              field: 'aws.elb.target_processing_time',
              percentile: 99,
              label: 'p99',
            },
          ],
        },
        w: 24,
        h: 12,
      },
      {
        title: '5xx by target',
        dataView: ALB,
        kql: catalogKql('alb-5xx-by-target'),
        visual: { kind: 'top', field: 'destination.ip', metric: COUNT('5xx') },
        w: 24,
        h: 12,
      },
      {
        title: 'Top paths',
        dataView: ALB,
        visual: { kind: 'top', field: 'url.path', metric: COUNT('Requests') },
        w: 16,
        h: 14,
      },
      {
        title: 'Top 404 paths',
        dataView: ALB,
        kql: catalogKql('alb-404s'),
        visual: { kind: 'top', field: 'url.path', metric: COUNT('404s') },
        w: 16,
        h: 14,
      },
      {
        title: 'Top client IPs',
        dataView: ALB,
        visual: { kind: 'top', field: 'source.ip', metric: COUNT('Requests') },
        w: 16,
        h: 14,
      },
      {
        title: 'User agents',
        dataView: ALB,
        visual: { kind: 'donut', field: 'user_agent.name', metric: COUNT('Requests') },
        w: 16,
        h: 12,
      },
      {
        title: 'TLS versions',
        dataView: ALB,
        visual: { kind: 'donut', field: 'tls.version', metric: COUNT('Requests') },
        w: 16,
        h: 12,
      },
      {
        title: 'Error reasons',
        dataView: ALB,
        kql: catalogKql('alb-error-reasons'),
        visual: { kind: 'donut', field: 'aws.elb.error_reason', metric: COUNT('Requests') },
        w: 16,
        h: 12,
      },
    ],
  },
  {
    id: 'netobs-nlb-tls',
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
      {
        title: 'Connections over time by outcome',
        dataView: NLB,
        visual: { kind: 'timeseries', metrics: [COUNT('Connections')], split: 'event.outcome' },
        w: 24,
        h: 12,
      },
      {
        title: 'Handshake failures by reason',
        dataView: NLB,
        kql: catalogKql('nlb-tls-handshake-failures'),
        visual: { kind: 'top', field: 'event.reason', metric: COUNT('Failures') },
        w: 24,
        h: 12,
      },
      {
        title: 'TLS versions',
        dataView: NLB,
        visual: { kind: 'donut', field: 'tls.version', metric: COUNT('Connections') },
        w: 16,
        h: 12,
      },
      {
        title: 'Ciphers',
        dataView: NLB,
        visual: { kind: 'donut', field: 'tls.cipher', metric: COUNT('Connections') },
        w: 16,
        h: 12,
      },
      {
        title: 'Server names (SNI)',
        dataView: NLB,
        visual: {
          kind: 'table',
          rows: ['tls.client.server_name'],
          metrics: [COUNT('Connections'), SUM('network.bytes', 'Bytes')],
        },
        w: 16,
        h: 12,
      },
      {
        title: 'Handshake time percentiles (ms) by target',
        dataView: NLB,
        visual: {
          kind: 'table',
          rows: ['destination.ip'],
          metrics: [
            COUNT('Connections'),
            { op: 'percentile', field: 'aws.elb.tls_handshake_time', percentile: 50, label: 'p50' },
            { op: 'percentile', field: 'aws.elb.tls_handshake_time', percentile: 95, label: 'p95' },
            { op: 'percentile', field: 'aws.elb.tls_handshake_time', percentile: 99, label: 'p99' },
          ],
        },
        w: 48,
        h: 12,
      },
    ],
  },
  {
    id: 'netobs-tgw',
    title: '[AWS network] Transit Gateway',
    description:
      'Transit Gateway flow logs: bytes by direction and attachment, packets lost to blackholes, missing routes, MTU and TTL, and where lost packets were going.',
    panels: [
      metric(TGW, 'Flows', COUNT('Flows')),
      metric(TGW, 'Bytes', SUM('network.bytes', 'Bytes')),
      metric(TGW, 'Flows with lost packets', COUNT('Flows', catalogKql('tgw-packets-lost'))),
      metric(TGW, 'Flows hitting a blackhole', COUNT('Flows', catalogKql('tgw-blackhole'))),
      {
        title: 'Bytes over time by direction',
        dataView: TGW,
        visual: {
          kind: 'timeseries',
          metrics: [SUM('network.bytes', 'Bytes')],
          split: 'network.direction',
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Packets lost over time by cause',
        dataView: TGW,
        visual: {
          kind: 'timeseries',
          series: 'bar_stacked',
          metrics: [
            SUM('aws.tgwflow.packets_lost_no_route', 'No route'),
            SUM('aws.tgwflow.packets_lost_blackhole', 'Blackhole'),
            SUM('aws.tgwflow.packets_lost_mtu_exceeded', 'MTU exceeded'),
            SUM('aws.tgwflow.packets_lost_ttl_expired', 'TTL expired'),
          ],
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Bytes by attachment',
        dataView: TGW,
        visual: {
          kind: 'top',
          field: 'aws.tgwflow.tgw_attachment_id',
          metric: SUM('network.bytes', 'Bytes'),
        },
        w: 24,
        h: 12,
      },
      {
        title: 'Destinations of lost packets',
        dataView: TGW,
        kql: catalogKql('tgw-packets-lost'),
        visual: { kind: 'top', field: 'destination.ip', metric: COUNT('Flows') },
        w: 24,
        h: 12,
      },
      {
        title: 'Top talkers between VPCs',
        dataView: TGW,
        visual: {
          kind: 'table',
          rows: ['aws.tgwflow.tgw_src_vpc_id', 'aws.tgwflow.tgw_dst_vpc_id'],
          metrics: [SUM('network.bytes', 'Bytes'), COUNT('Flows')],
        },
        w: 48,
        h: 12,
      },
    ],
  },
];
