// ECS fields that the VPC and Transit Gateway flow-log pipelines both set.
import type { FieldDoc } from './types';

const V7_NOTE =
  "Elastic's parse_aws_vpc_flow_log processor documents only v2-v5 fields (elastic.co/docs/reference/beats/filebeat/processor-parse-aws-vpc-flow-log); ECS has this field, so we use it rather than a custom aws.vpcflow.* name.";

export const FLOW_ECS_FIELDS: FieldDoc[] = [
  { name: '@timestamp', type: 'date', description: 'Start of the aggregation interval (start).' },
  { name: 'event.start', type: 'date', description: 'start, as a date.' },
  { name: 'event.end', type: 'date', description: 'end, as a date.' },
  { name: 'event.duration', type: 'long', description: 'end - start, in nanoseconds.' },
  { name: 'event.action', type: 'keyword', description: 'accept or reject (lowercase).' },
  {
    name: 'event.outcome',
    type: 'keyword',
    description: 'success for accept, failure for reject.',
  },
  {
    name: 'event.type',
    type: 'keyword',
    description: '[connection, allowed|denied]; [info] for NODATA/SKIPDATA.',
  },
  {
    name: 'event.reason',
    type: 'keyword',
    description: 'reject-reason (v8), e.g. BPA.',
    elastic:
      "Elastic's parse_aws_vpc_flow_log processor documents only v2-v5 fields; ECS's event.reason says why the event happened, which is what AWS's reject-reason holds.",
  },
  { name: 'source.ip', type: 'ip', description: 'srcaddr.' },
  { name: 'source.port', type: 'long', description: 'srcport.' },
  {
    name: 'source.bytes',
    type: 'long',
    description: 'bytes: a record counts what srcaddr sent to dstaddr (also network.bytes).',
  },
  {
    name: 'source.packets',
    type: 'long',
    description: 'packets, sent from srcaddr to dstaddr (also network.packets).',
  },
  { name: 'destination.ip', type: 'ip', description: 'dstaddr.' },
  { name: 'destination.port', type: 'long', description: 'dstport.' },
  { name: 'network.iana_number', type: 'keyword', description: 'protocol number.' },
  {
    name: 'network.transport',
    type: 'keyword',
    description: 'tcp, udp, icmp, ipv6-icmp, gre, esp, ah, sctp, ...',
  },
  { name: 'network.type', type: 'keyword', description: 'ipv4 or ipv6, from the addresses.' },
  { name: 'network.bytes', type: 'long', description: 'bytes.' },
  { name: 'network.packets', type: 'long', description: 'packets.' },
  {
    name: 'network.community_id',
    type: 'keyword',
    description:
      "Community ID v1 as Elasticsearch's community_id processor computes it: TCP, UDP and SCTP with their ports, ICMP and ICMPv6 as type 0 / code 0 (flow logs carry no type or code), other protocols without ports.",
  },
  {
    name: 'network.direction',
    type: 'keyword',
    description:
      "ECS's perimeter view, for every record: internal (private to private), inbound (public to private), outbound (private to public) or external (public to public), by RFC 1918 / RFC 4193 private ranges. The interface's own view (flow-direction, v5: ingress/egress) is aws.<source>.flow_direction.",
  },
  { name: 'related.ip', type: 'ip', description: 'srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr.' },
  { name: 'cloud.provider', type: 'keyword', description: 'aws.' },
  { name: 'cloud.account.id', type: 'keyword', description: 'account-id.' },
  { name: 'cloud.region', type: 'keyword', description: 'region (v4).' },
  { name: 'cloud.availability_zone', type: 'keyword', description: 'az-id (v4).' },
  { name: 'cloud.instance.id', type: 'keyword', description: 'instance-id (v3).' },
  {
    name: 'container.id',
    type: 'keyword',
    description: 'ecs-container-id (v7).',
    elastic: V7_NOTE,
  },
  { name: 'orchestrator.type', type: 'keyword', description: 'ecs when any v7 ECS field is set.' },
  {
    name: 'orchestrator.cluster.name',
    type: 'keyword',
    description: 'ecs-cluster-name (v7).',
    elastic: V7_NOTE,
  },
  {
    name: 'orchestrator.cluster.id',
    type: 'keyword',
    description: 'ecs-cluster-arn (v7).',
    elastic: V7_NOTE,
  },
  { name: 'orchestrator.resource.type', type: 'keyword', description: 'task (v7).' },
  {
    name: 'orchestrator.resource.id',
    type: 'keyword',
    description: 'ecs-task-arn (v7).',
    elastic: V7_NOTE,
  },
  {
    name: 'orchestrator.resource.name',
    type: 'keyword',
    description: 'ecs-task-id (v7).',
    elastic: V7_NOTE,
  },
  {
    name: 'service.name',
    type: 'keyword',
    description: 'ecs-service-name (v7).',
    elastic: V7_NOTE,
  },
];
