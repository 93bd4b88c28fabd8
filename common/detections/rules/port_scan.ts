// A source touching many distinct ports on a host (vertical scan) or many hosts on a few ports
// (horizontal scan), mostly rejected. Background traffic does not look like this: a client
// talks to few ports; a busy server's clients each touch one port; a NAT gateway's outbound
// flows are accepted; a server whose replies to clients' ephemeral ports are refused (a
// stateless NACL) sends from its few listening ports, all below every port it "touches", and is
// left out as the Scans page leaves it out (isServerReplying).
import { isServerReplying } from '../../investigations/scans';
import { bucketsOf, keysOf, percent, plural, SEEN_AGGS, sub, timeOf, valueOf } from '../aggs';
import type { DetectionRule, RuleFinding } from '../types';

export interface PortScanParams {
  [name: string]: number;
  minPorts: number;
  minHosts: number;
  minRejectedShare: number;
}

const CANDIDATES = 50;

const perSource = {
  ports: { cardinality: { field: 'destination.port' } },
  hosts: { cardinality: { field: 'destination.ip' } },
  rejected: { filter: { term: { 'event.action': 'reject' } } },
  top_ports: { terms: { field: 'destination.port', size: 5 } },
  source_ports: { terms: { field: 'source.port', size: 3 } },
  lowest_port: { min: { field: 'destination.port' } },
  answered: {
    filter: { term: { 'event.action': 'accept' } },
    aggs: { ports: { terms: { field: 'destination.port', size: 5 } } },
  },
  ...SEEN_AGGS,
};

export const portScan: DetectionRule<PortScanParams> = {
  id: 'port_scan',
  title: 'Port scan',
  meaning:
    'One address probed many ports on a host, or one port on many hosts, and was mostly refused: someone is mapping what listens in your network.',
  response:
    'Check whether the source is yours (a scanner you run) or known; block it at the network ACL or WAF if not, and look at what answered (the accepted ports) for exposure.',
  severity: 'medium',
  attack: [{ id: 'T1046', name: 'Network Service Discovery' }],
  source: 'vpcflow',
  params: {
    minPorts: {
      kind: 'number',
      default: 25,
      min: 2,
      max: 65_535,
      description: 'Distinct destination ports from one source that make a vertical scan.',
    },
    minHosts: {
      kind: 'number',
      default: 25,
      min: 2,
      max: 1_000_000,
      description: 'Distinct destination hosts from one source that make a horizontal scan.',
    },
    minRejectedShare: {
      kind: 'number',
      default: 0.8,
      min: 0,
      max: 1,
      description: 'Share of the source’s flows that must have been rejected (0 to 1).',
    },
  },
  esQuery:
    'Not exactly: `.es-query` can count rejected flows grouped by source.ip, not distinct ports or hosts. An approximation: KQL `event.action: "reject"`, count grouped by source.ip, threshold above a few hundred per window.',
  request() {
    return {
      filter: [],
      aggs: {
        vertical: {
          terms: { field: 'source.ip', size: CANDIDATES, order: { ports: 'desc' } },
          aggs: perSource,
        },
        horizontal: {
          terms: { field: 'source.ip', size: CANDIDATES, order: { hosts: 'desc' } },
          aggs: perSource,
        },
      },
    };
  },
  interpret(params, aggregations) {
    const findings = new Map<string, RuleFinding>();
    for (const bucket of [
      ...bucketsOf(aggregations, 'vertical'),
      ...bucketsOf(aggregations, 'horizontal'),
    ]) {
      const source = String(bucket.key);
      if (findings.has(source)) continue;
      const ports = valueOf(bucket, 'ports');
      const hosts = valueOf(bucket, 'hosts');
      const rejectedShare = bucket.doc_count ? valueOf(bucket, 'rejected') / bucket.doc_count : 0;
      const wide = ports >= params.minPorts || hosts >= params.minHosts;
      if (!wide || rejectedShare < params.minRejectedShare) continue;
      const replying = isServerReplying({
        source,
        probes: bucket.doc_count,
        ports,
        hosts,
        sourcePorts: bucketsOf(bucket, 'source_ports').map((b) => ({
          port: Number(b.key),
          flows: b.doc_count,
        })),
        lowestPort: sub(bucket, 'lowest_port').value ?? null,
      });
      if (replying) continue;
      const answered = keysOf(bucket.answered, 'ports');
      findings.set(source, {
        entity: { 'source.ip': source },
        firstSeen: timeOf(bucket, 'first'),
        lastSeen: timeOf(bucket, 'last'),
        evidence: {
          kind: ports >= params.minPorts ? 'vertical' : 'horizontal',
          flows: bucket.doc_count,
          distinctPorts: ports,
          distinctHosts: hosts,
          rejectedShare: Number(rejectedShare.toFixed(4)),
          topPorts: keysOf(bucket, 'top_ports'),
          answeredPorts: answered,
        },
        summary: `${plural(ports, 'port')} on ${plural(hosts, 'host')}, ${percent(rejectedShare)} rejected${answered.length ? `; answered on ${answered.join(', ')}` : ''}`,
        kql: `source.ip: "${source}"`,
      });
    }
    return [...findings.values()];
  },
};
