// Per AWS source field: where we put it and where Elastic's own AWS integration (the aws
// package's vpcflow and elb_logs data streams) and Filebeat's parse_aws_vpc_flow_log processor
// put it, with the reason where we differ; and the fields those produce that we do not.
// Facts only, from the pages in PARITY_SOURCES; rendered into docs/fields.md.
import { ALB_FIELDS, NLB_FIELDS, TGW_FLOW_DEFAULT_FIELDS } from '../../common/sources';
import {
  VPC_FLOW_FIELDS_BY_VERSION,
  VPC_FLOW_FIELDS_SINCE_V8,
} from '../../common/sources/flow_log_fields';

export type ParitySource = 'vpcflow' | 'tgwflow' | 'alb' | 'nlb';

export interface SourceFieldParity {
  /** Our fields for it; {raw} is the source's raw prefix (aws.vpcflow, aws.tgwflow, aws.elb). */
  ours: string;
  /** Elastic's fields for it, or 'same' when they are ours (raw prefix aside, see tgwflow). */
  elastic: string;
  /** Why ours differ; required unless elastic is 'same'. */
  why?: string;
}

export interface ElasticOnlyField {
  /** The field Elastic's integration writes. */
  elastic: string;
  /** From which AWS field (or 'derived'). */
  from: string;
  /** covered: we have the value under another name (named); gap: a parsed value we lack;
   *  bookkeeping: agent/integration metadata, not a value of the log line. */
  status: 'covered' | 'gap' | 'bookkeeping';
  note: string;
}

const SAME = 'same';
const RAW_SPELLING =
  "One naming rule for every raw field: AWS's field name under {raw} (hyphens turned into underscores), so a raw field is found from AWS's documentation without a lookup table.";
const NEWER =
  'Newer than both Elastic parsers: kept as a string under `{raw}.<name>` (in _source, not mapped yet); the integration does not parse it.';

