// Every VPC and Transit Gateway flow-log field AWS documents, by the format version that
// introduced it. A header line may list any subset in any order.
import { VPC_FLOW_DEFAULT_FIELDS } from '../constants';

export const VPC_FLOW_FIELDS_BY_VERSION: Record<number, readonly string[]> = {
  2: VPC_FLOW_DEFAULT_FIELDS,
  3: ['vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr'],
  4: ['region', 'az-id', 'sublocation-type', 'sublocation-id'],
  5: ['pkt-src-aws-service', 'pkt-dst-aws-service', 'flow-direction', 'traffic-path'],
  7: [
    'ecs-cluster-arn',
    'ecs-cluster-name',
    'ecs-container-instance-arn',
    'ecs-container-instance-id',
    'ecs-container-id',
    'ecs-second-container-id',
    'ecs-service-name',
    'ecs-task-definition-arn',
    'ecs-task-arn',
    'ecs-task-id',
  ],
  8: ['reject-reason'],
};

/**
 * Fields AWS added after version 8 (2025-2026), as documentation and field-list data: a header
 * or a per-log-group format may name them, and the pipelines keep their values under
 * aws.<source>.<name> (in _source; not mapped, so not searchable until a mapping is added).
 * Grouped by release because the version each one carries comes from AWS's table.
 */
export const VPC_FLOW_FIELDS_SINCE_V8: readonly { release: string; fields: readonly string[] }[] = [
  // encryption-status (VPC Encryption Controls): 0 not encrypted, 1 Nitro-encrypted,
  // 2 application-encrypted, 3 both, - unknown or controls off. resource-id comes with it in
  // AWS's current field list (after reject-reason).
  { release: 'v9-v10 (2025)', fields: ['resource-id', 'encryption-status'] },
  // Next-hop metadata and EC2 tag values (TagFieldSpecifications), June 2026; records with
  // them carry version 11.
  {
    release: 'v11 (June 2026)',
    fields: [
      'interface-type',
      'next-hop-interface-id',
      'next-hop-subnet-id',
      'next-hop-az-id',
      'next-hop-vpc-id',
      'next-hop-interface-type',
      'instance-tag',
      'interface-tag',
      'asg-tag',
    ],
  },
];

/** The Transit Gateway default format (version 6): every field, in AWS's order. */
export const TGW_FLOW_DEFAULT_FIELDS = [
  'version',
  'resource-type',
  'account-id',
  'tgw-id',
  'tgw-attachment-id',
  'tgw-src-vpc-account-id',
  'tgw-dst-vpc-account-id',
  'tgw-src-vpc-id',
  'tgw-dst-vpc-id',
  'tgw-src-subnet-id',
  'tgw-dst-subnet-id',
  'tgw-src-eni',
  'tgw-dst-eni',
  'tgw-src-az-id',
  'tgw-dst-az-id',
  'tgw-pair-attachment-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'log-status',
  'type',
  'packets-lost-no-route',
  'packets-lost-blackhole',
  'packets-lost-mtu-exceeded',
  'packets-lost-ttl-expired',
  'tcp-flags',
  'region',
  'flow-direction',
  'pkt-src-aws-service',
  'pkt-dst-aws-service',
] as const;

/** Every field name a VPC or TGW flow-log header line may contain. */
export const ALL_FLOW_LOG_FIELDS: ReadonlySet<string> = new Set([
  ...Object.values(VPC_FLOW_FIELDS_BY_VERSION).flat(),
  ...VPC_FLOW_FIELDS_SINCE_V8.flatMap((group) => group.fields),
  ...TGW_FLOW_DEFAULT_FIELDS,
]);

/** How AWS spells a flow-log field name: lowercase words joined by hyphens (pkt-srcaddr). */
const FIELD_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The field list of a flow-log header line (the first line AWS writes to each S3 object), or
 * undefined when the line is a record rather than a header. Names may be bare (srcaddr) or in
 * format syntax (${srcaddr}).
 *
 * A header may name fields AWS added after this list was written: every token must be spelled
 * like a field name (a record always has values that are not: numbers, addresses, "-",
 * ACCEPT/OK), no name may repeat, and at least two and at least half of the names must be
 * fields we know. Unknown fields then keep their values under aws.<source>.<name> instead of
 * the whole object being read with the default format.
 */
export function parseFlowLogHeader(line: string): string[] | undefined {
  const names = line
    .trim()
    .split(/\s+/)
    .map((token) => token.replace(/^\$\{(.+)\}$/, '$1'));
  if (names.length < 2 || !names.every((name) => FIELD_NAME.test(name))) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  const known = names.filter((name) => ALL_FLOW_LOG_FIELDS.has(name)).length;
  if (known < 2 || known * 2 < names.length) return undefined;
  return names;
}

/** Whether a header lists exactly the default version 2 format (no field list needs attaching). */
export function isDefaultVpcFormat(names: readonly string[]): boolean {
  const defaults = VPC_FLOW_FIELDS_BY_VERSION[2];
  return names.length === defaults.length && names.every((name, i) => name === defaults[i]);
}
