// "Public" as Elasticsearch's network_direction processor means it: not private, loopback,
// link-local, multicast or unspecified (documentation ranges count as public). As filter
// clauses and KQL over an ip field, so the rules can ask Elasticsearch for them.
import { PRIVATE_RANGES } from '../queries/private_ranges';

export const NOT_PUBLIC_RANGES = [
  ...PRIVATE_RANGES,
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '0.0.0.0/32',
  '::1/128',
  'fe80::/10',
  'ff00::/8',
  '::/128',
];

function inRanges(field: string, ranges: string[]): Record<string, unknown> {
  return {
    bool: {
      should: ranges.map((range) => ({ term: { [field]: range } })),
      minimum_should_match: 1,
    },
  };
}

export function privateAddress(field: string): Record<string, unknown> {
  return inRanges(field, PRIVATE_RANGES);
}

export function publicAddress(field: string): Record<string, unknown> {
  return { bool: { must_not: [inRanges(field, NOT_PUBLIC_RANGES)] } };
}

export function privateKql(field: string): string {
  return `${field}: (${PRIVATE_RANGES.map((range) => `"${range}"`).join(' or ')})`;
}

export function publicKql(field: string): string {
  return `not ${field}: (${NOT_PUBLIC_RANGES.map((range) => `"${range}"`).join(' or ')})`;
}

export function portsKql(field: string, ports: number[]): string {
  return ports.length === 1 ? `${field}: ${ports[0]}` : `${field}: (${ports.join(' or ')})`;
}