/** VPC flow-log fields (v2-v8 and newer); Transit Gateway records share those they have. */
const FLOW: Record<string, SourceFieldParity> = {
  version: {
    ours: '{raw}.version (integer)',
    elastic: 'aws.vpcflow.version (keyword)',
    why: 'A number, so version >= 5 style range filters work.',
  },
  'account-id': { ours: 'cloud.account.id, {raw}.account_id', elastic: SAME },
  'interface-id': { ours: '{raw}.interface_id', elastic: SAME },
  srcaddr: { ours: 'source.ip, source.address, related.ip', elastic: SAME },
  dstaddr: {
    ours: 'destination.ip, destination.address, related.ip',
    elastic: SAME,
  },
  srcport: { ours: 'source.port', elastic: SAME },
  dstport: { ours: 'destination.port', elastic: SAME },
  protocol: {
    ours: 'network.iana_number, network.transport, network.community_id',
    elastic: SAME,
  },
  packets: { ours: 'source.packets, network.packets', elastic: SAME },
  bytes: { ours: 'source.bytes, network.bytes', elastic: SAME },
  start: {
    ours: '@timestamp, event.start, event.duration',
    elastic: 'event.start (@timestamp comes from end)',
    why: 'See @timestamp above: a record is placed where its traffic began.',
  },
  end: {
    ours: 'event.end, event.duration',
    elastic: '@timestamp, event.end',
    why: 'See @timestamp above.',
  },
  action: {
    ours: 'event.action (lowercase), event.outcome, event.type, {raw}.action',
    elastic: 'event.action, event.outcome, event.type, aws.vpcflow.action',
    why: 'Same fields; event.action is lowercase in ours (see event.action above).',
  },
  'log-status': {
    ours: '{raw}.log_status; event.type [info] for NODATA/SKIPDATA',
    elastic: 'aws.vpcflow.log_status',
    why: 'Records without traffic are typed info so they stay out of connection counts.',
  },
  'vpc-id': { ours: '{raw}.vpc_id', elastic: SAME },
  'subnet-id': { ours: '{raw}.subnet_id', elastic: SAME },
  'instance-id': { ours: 'cloud.instance.id, {raw}.instance_id', elastic: SAME },
  'tcp-flags': {
    ours: '{raw}.tcp_flags (integer), {raw}.tcp_flags_array',
    elastic: 'aws.vpcflow.tcp_flags (keyword), aws.vpcflow.tcp_flags_array',
    why: 'The bitmask is a number (18 = SYN+ACK); tcp_flags_array names the bits in both.',
  },
  type: { ours: '{raw}.type', elastic: SAME },
  'pkt-srcaddr': { ours: '{raw}.pkt_srcaddr (ip), related.ip', elastic: SAME },
  'pkt-dstaddr': { ours: '{raw}.pkt_dstaddr (ip), related.ip', elastic: SAME },
  region: { ours: 'cloud.region, {raw}.region', elastic: SAME },
  'az-id': { ours: 'cloud.availability_zone, {raw}.az_id', elastic: SAME },
  'sublocation-type': {
    ours: '{raw}.sublocation_type',
    elastic: 'aws.vpcflow.sublocation.type',
    why: RAW_SPELLING,
  },
  'sublocation-id': {
    ours: '{raw}.sublocation_id',
    elastic: 'aws.vpcflow.sublocation.id',
    why: RAW_SPELLING,
  },
  'pkt-src-aws-service': {
    ours: '{raw}.pkt_src_aws_service',
    elastic: 'aws.vpcflow.pkt_src_service',
    why: RAW_SPELLING,
  },
  'pkt-dst-aws-service': {
    ours: '{raw}.pkt_dst_aws_service',
    elastic: 'aws.vpcflow.pkt_dst_service',
    why: RAW_SPELLING,
  },
  'flow-direction': {
    ours: '{raw}.flow_direction',
    elastic: 'network.direction (ingress/egress)',
    why: 'network.direction holds the perimeter view for every record (see network.direction above); the interface view is kept here.',
  },
  'traffic-path': {
    ours: '{raw}.traffic_path (integer)',
    elastic: 'aws.vpcflow.traffic_path (keyword)',
    why: 'A code 1-8 from AWS: a number like the other codes.',
  },
  'ecs-cluster-arn': { ours: 'orchestrator.cluster.id, {raw}.ecs_cluster_arn', elastic: SAME },
  'ecs-cluster-name': {
    ours: 'orchestrator.cluster.name, orchestrator.type, {raw}.ecs_cluster_name',
    elastic: SAME,
  },
  'ecs-container-instance-arn': {
    ours: '{raw}.ecs_container_instance_arn',
    elastic: 'orchestrator.resource.name (processor also orchestrator.resource.type: container)',
    why: 'Our orchestrator.resource is the task (see orchestrator.resource.id above).',
  },
  'ecs-container-instance-id': {
    ours: '{raw}.ecs_container_instance_id',
    elastic: 'orchestrator.resource.id',
    why: 'As for ecs-container-instance-arn.',
  },
  'ecs-container-id': { ours: 'container.id, {raw}.ecs_container_id', elastic: SAME },
  'ecs-second-container-id': { ours: '{raw}.ecs_second_container_id', elastic: SAME },
  'ecs-service-name': { ours: 'service.name, {raw}.ecs_service_name', elastic: SAME },
  'ecs-task-definition-arn': { ours: '{raw}.ecs_task_definition_arn', elastic: SAME },
  'ecs-task-arn': {
    ours: 'orchestrator.resource.id, orchestrator.resource.type (task), {raw}.ecs_task_arn',
    elastic: 'aws.vpcflow.ecs_task_arn',
    why: 'See orchestrator.resource.id above.',
  },
  'ecs-task-id': {
    ours: 'orchestrator.resource.name, {raw}.ecs_task_id',
    elastic: 'aws.vpcflow.ecs_task_id',
    why: 'See orchestrator.resource.id above.',
  },
  'reject-reason': { ours: 'event.reason, {raw}.reject_reason', elastic: SAME },
  ...Object.fromEntries(
    VPC_FLOW_FIELDS_SINCE_V8.flatMap((group) => group.fields).map((name) => [
      name,
      { ours: `{raw}.${name.replace(/-/g, '_')}`, elastic: 'none', why: NEWER },
    ])
  ),
};

