import type { LogSource } from './types';

/** NLB TLS-listener access-log fields in order. */
export const NLB_FIELDS = [
  'type',
  'version',
  'time',
  'elb',
  'listener',
  'client',
  'destination',
  'connection_time',
  'tls_handshake_time',
  'received_bytes',
  'sent_bytes',
  'incoming_tls_alert',
  'chosen_cert_arn',
  'chosen_cert_serial',
  'tls_cipher',
  'tls_protocol_version',
  'tls_named_group',
  'domain_name',
  'alpn_fe_protocol',
  'alpn_be_protocol',
  'alpn_client_preference_list',
  'tls_connection_creation_time',
] as const;

export const NLB_SOURCE: LogSource = {
  id: 'nlb',
  title: 'Network Load Balancer (TLS) access logs',
  recognisedBy: [
    'S3 key under /elasticloadbalancing/ whose file name contains _net.',
    'a line starting with "tls" and a version number',
  ],
  defaultFormat: NLB_FIELDS,
  rawPrefix: 'aws.elb',
  ecsFields: [
    { name: '@timestamp', type: 'date', description: 'time (end of the connection).' },
    { name: 'event.start', type: 'date', description: 'tls_connection_creation_time.' },
    { name: 'event.duration', type: 'long', description: 'connection_time (ms) in nanoseconds.' },
    {
      name: 'event.outcome',
      type: 'keyword',
      description: 'failure when the TLS handshake did not complete or an alert was received.',
    },
    { name: 'source.ip', type: 'ip', description: 'client address.' },
    { name: 'source.bytes', type: 'long', description: 'received_bytes.' },
    { name: 'destination.ip', type: 'ip', description: 'destination (target) address.' },
    { name: 'destination.bytes', type: 'long', description: 'sent_bytes.' },
    { name: 'network.bytes', type: 'long', description: 'received_bytes + sent_bytes.' },
    {
      name: 'tls.version',
      type: 'keyword',
      description: 'From tls_protocol_version (tlsv12 → 1.2).',
    },
    { name: 'tls.cipher', type: 'keyword', description: 'tls_cipher.' },
    { name: 'tls.curve', type: 'keyword', description: 'tls_named_group.' },
    { name: 'tls.client.server_name', type: 'keyword', description: 'domain_name (SNI).' },
    { name: 'tls.next_protocol', type: 'keyword', description: 'alpn_fe_protocol.' },
    { name: 'tls.established', type: 'boolean', description: 'Whether the handshake completed.' },
  ],
};
