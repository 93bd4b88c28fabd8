// Many bytes from a private address to one public destination it rarely talks to: few flows
// carrying a lot (a bulk copy to an unknown host), the shape of exfiltration or a misdirected
// backup. Regular heavy destinations (a CDN, a package mirror) are talked to all the time, in
// many flows, and stay under the rule.
import { privateAddress, publicAddress } from '../addresses';
import { bucketsOf, count, SEEN_AGGS, timeOf, valueOf } from '../aggs';
import type { DetectionRule, RuleFinding } from '../types';
import { formatBytes } from './units';

export interface LargeOutboundParams {
  [name: string]: number;
  minBytes: number;
  maxFlows: number;
}

export const largeOutbound: DetectionRule<LargeOutboundParams> = {
  id: 'large_outbound',
  title: 'Large transfer to a rare public destination',
  meaning:
    'A private address sent a lot of data to one public address in only a few flows: a destination it rarely talks to received a bulk transfer.',
  response:
    'Identify the process on the source (instance, task) and the destination (owner, reputation); if unexpected, isolate the source and review what it could read.',
  severity: 'medium',
  attack: [{ id: 'T1048', name: 'Exfiltration Over Alternative Protocol' }],
  source: 'vpcflow',
  params: {
    minBytes: {
      kind: 'number',
      default: 100_000_000,
      min: 1,
      max: 1e15,
      description: 'Bytes to one destination that make a finding (default 100 MB).',
    },
    maxFlows: {
      kind: 'number',
      default: 20,
      min: 1,
      max: 1_000_000,
      description: 'At most this many flows to the destination: "rarely talks to".',
    },
  },
  esQuery:
    'Partly: `.es-query` with KQL `event.action: "accept" and source.ip: (private ranges) and not destination.ip: (non-public ranges)`, sum of network.bytes grouped by destination.ip above 100 MB; it cannot require few flows.',
  request() {
    return {
      filter: [
        { term: { 'event.action': 'accept' } },
        privateAddress('source.ip'),
        publicAddress('destination.ip'),
      ],
      aggs: {
        sources: {
          terms: { field: 'source.ip', size: 50, order: { bytes: 'desc' } },
          aggs: {
            bytes: { sum: { field: 'network.bytes' } },
            destinations: {
              terms: { field: 'destination.ip', size: 5, order: { bytes: 'desc' } },
              aggs: { bytes: { sum: { field: 'network.bytes' } }, ...SEEN_AGGS },
            },
          },
        },
      },
    };
  },
  interpret(params, aggregations) {
    const findings: RuleFinding[] = [];
    for (const source of bucketsOf(aggregations, 'sources'))
      for (const destination of bucketsOf(source, 'destinations')) {
        const bytes = valueOf(destination, 'bytes');
        if (bytes < params.minBytes || destination.doc_count > params.maxFlows) continue;
        findings.push({
          entity: { 'source.ip': String(source.key), 'destination.ip': String(destination.key) },
          firstSeen: timeOf(destination, 'first'),
          lastSeen: timeOf(destination, 'last'),
          evidence: { bytes, flows: destination.doc_count },
          summary: `${formatBytes(bytes)} to ${destination.key} in ${count(destination.doc_count)} flows`,
          kql: `event.action: "accept" and source.ip: "${source.key}" and destination.ip: "${destination.key}"`,
        });
      }
    return findings;
  },
};