const TGW_ONLY: Record<string, SourceFieldParity> = {
  'resource-type': { ours: '{raw}.resource_type', elastic: 'aws.vpcflow.resource_type' },
  'tgw-id': { ours: '{raw}.tgw_id', elastic: 'aws.vpcflow.tgw_id' },
  'tgw-attachment-id': {
    ours: '{raw}.tgw_attachment_id',
    elastic: 'aws.vpcflow.tgw_attachment_id',
  },
  'tgw-src-vpc-account-id': {
    ours: '{raw}.tgw_src_vpc_account_id',
    elastic: 'aws.vpcflow.tgw_src_vpc_account_id',
  },
  'tgw-dst-vpc-account-id': {
    ours: '{raw}.tgw_dst_vpc_account_id',
    elastic: 'aws.vpcflow.tgw_dst_vpc_account_id',
  },
  'tgw-src-vpc-id': { ours: '{raw}.tgw_src_vpc_id', elastic: 'aws.vpcflow.tgw_src_vpc_id' },
  'tgw-dst-vpc-id': { ours: '{raw}.tgw_dst_vpc_id', elastic: 'aws.vpcflow.tgw_dst_vpc_id' },
  'tgw-src-subnet-id': {
    ours: '{raw}.tgw_src_subnet_id',
    elastic: 'aws.vpcflow.tgw_src_subnet_id',
  },
  'tgw-dst-subnet-id': {
    ours: '{raw}.tgw_dst_subnet_id',
    elastic: 'aws.vpcflow.tgw_dst_subnet_id',
  },
  'tgw-src-eni': { ours: '{raw}.tgw_src_eni', elastic: 'aws.vpcflow.tgw_src_eni' },
  'tgw-dst-eni': { ours: '{raw}.tgw_dst_eni', elastic: 'aws.vpcflow.tgw_dst_eni' },
  'tgw-src-az-id': { ours: '{raw}.tgw_src_az_id', elastic: 'aws.vpcflow.tgw_src_az_id' },
  'tgw-dst-az-id': { ours: '{raw}.tgw_dst_az_id', elastic: 'aws.vpcflow.tgw_dst_az_id' },
  'tgw-pair-attachment-id': {
    ours: '{raw}.tgw_pair_attachment_id',
    elastic: 'aws.vpcflow.tgw_pair_attachment_id',
  },
  'packets-lost-no-route': {
    ours: '{raw}.packets_lost_no_route (long)',
    elastic: 'aws.vpcflow.packets_lost_no_route (processor: long)',
  },
  'packets-lost-blackhole': {
    ours: '{raw}.packets_lost_blackhole (long)',
    elastic: 'aws.vpcflow.packets_lost_blackhole (processor: long)',
  },
  'packets-lost-mtu-exceeded': {
    ours: '{raw}.packets_lost_mtu_exceeded (long)',
    elastic: 'aws.vpcflow.packets_lost_mtu_exceeded (processor: long)',
  },
  'packets-lost-ttl-expired': {
    ours: '{raw}.packets_lost_ttl_expired (long)',
    elastic: 'aws.vpcflow.packets_lost_ttl_expired (processor: long)',
  },
};

const SUPERSET = 'Same ECS fields; ours also keeps the value as logged under {raw}.';
const UNDOCUMENTED =
  "Parsed by us; the integration's documented field list (as read, see Sources) has no field for it.";

/** Fills in why for entries whose difference is only that we keep more. */
function withReasons(
  fields: Record<string, SourceFieldParity>,
  reason: (entry: SourceFieldParity) => string
): Record<string, SourceFieldParity> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, entry]) => [
      name,
      entry.elastic === SAME || entry.why ? entry : { ...entry, why: reason(entry) },
    ])
  );
}

const TGW_WHY =
  'The integration indexes Transit Gateway records into its vpcflow data stream, under aws.vpcflow.*; ours have their own data stream (logs-netobs.tgwflow-*) and prefix, so VPC dashboards are not mixed with transit-gateway hops and the packets-lost counters are mapped only where they exist.';

