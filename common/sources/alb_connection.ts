import type { LogSource } from './types';

/**
 * ALB connection-log fields in order (AWS: "Connection logs for your Application Load
 * Balancer", connection log entries). conn_trace_id came later than the others, so a line may
 * end after tls_verify_status; fields AWS appends after conn_trace_id are ignored.
 */
export const ALB_CONNECTION_FIELDS = [
  'timestamp',
  'client_ip',
  'client_port',
  'listener_port',
  'tls_protocol',
  'tls_cipher',
  'tls_handshake_latency',
  'leaf_client_cert_subject',
  'leaf_client_cert_validity',
  'leaf_client_cert_serial_number',
  'tls_verify_status',
  'conn_trace_id',
] as const;

export const ALB_CONNECTION_SOURCE: LogSource = {
  id: 'alb_connection',
  title: 'Application Load Balancer connection logs',
  recognisedBy: [
    'S3 key under /elasticloadbalancing/ (or a local path keeping that layout) whose file name starts with conn_log.',
    'a line starting with an ISO 8601 time followed by an IP address and two port numbers (the access log starts with its type, the flow log with a version)',
  ],
  defaultFormat: ALB_CONNECTION_FIELDS,
  rawPrefix: 'aws.elb.connection',
  ecsFields: [
    {
      name: '@timestamp',
      type: 'date',
      description: 'timestamp (when the connection was established or failed).',
    },
    { name: 'source.ip', type: 'ip', description: 'client_ip.' },
    { name: 'source.address', type: 'keyword', description: 'client_ip.' },
    { name: 'source.port', type: 'long', description: 'client_port.' },
    { name: 'destination.port', type: 'long', description: 'listener_port.' },
    {
      name: 'tls.version_protocol',
      type: 'keyword',
      description: 'From tls_protocol (TLSv1.2 → tls; SSLv3 → ssl).',
    },
    {
      name: 'tls.version',
      type: 'keyword',
      description: 'From tls_protocol (TLSv1.2 → 1.2, TLSv1 → 1.0).',
    },
    { name: 'tls.cipher', type: 'keyword', description: 'tls_cipher (OpenSSL name).' },
    {
      name: 'event.duration',
      type: 'long',
      description: 'tls_handshake_latency (seconds) in nanoseconds.',
    },
    {
      name: 'tls.client.subject',
      type: 'keyword',
      description: 'leaf_client_cert_subject (the distinguished name as logged).',
    },
    {
      name: 'tls.client.x509.subject.distinguished_name',
      type: 'keyword',
      description: 'leaf_client_cert_subject.',
    },
    {
      name: 'tls.client.x509.subject.common_name',
      type: 'keyword',
      description: 'The CN values of leaf_client_cert_subject.',
    },
    {
      name: 'tls.client.x509.subject.organization',
      type: 'keyword',
      description: 'The O values of leaf_client_cert_subject.',
    },
    {
      name: 'tls.client.not_before',
      type: 'date',
      description: 'NotBefore of leaf_client_cert_validity; also tls.client.x509.not_before.',
    },
    {
      name: 'tls.client.not_after',
      type: 'date',
      description: 'NotAfter of leaf_client_cert_validity; also tls.client.x509.not_after.',
    },
    { name: 'tls.client.x509.not_before', type: 'date', description: 'As tls.client.not_before.' },
    { name: 'tls.client.x509.not_after', type: 'date', description: 'As tls.client.not_after.' },
    {
      name: 'tls.client.x509.serial_number',
      type: 'keyword',
      description:
        'leaf_client_cert_serial_number, upper case without colons (as ECS asks); as logged in aws.elb.connection.leaf_client_cert_serial_number.',
    },
    {
      name: 'event.outcome',
      type: 'keyword',
      description:
        'From tls_verify_status: Success → success, Failed:<code> → failure, any other value → unknown; absent when tls_verify_status is - (no mutual TLS verification).',
    },
    {
      name: 'event.reason',
      type: 'keyword',
      description:
        'The error code of a failed tls_verify_status (Failed:ClientCertExpired → ClientCertExpired).',
    },
    {
      name: 'aws.elb.conn_trace_id',
      type: 'keyword',
      description:
        'conn_trace_id; the same field as in the ALB access logs (logs-netobs.alb-*), so a connection joins the requests it carried.',
    },
    {
      name: 'aws.elb.elb',
      type: 'keyword',
      description:
        'The load balancer (app/<name>/<id>) from the S3 key, spelled like the access log elb field; absent without a key.',
    },
    { name: 'cloud.account.id', type: 'keyword', description: 'AWS account from the S3 key.' },
    { name: 'cloud.region', type: 'keyword', description: 'Region from the S3 key.' },
    { name: 'cloud.provider', type: 'keyword', description: 'aws.' },
    { name: 'event.category', type: 'keyword', description: 'network.' },
    { name: 'event.type', type: 'keyword', description: 'connection.' },
    { name: 'related.ip', type: 'ip', description: 'client_ip.' },
  ],
};
