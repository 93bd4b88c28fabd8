// Many short sessions from one source to one login service: password guessing against SSH or
// RDP. "Short" is few packets per flow (a failed login exchanges a handful); an administrator's
// working session is long and single, a scanner touches the port once per host.
import { portsKql } from '../addresses';
import { bucketsOf, count, SEEN_AGGS, timeOf, valueOf } from '../aggs';
import type { DetectionRule, RuleFinding } from '../types';

export interface BruteforceParams {
  [name: string]: number | number[];
  ports: number[];
  minAttempts: number;
  maxPacketsPerAttempt: number;
}

export const bruteforce: DetectionRule<BruteforceParams> = {
  id: 'bruteforce',
  title: 'Brute force on a login service',
  meaning:
    'One address opened many short sessions to a login service (SSH, RDP) on one host: the pattern of password guessing.',
  response:
    'Block the source; make sure the service is not reachable from where the attempts came (security group), that password login is off (keys or SSO only), and check the host’s auth logs for a success.',
  severity: 'high',
  attack: [{ id: 'T1110', name: 'Brute Force' }],
  source: 'vpcflow',
  params: {
    ports: {
      kind: 'ports',
      default: [22, 3389],
      description: 'Login services watched (SSH 22, RDP 3389; add others such as 5985/5986).',
    },
    minAttempts: {
      kind: 'number',
      default: 50,
      min: 2,
      max: 10_000_000,
      description: 'Short sessions from one source to one host and port that make a finding.',
    },
    maxPacketsPerAttempt: {
      kind: 'number',
      default: 30,
      min: 1,
      max: 100_000,
      description: 'A flow with at most this many packets counts as one short session.',
    },
  },
  esQuery:
    'Yes: `.es-query` over logs-netobs.vpcflow-*, KQL `destination.port: (22 or 3389) and network.packets <= 30`, count grouped by source.ip, threshold above 50 in the window.',
  request(params) {
    return {
      filter: [
        { terms: { 'destination.port': params.ports } },
        { range: { 'network.packets': { lte: params.maxPacketsPerAttempt } } },
      ],
      aggs: {
        sources: {
          terms: { field: 'source.ip', size: 100, min_doc_count: params.minAttempts },
          aggs: {
            targets: {
              terms: { field: 'destination.ip', size: 5, min_doc_count: params.minAttempts },
              aggs: {
                ports: {
                  terms: { field: 'destination.port', size: 3, min_doc_count: params.minAttempts },
                  aggs: {
                    accepted: { filter: { term: { 'event.action': 'accept' } } },
                    ...SEEN_AGGS,
                  },
                },
              },
            },
          },
        },
      },
    };
  },
  interpret(params, aggregations) {
    const findings: RuleFinding[] = [];
    for (const source of bucketsOf(aggregations, 'sources'))
      for (const target of bucketsOf(source, 'targets'))
        for (const port of bucketsOf(target, 'ports')) {
          if (port.doc_count < params.minAttempts) continue;
          const accepted = valueOf(port, 'accepted');
          findings.push({
            entity: {
              'source.ip': String(source.key),
              'destination.ip': String(target.key),
              'destination.port': Number(port.key),
            },
            firstSeen: timeOf(port, 'first'),
            lastSeen: timeOf(port, 'last'),
            evidence: { attempts: port.doc_count, accepted, rejected: port.doc_count - accepted },
            summary: `${count(port.doc_count)} short sessions to ${target.key}:${port.key} (${count(accepted)} accepted)`,
            kql: `source.ip: "${source.key}" and destination.ip: "${target.key}" and ${portsKql('destination.port', [Number(port.key)])} and network.packets <= ${params.maxPacketsPerAttempt}`,
          });
        }
    return findings;
  },
};