const ALB: Record<string, SourceFieldParity> = {
  type: { ours: '{raw}.type', elastic: SAME },
  time: { ours: '@timestamp, event.end, {raw}.time', elastic: '@timestamp, event.end' },
  elb: {
    ours: '{raw}.elb',
    elastic: 'aws.elb.name',
    why: RAW_SPELLING,
  },
  client: {
    ours: 'source.ip, source.address, source.port, related.ip',
    elastic: 'source.ip, source.address, source.port',
  },
  target: {
    ours: 'destination.ip, destination.address, destination.port, related.ip',
    elastic: 'aws.elb.backend.ip, aws.elb.backend.port (keywords)',
    why: 'See destination.ip above.',
  },
  request_processing_time: {
    ours: '{raw}.request_processing_time (seconds), event.duration (sum)',
    elastic: 'aws.elb.request_processing_time.sec',
    why: RAW_SPELLING,
  },
  target_processing_time: {
    ours: '{raw}.target_processing_time (seconds), event.duration (sum)',
    elastic: 'aws.elb.backend_processing_time.sec',
    why: RAW_SPELLING,
  },
  response_processing_time: {
    ours: '{raw}.response_processing_time (seconds), event.duration (sum)',
    elastic: 'aws.elb.response_processing_time.sec',
    why: RAW_SPELLING,
  },
  elb_status_code: {
    ours: 'http.response.status_code, event.outcome, {raw}.elb_status_code',
    elastic: 'http.response.status_code, event.outcome',
  },
  target_status_code: {
    ours: '{raw}.target_status_code (integer)',
    elastic: 'aws.elb.backend.http.response.status_code',
    why: `${RAW_SPELLING} Careful when porting queries: the integration's aws.elb.target_status_code is the list (our target_status_code_list).`,
  },
  received_bytes: {
    ours: 'http.request.body.bytes, {raw}.received_bytes',
    elastic: 'http.request.body.bytes',
  },
  sent_bytes: {
    ours: 'http.response.body.bytes, {raw}.sent_bytes',
    elastic: 'http.response.body.bytes',
  },
  request: {
    ours: 'http.request.method, http.version, url.original, url.full, url.scheme, url.domain, url.port, url.path, url.query, {raw}.request',
    elastic:
      'http.request.method, http.version, url.original, url.scheme, url.domain, url.port, url.path, url.query',
    why: 'Same fields, plus url.full (see above) and the request line as logged.',
  },
  user_agent: { ours: 'user_agent.*, {raw}.user_agent', elastic: 'user_agent.*' },
  ssl_cipher: { ours: 'tls.cipher, {raw}.ssl_cipher', elastic: SAME },
  ssl_protocol: { ours: 'tls.version, tls.version_protocol, {raw}.ssl_protocol', elastic: SAME },
  target_group_arn: {
    ours: '{raw}.target_group_arn',
    elastic: 'aws.elb.target_group.arn',
    why: RAW_SPELLING,
  },
  trace_id: { ours: 'trace.id, {raw}.trace_id', elastic: SAME },
  domain_name: {
    ours: '{raw}.domain_name',
    elastic: 'destination.domain',
    why: 'Not yet in an ECS field on our side: reported as a gap below (the SNI domain the client sent).',
  },
  chosen_cert_arn: {
    ours: '{raw}.chosen_cert_arn',
    elastic: 'aws.elb.chosen_cert.arn',
    why: RAW_SPELLING,
  },
  matched_rule_priority: {
    ours: '{raw}.matched_rule_priority (integer)',
    elastic: 'aws.elb.matched_rule_priority (keyword)',
    why: 'A priority is a number (0 = default rule): ranges and sorting work.',
  },
  request_creation_time: {
    ours: 'event.start, {raw}.request_creation_time',
    elastic: 'event.start',
  },
  actions_executed: {
    ours: '{raw}.actions_executed (as logged, comma-separated)',
    elastic: 'aws.elb.action_executed (split into a list)',
    why: `${RAW_SPELLING} Match single actions with a wildcard (\`*forward*\`) on ours.`,
  },
  redirect_url: { ours: '{raw}.redirect_url', elastic: SAME },
  error_reason: {
    ours: 'event.reason, event.outcome, {raw}.error_reason',
    elastic: 'aws.elb.error.reason',
    why: 'See event.reason above.',
  },
  target_port_list: {
    ours: '{raw}.target_port_list (as logged)',
    elastic: 'aws.elb.target_port (split into a list)',
    why: RAW_SPELLING,
  },
  target_status_code_list: {
    ours: '{raw}.target_status_code_list (as logged)',
    elastic: 'aws.elb.target_status_code (split into a list)',
    why: RAW_SPELLING,
  },
  classification: {
    ours: '{raw}.classification (desync mitigation: Acceptable, Ambiguous or Severe for a request that does not comply with RFC 7230)',
    elastic: SAME,
  },
  classification_reason: {
    ours: '{raw}.classification_reason (the code saying why, e.g. SpaceInUri)',
    elastic: SAME,
  },
  conn_trace_id: {
    ours: '{raw}.conn_trace_id (TID_…: the connection the request came on; the same value is in the ALB connection log, aws.elb.conn_trace_id in logs-netobs.alb_connection-*)',
    elastic: 'none in its documented field list',
  },
  transformed_host: {
    ours: '{raw}.transformed_host (the host header after a host-header rewrite transform)',
    elastic: 'none in its documented field list',
  },
  transformed_uri: {
    ours: '{raw}.transformed_uri (the URI after a URL rewrite transform)',
    elastic: 'none in its documented field list',
  },
  request_transform_status: {
    ours: '{raw}.request_transform_status (the outcome of the rewrite transform)',
    elastic: 'none in its documented field list',
  },
};

