import type { LogSource } from './types';

const SAME = 'same';

/**
 * ALB access-log fields in order, up to the newest documented ones (request_transform_status,
 * 2025). The pipeline's split uses exactly this list; fields AWS appends later are counted in
 * aws.elb.extra_fields and never fail a line.
 */
export const ALB_FIELDS = [
  'type',
  'time',
  'elb',
  'client',
  'target',
  'request_processing_time',
  'target_processing_time',
  'response_processing_time',
  'elb_status_code',
  'target_status_code',
  'received_bytes',
  'sent_bytes',
  'request',
  'user_agent',
  'ssl_cipher',
  'ssl_protocol',
  'target_group_arn',
  'trace_id',
  'domain_name',
  'chosen_cert_arn',
  'matched_rule_priority',
  'request_creation_time',
  'actions_executed',
  'redirect_url',
  'error_reason',
  'target_port_list',
  'target_status_code_list',
  'classification',
  'classification_reason',
  'conn_trace_id',
  'transformed_host',
  'transformed_uri',
  'request_transform_status',
] as const;

export const ALB_SOURCE: LogSource = {
  id: 'alb',
  title: 'Application Load Balancer access logs',
  recognisedBy: [
    'S3 key under /elasticloadbalancing/ whose file name contains _app.',
    'a line starting with http, https, h2, grpcs, ws or wss followed by an ISO 8601 time',
  ],
  defaultFormat: ALB_FIELDS,
  rawPrefix: 'aws.elb',
  ecsFields: [
    {
      name: '@timestamp',
      type: 'date',
      description: 'time (when the response was sent).',
      elastic: SAME,
    },
    { name: 'event.start', type: 'date', description: 'request_creation_time.', elastic: SAME },
    { name: 'event.end', type: 'date', description: 'time.', elastic: SAME },
    {
      name: 'event.duration',
      type: 'long',
      description: 'Sum of the three processing times in nanoseconds; absent when any is -1.',
      elastic: 'not set: the integration keeps the three times as aws.elb.*_processing_time.sec.',
    },
    { name: 'event.kind', type: 'keyword', description: 'event.', elastic: SAME },
    {
      name: 'event.category',
      type: 'keyword',
      description: '[network, web].',
      elastic: '[web]; ours adds network so load-balancer traffic is found with the flows.',
    },
    {
      name: 'event.type',
      type: 'keyword',
      description: '[access].',
      elastic: 'not set; ECS lists access for web server access logs.',
    },
    {
      name: 'event.outcome',
      type: 'keyword',
      description: 'failure for elb_status_code >= 400 or an error_reason; success otherwise.',
      elastic:
        'same rule on the status code; ours is also failure when error_reason is set (an action failed even though a status was sent).',
    },
    {
      name: 'event.reason',
      type: 'keyword',
      description: 'error_reason.',
      elastic: 'aws.elb.error.reason only; ECS event.reason holds why the event happened.',
    },
    { name: 'source.ip', type: 'ip', description: 'client address.', elastic: SAME },
    { name: 'source.address', type: 'keyword', description: 'client address.', elastic: SAME },
    { name: 'source.port', type: 'long', description: 'client port.', elastic: SAME },
    {
      name: 'destination.ip',
      type: 'ip',
      description: 'target address.',
      elastic:
        'aws.elb.backend.ip (keyword). The target is where the load balancer sent the request: ECS destination, an ip field (CIDR queries, geo and the flow joins work on it).',
    },
    {
      name: 'destination.address',
      type: 'keyword',
      description: 'target address.',
      elastic: 'not set (see destination.ip).',
    },
    {
      name: 'destination.port',
      type: 'long',
      description: 'target port.',
      elastic: 'aws.elb.backend.port (keyword); a number in ECS destination.port here.',
    },
    { name: 'http.request.method', type: 'keyword', description: 'From request.', elastic: SAME },
    {
      name: 'http.request.body.bytes',
      type: 'long',
      description: 'received_bytes (the request as received from the client).',
      elastic: SAME,
    },
    {
      name: 'http.version',
      type: 'keyword',
      description: 'From request (1.1, 2.0); absent for malformed requests.',
      elastic: SAME,
    },
    {
      name: 'http.response.status_code',
      type: 'long',
      description: 'elb_status_code.',
      elastic: SAME,
    },
    {
      name: 'http.response.body.bytes',
      type: 'long',
      description: 'sent_bytes (the response as sent to the client).',
      elastic: SAME,
    },
    {
      name: 'url.original',
      type: 'keyword',
      description:
        'The request URL as logged: raw spaces and quotes included (the request ends at the protocol before the user agent).',
      elastic: SAME,
    },
    {
      name: 'url.full',
      type: 'keyword',
      description: 'The request URL.',
      elastic: 'not set; ALB logs the absolute URL, which is what ECS url.full holds.',
    },
    { name: 'url.scheme', type: 'keyword', description: 'http or https.', elastic: SAME },
    { name: 'url.domain', type: 'keyword', description: 'Host of the request URL.', elastic: SAME },
    { name: 'url.port', type: 'long', description: 'Port of the request URL.', elastic: SAME },
    { name: 'url.path', type: 'keyword', description: 'Path of the request URL.', elastic: SAME },
    {
      name: 'url.query',
      type: 'keyword',
      description: 'Query string without the ?.',
      elastic: SAME,
    },
    {
      name: 'user_agent.original',
      type: 'keyword',
      description: 'user_agent; parsed into user_agent.name/version/os.*/device.name.',
      elastic: SAME,
    },
    { name: 'tls.cipher', type: 'keyword', description: 'ssl_cipher.', elastic: SAME },
    {
      name: 'tls.version',
      type: 'keyword',
      description: 'From ssl_protocol (TLSv1.2 → 1.2).',
      elastic: SAME,
    },
    {
      name: 'tls.version_protocol',
      type: 'keyword',
      description: 'From ssl_protocol (tls or ssl).',
      elastic: SAME,
    },
    {
      name: 'trace.id',
      type: 'keyword',
      description: 'trace_id (X-Amzn-Trace-Id).',
      elastic: 'same (the header contents).',
    },
    {
      name: 'related.ip',
      type: 'ip',
      description: 'client and target addresses.',
      elastic: 'not set for load-balancer logs.',
    },
    { name: 'cloud.provider', type: 'keyword', description: 'aws.', elastic: SAME },
  ],
};
