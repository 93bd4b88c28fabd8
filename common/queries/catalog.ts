// The prebuilt KQL query catalog: questions network engineers ask of AWS network logs.
// The app lists them, Kibana gets one saved query each, and tests run every one against real
// Elasticsearch mappings.
import { isPrivateKql } from './private_ranges';
import type { PrebuiltQuery } from './types';

// Examples are the sample's own actors (dev/sample/generate.ts exports them; a test keeps the two
// in step), so every parameterised query shows something on `npm start`'s data.
/** The sample's port scanner (SCANNER_IP): rejected on ports 1-1024, probing the ALB for 404s. */
const SAMPLE_SCANNER = '203.0.113.66';
/** The ALB target that starts answering 502/503 (FAILING_TARGET), also swept by the scan. */
const SAMPLE_FAILING_TARGET = '10.0.1.13';
/** The bastion whose security group accepts SSH from the internet (EXPOSED_BASTION). */
const SAMPLE_BASTION = '10.0.1.50';

const IP_PARAM = { name: 'ip', label: 'IP address', kind: 'ip', example: SAMPLE_SCANNER } as const;

export const QUERY_CATALOG: PrebuiltQuery[] = [
  // --- VPC traffic -------------------------------------------------------------------------
  {
    id: 'vpc-top-talkers',
    title: 'Top talkers by bytes',
    description: 'Accepted flows grouped by source address, largest byte counts first.',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'event.action: "accept"',
    fields: ['event.action', 'source.ip', 'network.bytes'],
    breakdown: { field: 'source.ip', sum: 'network.bytes' },
    measure: { kind: 'distinct', field: 'source.ip', noun: 'source' },
  },
  {
    id: 'vpc-traffic-to-ip',
    title: 'All traffic to an address',
    description: 'Every flow whose destination is the given address, accepted or rejected.',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'destination.ip: {{ip}}',
    params: [{ ...IP_PARAM, example: SAMPLE_BASTION }],
    fields: ['destination.ip'],
    breakdown: { field: 'source.ip' },
  },
  {
    id: 'vpc-conversation',
    title: 'Conversation between two addresses',
    description: 'Flows in both directions between two addresses: is the reply path working?',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: '(source.ip: {{a}} and destination.ip: {{b}}) or (source.ip: {{b}} and destination.ip: {{a}})',
    params: [
      { name: 'a', label: 'First address', kind: 'ip', example: SAMPLE_SCANNER },
      { name: 'b', label: 'Second address', kind: 'ip', example: SAMPLE_FAILING_TARGET },
    ],
    fields: ['source.ip', 'destination.ip', 'event.action'],
    breakdown: { field: 'event.action' },
  },
  {
    id: 'vpc-port-traffic',
    title: 'Traffic to a port',
    description: 'Flows to one destination port, by source.',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'destination.port: {{port}}',
    params: [{ name: 'port', label: 'Port', kind: 'port', example: '443' }],
    fields: ['destination.port', 'source.ip'],
    breakdown: { field: 'source.ip' },
  },
  {
    id: 'vpc-large-egress',
    title: 'Large transfers out of the VPC',
    description:
      'Outbound flows of 100 MB or more in one aggregation interval (possible exfiltration or a runaway job).',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'network.direction: "outbound" and network.bytes >= 100000000',
    fields: ['network.direction', 'network.bytes'],
    breakdown: { field: 'destination.ip', sum: 'network.bytes' },
  },
  {
    id: 'vpc-outbound-by-country',
    title: 'Accepted outbound bytes by destination country',
    description:
      'Bytes sent out of the VPC to public addresses and accepted, by the country GeoIP places the destination in.',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'event.action: "accept" and network.direction: "outbound" and destination.geo.country_iso_code: *',
    fields: ['event.action', 'network.direction', 'destination.geo.country_name', 'network.bytes'],
    breakdown: { field: 'destination.geo.country_name', sum: 'network.bytes' },
  },
  {
    id: 'vpc-outbound-by-asn',
    title: 'Accepted outbound bytes by destination network (ASN)',
    description:
      "Bytes sent out of the VPC to public addresses and accepted, by the organisation of the destination's autonomous system: which clouds and services the VPC talks to.",
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'event.action: "accept" and network.direction: "outbound" and destination.as.number: *',
    fields: [
      'event.action',
      'network.direction',
      'destination.as.organization.name',
      'network.bytes',
    ],
    breakdown: { field: 'destination.as.organization.name', sum: 'network.bytes' },
  },
  {
    id: 'vpc-icmp',
    title: 'ICMP traffic',
    description:
      'Ping and other ICMP (v4 and v6) flows: path MTU problems and reachability checks.',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'network.transport: ("icmp" or "ipv6-icmp")',
    fields: ['network.transport'],
    breakdown: { field: 'source.ip' },
  },
  {
    id: 'vpc-nodata-skipdata',
    title: 'NODATA and SKIPDATA intervals',
    description:
      'Intervals with no traffic on an interface (NODATA) or records AWS could not capture (SKIPDATA, e.g. capacity limits).',
    group: 'VPC traffic',
    source: 'vpcflow',
    kql: 'aws.vpcflow.log_status: ("NODATA" or "SKIPDATA")',
    fields: ['aws.vpcflow.log_status', 'aws.vpcflow.interface_id'],
    breakdown: { field: 'aws.vpcflow.interface_id' },
    measure: { kind: 'documents', noun: 'interval' },
  },
  // --- VPC security --------------------------------------------------------------------------
  {
    id: 'vpc-rejected-from-10-8',
    title: 'Rejected traffic from 10.0.0.0/8',
    description:
      'Internal senders that a security group or network ACL rejected, to any destination.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'event.action: "reject" and source.ip: "10.0.0.0/8"',
    fields: ['event.action', 'source.ip'],
    breakdown: { field: 'source.ip', then: 'destination.port' },
  },
  {
    id: 'vpc-top-blocked-senders-by-port',
    title: 'Top blocked senders by destination port',
    description: 'Who is rejected most, and on which ports: misconfigured clients or scanners.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'event.action: "reject"',
    fields: ['event.action', 'source.ip', 'destination.port'],
    breakdown: { field: 'source.ip', then: 'destination.port' },
    measure: { kind: 'distinct', field: 'source.ip', noun: 'sender' },
  },
  {
    id: 'vpc-source-blocked-on',
    title: 'Everything a source was blocked on',
    description: 'All rejected flows of one sender, by destination port and address.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'event.action: "reject" and source.ip: {{ip}}',
    params: [IP_PARAM],
    fields: ['event.action', 'source.ip', 'destination.port', 'destination.ip'],
    breakdown: { field: 'destination.port', then: 'destination.ip' },
  },
  {
    id: 'vpc-scan-timeline',
    title: "A source's packets over time (scan timeline)",
    description:
      'Packets sent by one address over time, in bins sized for the time range (a minute over the last hour): the rhythm of a scan or a retry storm.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'source.ip: {{ip}}',
    params: [IP_PARAM],
    fields: ['source.ip', 'network.packets'],
    histogram: { sum: 'network.packets' },
  },
  {
    id: 'vpc-rejected-inbound-internet',
    title: 'Rejected inbound from the internet',
    description: 'Public senders rejected on the way in: background noise, scans and attacks.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: `event.action: "reject" and not ${isPrivateKql('source.ip')} and ${isPrivateKql('destination.ip')}`,
    fields: ['event.action', 'source.ip', 'destination.ip'],
    breakdown: { field: 'destination.port' },
  },
  {
    id: 'vpc-rejected-inbound-by-country',
    title: 'Rejected inbound from the internet, by source country',
    description:
      'Public senders rejected on the way in, grouped by the country GeoIP places them in (only addresses the GeoIP database knows carry a country).',
    group: 'VPC security',
    source: 'vpcflow',
    kql: `event.action: "reject" and not ${isPrivateKql('source.ip')} and ${isPrivateKql('destination.ip')} and source.geo.country_iso_code: *`,
    fields: ['event.action', 'source.ip', 'destination.ip', 'source.geo.country_name'],
    breakdown: { field: 'source.geo.country_name', then: 'source.ip' },
  },
  {
    id: 'vpc-rejected-inbound-by-asn',
    title: 'Rejected inbound from the internet, by source network (ASN)',
    description:
      'Public senders rejected on the way in, grouped by the organisation of their autonomous system: a cloud provider, a hosting company, a residential ISP.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: `event.action: "reject" and not ${isPrivateKql('source.ip')} and ${isPrivateKql('destination.ip')} and source.as.number: *`,
    fields: ['event.action', 'source.ip', 'destination.ip', 'source.as.organization.name'],
    breakdown: { field: 'source.as.organization.name', then: 'source.ip' },
  },
  {
    id: 'vpc-ssh-rdp-from-internet',
    title: 'SSH or RDP accepted from the internet',
    description:
      'Port 22 or 3389 reachable from public addresses: a security group open to 0.0.0.0/0.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: `event.action: "accept" and destination.port: (22 or 3389) and not ${isPrivateKql('source.ip')}`,
    fields: ['event.action', 'destination.port', 'source.ip'],
    breakdown: { field: 'destination.ip', then: 'source.ip' },
  },
  {
    id: 'vpc-databases-from-internet',
    title: 'Database ports accepted from the internet',
    description:
      'MySQL, PostgreSQL, SQL Server, MongoDB, Redis or Elasticsearch reachable from public addresses.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: `event.action: "accept" and destination.port: (3306 or 5432 or 1433 or 27017 or 6379 or 9200) and not ${isPrivateKql('source.ip')}`,
    fields: ['event.action', 'destination.port', 'source.ip'],
    breakdown: { field: 'destination.port', then: 'source.ip' },
  },
  {
    id: 'vpc-unusual-ports',
    title: 'Accepted inbound traffic to unusual ports',
    description:
      'Inbound flows accepted on ports other than web, SSH, DNS and NTP: services nobody meant to expose.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'event.action: "accept" and network.direction: "inbound" and not destination.port: (80 or 443 or 22 or 53 or 123)',
    fields: ['event.action', 'network.direction', 'destination.port'],
    breakdown: { field: 'destination.port' },
  },
  {
    id: 'vpc-syn-only',
    title: 'SYN-only flows (half-open connections)',
    description:
      'TCP flows that carried only SYN (tcp-flags 2, format v3+): scans or unanswered connection attempts.',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'aws.vpcflow.tcp_flags: 2',
    fields: ['aws.vpcflow.tcp_flags', 'source.ip'],
    breakdown: { field: 'source.ip', then: 'destination.port' },
  },
  {
    id: 'vpc-reject-reasons',
    title: 'Rejects with a reason',
    description:
      'Rejected flows that carry reject-reason (format v8), such as BPA (Block Public Access).',
    group: 'VPC security',
    source: 'vpcflow',
    kql: 'event.action: "reject" and event.reason: *',
    fields: ['event.action', 'event.reason'],
    breakdown: { field: 'event.reason' },
  },
  // --- ALB -------------------------------------------------------------------------------------
  {
    id: 'alb-404s',
    title: 'ALB 404s by path',
    description:
      'Requests answered 404, grouped by path: broken links, or a scanner probing for admin pages.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'http.response.status_code: 404',
    fields: ['http.response.status_code', 'url.path'],
    breakdown: { field: 'url.path' },
  },
  {
    id: 'alb-5xx-by-target',
    title: 'ALB 5xx by target',
    description:
      'Server errors grouped by the target that handled the request: which target is failing?',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'http.response.status_code >= 500',
    fields: ['http.response.status_code', 'destination.ip'],
    breakdown: { field: 'destination.ip', then: 'http.response.status_code' },
    measure: { kind: 'distinct', field: 'destination.ip', noun: 'target' },
  },
  {
    id: 'alb-target-unreachable',
    title: 'ALB could not get an answer from a target',
    description: '502/503/504 with no target status code: the target refused, reset or timed out.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'http.response.status_code: (502 or 503 or 504) and not aws.elb.target_status_code: *',
    fields: ['http.response.status_code', 'aws.elb.target_status_code'],
    breakdown: { field: 'destination.ip' },
  },
  {
    id: 'alb-slow-targets',
    title: 'Slow targets (over 1 s)',
    description: 'Requests whose target took a second or more to answer, by target.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'aws.elb.target_processing_time >= 1',
    fields: ['aws.elb.target_processing_time', 'destination.ip'],
    breakdown: { field: 'destination.ip' },
  },
  {
    id: 'alb-old-tls',
    title: 'Clients on old TLS (1.0/1.1)',
    description: 'HTTPS requests negotiated with TLS 1.0 or 1.1, by client.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'tls.version: ("1.0" or "1.1")',
    fields: ['tls.version', 'source.ip'],
    breakdown: { field: 'source.ip' },
  },
  {
    id: 'alb-suspicious-user-agents',
    title: 'Scanner and tool user agents',
    description: 'Requests from sqlmap, nikto, zgrab, masscan, nmap, nuclei or gobuster.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'user_agent.original: (*sqlmap* or *nikto* or *zgrab* or *masscan* or *Nmap* or *nuclei* or *gobuster*)',
    fields: ['user_agent.original'],
    breakdown: { field: 'user_agent.original' },
  },
  {
    id: 'alb-client',
    title: 'Requests from a client',
    description: "All of one client's requests, by path.",
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'source.ip: {{ip}}',
    params: [IP_PARAM],
    fields: ['source.ip', 'url.path'],
    breakdown: { field: 'url.path' },
  },
  {
    id: 'alb-desync',
    title: 'HTTP desync classification',
    description:
      'Requests ALB classified Ambiguous or Severe under desync mitigation (request smuggling attempts).',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'aws.elb.classification: ("Ambiguous" or "Severe")',
    fields: ['aws.elb.classification', 'aws.elb.classification_reason'],
    breakdown: { field: 'aws.elb.classification_reason' },
  },
  {
    id: 'alb-error-reasons',
    title: 'ALB error reasons',
    description:
      'Requests with an error_reason (Lambda targets, authentication actions), by reason.',
    group: 'Load balancers (ALB)',
    source: 'alb',
    kql: 'aws.elb.error_reason: *',
    fields: ['aws.elb.error_reason'],
    breakdown: { field: 'aws.elb.error_reason' },
  },
  // --- ALB connection logs (TLS and mutual TLS) -----------------------------------------------
  {
    id: 'alb-conn-failures',
    title: 'ALB TLS handshake and client certificate failures',
    description:
      'Connections the load balancer failed (tls_verify_status Failed:<reason>): TLS negotiation errors and, with mutual TLS, client certificates it refused, by reason and client.',
    group: 'ALB connections (TLS, mTLS)',
    source: 'alb_connection',
    kql: 'event.outcome: "failure"',
    fields: ['event.outcome', 'event.reason', 'aws.elb.connection.tls_verify_status', 'source.ip'],
    breakdown: { field: 'event.reason', then: 'source.ip' },
  },
  {
    id: 'alb-conn-verify-status',
    title: 'ALB connections by verify status',
    description:
      'Every logged connection by tls_verify_status as AWS writes it (Success, Failed:<reason>, - without mutual TLS): the share of clients the listener turns away.',
    group: 'ALB connections (TLS, mTLS)',
    source: 'alb_connection',
    kql: 'aws.elb.connection.tls_verify_status: *',
    fields: ['aws.elb.connection.tls_verify_status'],
    breakdown: { field: 'aws.elb.connection.tls_verify_status' },
  },
  {
    id: 'alb-conn-certs-expiring',
    title: 'Client certificates expired or expiring soon',
    description:
      'Connections whose client certificate (mutual TLS) expires before the given time (Elasticsearch date math: now+30d is within 30 days; a date such as 2027-01-31 works too), by certificate subject and serial number: renew them before the load balancer refuses them.',
    group: 'ALB connections (TLS, mTLS)',
    source: 'alb_connection',
    kql: 'tls.client.not_after <= {{until}}',
    params: [
      {
        name: 'until',
        label: 'Expiring before',
        kind: 'text',
        example: 'now+30d',
        help: 'A date (2027-01-31) or date math (now+30d)',
      },
    ],
    fields: [
      'tls.client.not_after',
      'tls.client.x509.subject.distinguished_name',
      'tls.client.x509.serial_number',
    ],
    breakdown: {
      field: 'tls.client.x509.subject.distinguished_name',
      then: 'tls.client.x509.serial_number',
    },
  },
  {
    id: 'alb-conn-old-tls',
    title: 'ALB connections on old TLS (1.0/1.1)',
    description:
      'Connections negotiated with TLS 1.0 or 1.1, by client: who breaks when the security policy is tightened.',
    group: 'ALB connections (TLS, mTLS)',
    source: 'alb_connection',
    kql: 'tls.version: ("1.0" or "1.1")',
    fields: ['tls.version', 'source.ip'],
    breakdown: { field: 'source.ip' },
  },
  // --- NLB / TLS -------------------------------------------------------------------------------
  {
    id: 'nlb-tls-handshake-failures',
    title: 'NLB TLS handshake failures',
    description: 'TLS connections whose handshake did not complete, by client and alert.',
    group: 'TLS (NLB)',
    source: 'nlb',
    kql: 'tls.established: false',
    fields: ['tls.established', 'event.reason'],
    breakdown: { field: 'event.reason', then: 'source.ip' },
  },
  {
    id: 'nlb-old-tls',
    title: 'NLB clients on old TLS (1.0/1.1)',
    description: 'TLS listener connections negotiated with TLS 1.0 or 1.1.',
    group: 'TLS (NLB)',
    source: 'nlb',
    kql: 'tls.version: ("1.0" or "1.1")',
    fields: ['tls.version', 'source.ip'],
    breakdown: { field: 'source.ip' },
  },
  {
    id: 'nlb-slow-handshakes',
    title: 'Slow TLS handshakes (over 500 ms)',
    description:
      'Handshakes that took half a second or more: distant clients or an overloaded listener.',
    group: 'TLS (NLB)',
    source: 'nlb',
    kql: 'aws.elb.tls_handshake_time >= 500',
    fields: ['aws.elb.tls_handshake_time'],
    breakdown: { field: 'source.ip' },
  },
  // --- Transit Gateway -------------------------------------------------------------------------
  {
    id: 'tgw-packets-lost',
    title: 'Transit Gateway packets lost',
    description:
      'Flows with packets dropped for no route, a blackhole route, MTU or TTL, by attachment.',
    group: 'Transit Gateway',
    source: 'tgwflow',
    kql: 'aws.tgwflow.packets_lost_no_route > 0 or aws.tgwflow.packets_lost_blackhole > 0 or aws.tgwflow.packets_lost_mtu_exceeded > 0 or aws.tgwflow.packets_lost_ttl_expired > 0',
    fields: [
      'aws.tgwflow.packets_lost_no_route',
      'aws.tgwflow.packets_lost_blackhole',
      'aws.tgwflow.packets_lost_mtu_exceeded',
      'aws.tgwflow.packets_lost_ttl_expired',
    ],
    breakdown: { field: 'aws.tgwflow.tgw_attachment_id' },
  },
  {
    id: 'tgw-blackhole',
    title: 'Blackhole routes hit',
    description:
      'Flows dropped by a blackhole route, by destination: a route table entry pointing nowhere.',
    group: 'Transit Gateway',
    source: 'tgwflow',
    kql: 'aws.tgwflow.packets_lost_blackhole > 0',
    fields: ['aws.tgwflow.packets_lost_blackhole', 'destination.ip'],
    breakdown: { field: 'destination.ip' },
  },
  {
    id: 'tgw-top-attachments',
    title: 'Busiest Transit Gateway attachments',
    description: 'Bytes through the Transit Gateway by attachment.',
    group: 'Transit Gateway',
    source: 'tgwflow',
    kql: 'aws.tgwflow.log_status: "OK"',
    fields: ['aws.tgwflow.tgw_attachment_id', 'network.bytes'],
    breakdown: { field: 'aws.tgwflow.tgw_attachment_id', sum: 'network.bytes' },
    measure: { kind: 'distinct', field: 'aws.tgwflow.tgw_attachment_id', noun: 'attachment' },
  },
  // --- Data quality ----------------------------------------------------------------------------
  {
    id: 'parse-errors',
    title: 'Lines that failed to parse',
    description:
      'Documents whose pipeline failed: the original line is in event.original and the reason in error.message.',
    group: 'Data quality',
    source: 'all',
    kql: 'event.kind: "pipeline_error"',
    fields: ['event.kind', 'error.message'],
    breakdown: { field: 'data_stream.dataset' },
  },
  {
    id: 'partly-parsed-lines',
    title: 'Lines parsed in part',
    description:
      'Lines where one or more fields held an unexpected value (a non-numeric count, an odd timestamp, an unparseable address): every other field is there, the line is in event.original and each failed field with its reason in error.message.',
    group: 'Data quality',
    source: 'all',
    kql: 'tags: "netobs_partial"',
    fields: ['tags', 'error.message', 'event.original'],
    breakdown: { field: 'data_stream.dataset' },
  },
  {
    id: 'unrecognised-lines',
    title: 'Unrecognised lines',
    description:
      'Lines no source matched (logs-netobs.unknown-*), by S3 object: a new log type or a misrouted bucket.',
    group: 'Data quality',
    source: 'all',
    kql: 'tags: "netobs_unrecognised"',
    fields: ['tags', 'aws.s3.object.key'],
    breakdown: { field: 'aws.s3.object.key' },
  },
];