const NLB: Record<string, SourceFieldParity> = {
  type: { ours: '{raw}.type', elastic: SAME },
  version: {
    ours: '{raw}.version',
    elastic: 'none (matched, not kept)',
    why: 'Kept: it says which NLB log format the line follows.',
  },
  time: { ours: '@timestamp, event.end, {raw}.time', elastic: '@timestamp, event.end' },
  elb: { ours: '{raw}.elb', elastic: 'aws.elb.name', why: RAW_SPELLING },
  listener: { ours: '{raw}.listener', elastic: SAME },
  client: {
    ours: 'source.ip, source.address, source.port, related.ip',
    elastic: 'source.ip, source.address, source.port',
  },
  destination: {
    ours: 'destination.ip, destination.address, destination.port, related.ip',
    elastic: 'aws.elb.backend.ip, aws.elb.backend.port (keywords)',
    why: 'See destination.ip above.',
  },
  connection_time: {
    ours: 'event.duration, {raw}.connection_time (ms)',
    elastic: 'aws.elb.connection_time.ms',
    why: RAW_SPELLING,
  },
  tls_handshake_time: {
    ours: '{raw}.tls_handshake_time (ms)',
    elastic: 'aws.elb.tls_handshake_time.ms',
    why: RAW_SPELLING,
  },
  received_bytes: {
    ours: 'source.bytes, network.bytes (sum), {raw}.received_bytes',
    elastic: 'source.bytes',
  },
  sent_bytes: {
    ours: 'destination.bytes, network.bytes (sum), {raw}.sent_bytes',
    elastic: 'destination.bytes',
  },
  incoming_tls_alert: {
    ours: 'event.outcome, event.reason, tls.established, {raw}.incoming_tls_alert',
    elastic: 'aws.elb.incoming_tls_alert',
    why: 'See event.outcome and event.reason above.',
  },
  chosen_cert_arn: {
    ours: '{raw}.chosen_cert_arn',
    elastic: 'aws.elb.chosen_cert.arn',
    why: RAW_SPELLING,
  },
  chosen_cert_serial: {
    ours: 'tls.server.x509.serial_number, {raw}.chosen_cert_serial',
    elastic: 'aws.elb.chosen_cert.serial',
    why: 'ECS has the field for the server certificate serial.',
  },
  tls_cipher: {
    ours: 'tls.cipher, {raw}.tls_cipher',
    elastic: 'tls.cipher, aws.elb.ssl_cipher',
    why: RAW_SPELLING,
  },
  tls_protocol_version: {
    ours: 'tls.version, tls.version_protocol, {raw}.tls_protocol_version',
    elastic: 'tls.version, tls.version_protocol, aws.elb.ssl_protocol',
    why: RAW_SPELLING,
  },
  tls_named_group: {
    ours: 'tls.curve, {raw}.tls_named_group',
    elastic: 'aws.elb.tls_named_group',
    why: 'See tls.curve above.',
  },
  domain_name: {
    ours: 'tls.client.server_name, {raw}.domain_name',
    elastic: 'destination.domain',
    why: 'See tls.client.server_name above.',
  },
  alpn_fe_protocol: {
    ours: 'tls.next_protocol, {raw}.alpn_fe_protocol',
    elastic: 'aws.elb.alpn_fe_protocol',
    why: 'See tls.next_protocol above.',
  },
  alpn_be_protocol: { ours: '{raw}.alpn_be_protocol', elastic: SAME },
  alpn_client_preference_list: { ours: '{raw}.alpn_client_preference_list', elastic: SAME },
  tls_connection_creation_time: {
    ours: 'event.start, {raw}.tls_connection_creation_time',
    elastic: 'aws.elb.tls_connection_creation_time',
    why: 'See event.start above.',
  },
};

