// Accepted inbound from many distinct public addresses to a sensitive service (a database, a
// cache, SSH, RDP) on a private address: a security group or ACL open to the internet.
// Services meant to be public (443 on a load balancer) are not in the list.
import { portsKql, privateAddress, publicAddress, publicKql } from '../addresses';
import { bucketsOf, count, keysOf, SEEN_AGGS, timeOf, valueOf } from '../aggs';
import type { DetectionRule, RuleFinding } from '../types';

export interface ExposedServiceParams {
  [name: string]: number | number[];
  ports: number[];
  minSources: number;
}

export const SENSITIVE_PORTS = [22, 3389, 5432, 3306, 1433, 6379, 27017, 9200];

export const exposedService: DetectionRule<ExposedServiceParams> = {
  id: 'exposed_service',
  title: 'Sensitive service exposed to the internet',
  meaning:
    'A database, cache or remote-login service on a private address accepted connections from many public addresses: its security group or network ACL lets the internet in.',
  response:
    'Restrict the security group to the addresses that need the service (a bastion, a VPN, the application subnets) and check the service’s logs for unknown clients.',
  severity: 'high',
  attack: [
    { id: 'T1133', name: 'External Remote Services' },
    { id: 'T1190', name: 'Exploit Public-Facing Application' },
  ],
  source: 'vpcflow',
  params: {
    ports: {
      kind: 'ports',
      default: SENSITIVE_PORTS,
      description:
        'Sensitive services: SSH, RDP, PostgreSQL, MySQL, SQL Server, Redis, MongoDB, Elasticsearch.',
    },
    minSources: {
      kind: 'number',
      default: 5,
      min: 1,
      max: 1_000_000,
      description: 'Distinct public addresses accepted that make a finding.',
    },
  },
  esQuery:
    'Partly: `.es-query` with KQL `event.action: "accept" and destination.port: (22 or 5432 …) and destination.ip: (private ranges) and not source.ip: (non-public ranges)` grouped by destination.ip counts flows, not distinct sources.',
  request(params) {
    return {
      filter: [
        { term: { 'event.action': 'accept' } },
        { terms: { 'destination.port': params.ports } },
        privateAddress('destination.ip'),
        publicAddress('source.ip'),
      ],
      aggs: {
        hosts: {
          terms: { field: 'destination.ip', size: 50 },
          aggs: {
            ports: {
              terms: { field: 'destination.port', size: 10 },
              aggs: {
                sources: { cardinality: { field: 'source.ip' } },
                top_sources: { terms: { field: 'source.ip', size: 5 } },
                ...SEEN_AGGS,
              },
            },
          },
        },
      },
    };
  },
  interpret(params, aggregations) {
    const findings: RuleFinding[] = [];
    for (const host of bucketsOf(aggregations, 'hosts'))
      for (const port of bucketsOf(host, 'ports')) {
        const sources = valueOf(port, 'sources');
        if (sources < params.minSources) continue;
        const portNumber = Number(port.key);
        findings.push({
          entity: { 'destination.ip': String(host.key), 'destination.port': portNumber },
          firstSeen: timeOf(port, 'first'),
          lastSeen: timeOf(port, 'last'),
          evidence: {
            acceptedFlows: port.doc_count,
            distinctPublicSources: sources,
            topSources: keysOf(port, 'top_sources'),
          },
          summary: `${count(sources)} public addresses accepted on ${host.key}:${portNumber}`,
          kql: `event.action: "accept" and destination.ip: "${host.key}" and ${portsKql('destination.port', [portNumber])} and ${publicKql('source.ip')}`,
        });
      }
    return findings;
  },
};
