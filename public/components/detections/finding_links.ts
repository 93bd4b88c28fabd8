// Where a finding leads: ATT&CK's page for its technique, the Troubleshoot page prefilled with
// the connection it concerns (a source, a destination and its port), the Scans page narrowed to
// a scanner. Pure, so the page and its tests agree on what each kind of finding offers.
import type { Finding } from '../../../common/detections';
import type { ConnectionFormValues } from '../troubleshoot/connection_params';

export function attackUrl(techniqueId: string): string {
  // Sub-techniques (T1110.001) live under their parent's path: /techniques/T1110/001/.
  return `https://attack.mitre.org/techniques/${techniqueId.replace('.', '/')}/`;
}

function firstOf(value: Finding['evidence'][string] | undefined): string | undefined {
  return Array.isArray(value) && value.length > 0 ? String(value[0]) : undefined;
}

export interface TroubleshootPrefill {
  values: Pick<ConnectionFormValues, 'a' | 'b' | 'port'>;
  /** Why these values: shown next to the link. */
  note?: string;
}

/**
 * The connection a finding concerns, for the connection doctor: its source, destination and
 * destination port. An exposed service names no source; its busiest public source stands in
 * (the connection that should not succeed). Undefined when the finding names no connection.
 */
export function troubleshootPrefill(
  finding: Pick<Finding, 'entity' | 'evidence'>
): TroubleshootPrefill | undefined {
  const b = finding.entity['destination.ip'];
  const port = finding.entity['destination.port'];
  if (b === undefined || port === undefined) return undefined;
  const source = finding.entity['source.ip'];
  const a = source !== undefined ? String(source) : firstOf(finding.evidence.topSources);
  if (a === undefined) return undefined;
  return {
    values: { a, b: String(b), port: String(port) },
    ...(source === undefined ? { note: `${a} is its busiest public source` } : {}),
  };
}

/** The scanner a port-scan finding names, for the Scans page's `?source=`. */
export function scanSourceOf(finding: Pick<Finding, 'rule' | 'entity'>): string | undefined {
  if (finding.rule !== 'port_scan') return undefined;
  const source = finding.entity['source.ip'];
  return source === undefined ? undefined : String(source);
}
