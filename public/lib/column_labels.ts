// The words tables use for fields and counts: what an engineer reads, not the ECS field name
// (which stays in the Discover link's KQL and in the column's tooltip).
import type { SourceId } from '../../common/constants';

const FIELD_LABELS: Record<string, string> = {
  'source.ip': 'Source IP',
  'destination.ip': 'Destination IP',
  'destination.port': 'Destination port',
  'network.direction': 'Direction',
  'network.transport': 'Protocol',
  'network.bytes': 'Bytes',
  'url.path': 'Path',
  'user_agent.name': 'User agent',
  'tls.version': 'TLS version',
  'tls.client.server_name': 'Server name',
  'event.reason': 'Reason',
  'aws.tgwflow.tgw_attachment_id': 'Attachment',
  'aws.tgwflow.packets_lost_blackhole': 'Packets lost (blackhole)',
  'source.geo.country_name': 'Country',
  'destination.geo.country_name': 'Country',
  'source.as.organization.name': 'Network (AS organisation)',
  'destination.as.organization.name': 'Network (AS organisation)',
  'tls.client.x509.subject.distinguished_name': 'Client certificate',
  'tls.client.x509.serial_number': 'Serial number',
  'aws.elb.connection.tls_verify_status': 'Verify status',
  'event.outcome': 'Outcome',
};

/** A field's column heading; the field itself where no word is known. */
export function fieldLabel(field: string | undefined): string {
  if (!field) return 'Value';
  return FIELD_LABELS[field] ?? field;
}

/** What one document of a source is, as a count column heading. */
export const COUNT_NOUNS: Record<SourceId, string> = {
  vpcflow: 'Flows',
  tgwflow: 'Flows',
  alb: 'Requests',
  nlb: 'Connections',
  alb_connection: 'Connections',
};