const COMMON_BOOKKEEPING: ElasticOnlyField[] = [
  {
    elastic:
      'data_stream.*, event.dataset, event.module, input.type, ecs.version, agent.*, elastic_agent.*',
    from: 'derived',
    status: 'bookkeeping',
    note: 'Elastic Agent and package metadata; ours are data streams named `logs-netobs.<source>-*`.',
  },
  {
    elastic: 'event.original (with the preserve_original_event tag)',
    from: 'the line',
    status: 'covered',
    note: 'We keep event.original on lines parsed in part or not at all (tags: netobs_partial, event.kind: pipeline_error); every clean field of the line is parsed.',
  },
  {
    elastic: 'aws.s3.bucket.arn, aws.s3.metadata',
    from: 'derived',
    status: 'bookkeeping',
    note: 'We keep aws.s3.bucket.name, aws.s3.object.key and log.file.path / log.offset.',
  },
];

const GEO: ElasticOnlyField = {
  elastic: 'source.geo.*, source.as.*, destination.geo.*, destination.as.*',
  from: 'srcaddr, dstaddr (client for ELB)',
  status: 'covered',
  note: 'Set by the netobs-geo pipeline (GeoLite2 City and ASN) for public addresses; private ones get none.',
};

export const PARITY: Record<
  ParitySource,
  {
    fields: readonly string[];
    byField: Record<string, SourceFieldParity>;
    tableNote?: string;
    onlyElastic: ElasticOnlyField[];
  }
> = {
  vpcflow: {
    fields: [
      ...Object.values(VPC_FLOW_FIELDS_BY_VERSION).flat(),
      ...VPC_FLOW_FIELDS_SINCE_V8.flatMap((group) => group.fields),
    ],
    byField: FLOW,
    onlyElastic: [
      GEO,
      {
        elastic: 'network.direction: ingress / egress',
        from: 'flow-direction',
        status: 'covered',
        note: 'aws.vpcflow.flow_direction (our network.direction is the perimeter view).',
      },
      {
        elastic: 'orchestrator.resource.id / .name from the container instance',
        from: 'ecs-container-instance-id, ecs-container-instance-arn',
        status: 'covered',
        note: 'aws.vpcflow.ecs_container_instance_id / _arn (our orchestrator.resource is the task).',
      },
      {
        elastic:
          'aws.vpcflow.sublocation.type / .id, aws.vpcflow.pkt_src_service / pkt_dst_service',
        from: 'sublocation-type, sublocation-id, pkt-src-aws-service, pkt-dst-aws-service',
        status: 'covered',
        note: "aws.vpcflow.sublocation_type / sublocation_id / pkt_src_aws_service / pkt_dst_aws_service (AWS's spelling).",
      },
      ...COMMON_BOOKKEEPING,
    ],
  },
  tgwflow: {
    fields: TGW_FLOW_DEFAULT_FIELDS,
    byField: { ...FLOW, ...withReasons(TGW_ONLY, () => 'See the note above the table.') },
    tableNote: TGW_WHY,
    onlyElastic: [
      GEO,
      {
        elastic: 'aws.vpcflow.tgw_* and the other TGW raw fields',
        from: 'every Transit Gateway field',
        status: 'covered',
        note: '`aws.tgwflow.*` with the same names (see the note above the table).',
      },
      {
        elastic: 'network.direction: ingress / egress',
        from: 'flow-direction',
        status: 'covered',
        note: 'aws.tgwflow.flow_direction.',
      },
      ...COMMON_BOOKKEEPING,
    ],
  },
  alb: {
    fields: ALB_FIELDS,
    byField: withReasons(ALB, (e) => (e.elastic.startsWith('none') ? UNDOCUMENTED : SUPERSET)),
    onlyElastic: [
      GEO,
      {
        elastic: 'destination.domain',
        from: 'domain_name',
        status: 'gap',
        note: 'Only aws.elb.domain_name today. The pipeline should also set it as tls.client.server_name, like NLB (the SNI domain the client sent in the TLS hello; absent for plain HTTP), and as destination.domain for parity with the integration.',
      },
      {
        elastic: 'aws.elb.protocol (http or tcp)',
        from: 'derived',
        status: 'covered',
        note: 'aws.elb.type says more (http, https, h2, grpcs, ws, wss); tcp only applies to Classic and NLB lines.',
      },
      {
        elastic: 'aws.elb.backend.http.response.status_code',
        from: 'target_status_code',
        status: 'covered',
        note: 'aws.elb.target_status_code.',
      },
      {
        elastic: 'cloud.region',
        from: 'the input configuration (not the log line)',
        status: 'gap',
        note: 'The S3 key names the account and Region (`AWSLogs/<account>/elasticloadbalancing/<region>/…`): the pipeline could set cloud.account.id and cloud.region from it, as the ALB connection-log pipeline does.',
      },
      ...COMMON_BOOKKEEPING,
    ],
  },
  nlb: {
    fields: NLB_FIELDS,
    byField: withReasons(NLB, (e) => (e.elastic.startsWith('none') ? UNDOCUMENTED : SUPERSET)),
    onlyElastic: [
      GEO,
      {
        elastic: 'destination.domain',
        from: 'domain_name',
        status: 'covered',
        note: 'tls.client.server_name (and aws.elb.domain_name); setting destination.domain too would only add a copy for ported queries.',
      },
      {
        elastic: 'aws.elb.protocol (tcp)',
        from: 'derived',
        status: 'covered',
        note: 'aws.elb.type (tls).',
      },
      {
        elastic: 'cloud.region',
        from: 'the input configuration (not the log line)',
        status: 'gap',
        note: 'As for ALB: cloud.account.id and cloud.region could come from the S3 key.',
      },
      ...COMMON_BOOKKEEPING,
    ],
  },
};

