// ECS fields that the VPC and Transit Gateway flow-log pipelines both set. `elastic` compares
// each with what Elastic's AWS integration (vpcflow data stream) and Filebeat's
// parse_aws_vpc_flow_log processor write for the same flow-log field: 'same', or the difference
// and why we chose ours (docs/fields.md lists the pages these facts come from).
import type { FieldDoc } from './types';

const SAME = 'same';

export const FLOW_ECS_FIELDS: FieldDoc[] = [
  {
    name: '@timestamp',
    type: 'date',
    description: 'Start of the aggregation interval (start).',
    elastic:
      'end: the integration and the processor both set @timestamp from end. We use start so a record falls in the time range and histogram bucket where its traffic began, like event.start; end stays in event.end.',
  },
  { name: 'event.start', type: 'date', description: 'start, as a date.', elastic: SAME },
  { name: 'event.end', type: 'date', description: 'end, as a date.', elastic: SAME },
  {
    name: 'event.duration',
    type: 'long',
    description: 'end - start, in nanoseconds.',
    elastic: 'not set by the integration (derive it from event.start and event.end).',
  },
  { name: 'event.kind', type: 'keyword', description: 'event.', elastic: SAME },
  { name: 'event.category', type: 'keyword', description: '[network].', elastic: SAME },
  {
    name: 'event.action',
    type: 'keyword',
    description: 'accept or reject (lowercase).',
    elastic:
      "the processor writes accept/reject in lowercase like us; the integration's v8 sample keeps ACCEPT/REJECT as logged. Keyword matching is case-sensitive: we keep one spelling (ECS values are lowercase) and AWS's in aws.<source>.action.",
  },
  {
    name: 'event.outcome',
    type: 'keyword',
    description: 'success for accept, failure for reject.',
    elastic: SAME,
  },
  {
    name: 'event.type',
    type: 'keyword',
    description: '[connection, allowed|denied]; [info] for NODATA/SKIPDATA.',
    elastic:
      'same for ACCEPT/REJECT; for NODATA/SKIPDATA records (no traffic) the integration writes [connection], we write [info] so they stay out of connection counts.',
  },
  {
    name: 'event.reason',
    type: 'keyword',
    description: 'reject-reason (v8), e.g. BPA.',
    elastic: SAME,
  },
  { name: 'source.ip', type: 'ip', description: 'srcaddr.', elastic: SAME },
  { name: 'source.address', type: 'keyword', description: 'srcaddr.', elastic: SAME },
  { name: 'source.port', type: 'long', description: 'srcport.', elastic: SAME },
  {
    name: 'source.bytes',
    type: 'long',
    description: 'bytes: a record counts what srcaddr sent to dstaddr (also network.bytes).',
    elastic: SAME,
  },
  {
    name: 'source.packets',
    type: 'long',
    description: 'packets, sent from srcaddr to dstaddr (also network.packets).',
    elastic: SAME,
  },
  { name: 'destination.ip', type: 'ip', description: 'dstaddr.', elastic: SAME },
  { name: 'destination.address', type: 'keyword', description: 'dstaddr.', elastic: SAME },
  { name: 'destination.port', type: 'long', description: 'dstport.', elastic: SAME },
  {
    name: 'network.iana_number',
    type: 'keyword',
    description: 'protocol number.',
    elastic: SAME,
  },
  {
    name: 'network.transport',
    type: 'keyword',
    description: 'tcp, udp, icmp, ipv6-icmp, gre, esp, ah, sctp, ...',
    elastic: SAME,
  },
  {
    name: 'network.type',
    type: 'keyword',
    description: 'ipv4 or ipv6, from the addresses.',
    elastic: SAME,
  },
  { name: 'network.bytes', type: 'long', description: 'bytes.', elastic: SAME },
  { name: 'network.packets', type: 'long', description: 'packets.', elastic: SAME },
  {
    name: 'network.community_id',
    type: 'keyword',
    description:
      "Community ID v1 as Elasticsearch's community_id processor computes it: TCP, UDP and SCTP with their ports, ICMP and ICMPv6 as type 0 / code 0 (flow logs carry no type or code), other protocols without ports.",
    elastic: 'same (the integration runs the community_id processor).',
  },
  {
    name: 'network.direction',
    type: 'keyword',
    description:
      "ECS's perimeter view, for every record: internal (private to private), inbound (public to private), outbound (private to public) or external (public to public), by RFC 1918 / RFC 4193 private ranges. The interface's own view (flow-direction, v5: ingress/egress) is aws.<source>.flow_direction.",
    elastic:
      "flow-direction (ingress/egress, the interface's view), and only when the record has that v5 field. We fill it for every record with the perimeter view, one vocabulary across sources and formats; filter aws.<source>.flow_direction for the integration's meaning.",
  },
  {
    name: 'related.ip',
    type: 'ip',
    description: 'srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr.',
    elastic: SAME,
  },
  { name: 'cloud.provider', type: 'keyword', description: 'aws.', elastic: SAME },
  { name: 'cloud.account.id', type: 'keyword', description: 'account-id.', elastic: SAME },
  {
    name: 'cloud.region',
    type: 'keyword',
    description: 'region (v4).',
    elastic:
      'same field; the integration can write a literal "-" when the record has none, we leave the field out.',
  },
  {
    name: 'cloud.availability_zone',
    type: 'keyword',
    description: 'az-id (v4).',
    elastic: 'same field; as for cloud.region, "-" is left out rather than written.',
  },
  {
    name: 'cloud.instance.id',
    type: 'keyword',
    description: 'instance-id (v3).',
    elastic: SAME,
  },
  {
    name: 'container.id',
    type: 'keyword',
    description: 'ecs-container-id (v7).',
    elastic: SAME,
  },
  {
    name: 'orchestrator.type',
    type: 'keyword',
    description: 'ecs when any v7 ECS field is set.',
    elastic: 'same value (ecs); the processor sets it only with ecs-cluster-name.',
  },
  {
    name: 'orchestrator.cluster.name',
    type: 'keyword',
    description: 'ecs-cluster-name (v7).',
    elastic: SAME,
  },
  {
    name: 'orchestrator.cluster.id',
    type: 'keyword',
    description: 'ecs-cluster-arn (v7).',
    elastic: SAME,
  },
  {
    name: 'orchestrator.resource.type',
    type: 'keyword',
    description: 'task (v7).',
    elastic:
      'container, for the container instance (processor); the integration sets none. Ours is task: see orchestrator.resource.id.',
  },
  {
    name: 'orchestrator.resource.id',
    type: 'keyword',
    description: 'ecs-task-arn (v7).',
    elastic:
      'ecs-container-instance-id (the EC2 host of the task). A flow is the traffic of a task\'s network interface, and Fargate tasks have no container instance ("-"): the task identifies the resource for every launch type. The container instance stays in aws.<source>.ecs_container_instance_id/_arn.',
  },
  {
    name: 'orchestrator.resource.name',
    type: 'keyword',
    description: 'ecs-task-id (v7).',
    elastic:
      'ecs-container-instance-arn. Ours names the task, matching orchestrator.resource.id (see there).',
  },
  {
    name: 'service.name',
    type: 'keyword',
    description: 'ecs-service-name (v7).',
    elastic: SAME,
  },
];