/** The pages the facts above come from. */
export const PARITY_SOURCES: { title: string; url: string }[] = [
  {
    title:
      'Elastic AWS integration, VPC Flow Logs data stream: exported fields (source of the published page)',
    url: 'https://github.com/elastic/integrations/blob/main/packages/aws/docs/vpcflow.md',
  },
  {
    title:
      'Elastic AWS integration, vpcflow field definitions and sample events (v5, v8, Transit Gateway)',
    url: 'https://github.com/elastic/integrations/tree/main/packages/aws/data_stream/vpcflow',
  },
  {
    title: 'Elastic AWS integration, ELB logs: exported fields',
    url: 'https://www.elastic.co/docs/current/integrations/aws/elb',
  },
  {
    title: 'Elastic AWS integration, elb_logs field definitions and sample event',
    url: 'https://github.com/elastic/integrations/tree/main/packages/aws/data_stream/elb_logs',
  },
  {
    title: 'Filebeat parse_aws_vpc_flow_log processor (documents v2-v5 and their ECS fields)',
    url: 'https://www.elastic.co/docs/reference/beats/filebeat/processor-parse-aws-vpc-flow-log',
  },
  {
    title:
      "The processor's field table, including the v6 (Transit Gateway), v7 (ECS) and v8 mappings",
    url: 'https://github.com/elastic/beats/blob/main/x-pack/filebeat/processors/aws_vpcflow/mapping.go',
  },
  {
    title: 'AWS: Flow log records, available fields',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html',
  },
  {
    title: 'AWS: VPC Encryption Controls (the encryption-status field)',
    url: 'https://aws.amazon.com/blogs/aws/introducing-vpc-encryption-controls-enforce-encryption-in-transit-within-and-across-vpcs-in-a-region',
  },
  {
    title:
      'AWS: flow-log metadata fields of June 2026 (next hop, interface type, EC2 tags; records of version 11), as tried out by Classmethod',
    url: 'https://dev.classmethod.jp/en/articles/vpc-flow-logs-next-hop-ec2-tag-metadata/',
  },
  {
    title: 'AWS: Access logs for your Application Load Balancer',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html',
  },
  {
    title: 'AWS: Access logs for your Network Load Balancer',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html',
  },
];
