// How a finding reads for people: each entity field and each evidence figure with a label and a
// format (counts, shares as percentages, bytes, lists), per rule, since the same key means
// different things in different rules ("kind", "flows"). A key no rule here knows still shows,
// labelled from its name, so a new evidence figure is never hidden.
import type { DetectionId, Entity, Evidence, Finding } from '../../../common/detections';
import { formatBytes, formatNumber, formatPercent } from '../../lib/format';

type Format = 'count' | 'percent' | 'bytes' | 'list' | 'minutes' | 'text';

interface FigureSpec {
  label: string;
  format: Format;
  /** For `text` figures: what each value means. */
  values?: Record<string, string>;
}

export const ENTITY_LABELS: Record<string, string> = {
  'source.ip': 'Source',
  'destination.ip': 'Destination',
  'destination.port': 'Port',
};

export const EVIDENCE_LABELS: Record<DetectionId, Record<string, FigureSpec>> = {
  port_scan: {
    kind: {
      label: 'Kind of scan',
      format: 'text',
      values: {
        vertical: 'Vertical: many ports of one host',
        horizontal: 'Horizontal: one port of many hosts',
      },
    },
    flows: { label: 'Flows from the source', format: 'count' },
    distinctPorts: { label: 'Distinct destination ports', format: 'count' },
    distinctHosts: { label: 'Distinct destination hosts', format: 'count' },
    rejectedShare: { label: 'Share of its flows rejected', format: 'percent' },
    topPorts: { label: 'Most probed ports', format: 'list' },
    answeredPorts: { label: 'Ports that answered (accepted)', format: 'list' },
  },
  bruteforce: {
    attempts: { label: 'Short sessions (attempts)', format: 'count' },
    accepted: { label: 'Accepted', format: 'count' },
    rejected: { label: 'Rejected', format: 'count' },
  },
  exposed_service: {
    acceptedFlows: { label: 'Accepted flows from public addresses', format: 'count' },
    distinctPublicSources: { label: 'Distinct public addresses accepted', format: 'count' },
    topSources: { label: 'Busiest public sources', format: 'list' },
  },
  large_outbound: {
    bytes: { label: 'Bytes sent', format: 'bytes' },
    flows: { label: 'Flows carrying them', format: 'count' },
  },
  rejected_surge: {
    rejects: { label: 'Rejected flows in the surge', format: 'count' },
    peakPerBucket: { label: 'Rejected flows in the peak bucket', format: 'count' },
    baselinePerBucket: { label: 'Usual rejected flows per bucket (median)', format: 'count' },
    bucketMinutes: { label: 'Bucket size', format: 'minutes' },
    topSources: { label: 'Top sources of the rejected flows', format: 'list' },
  },
  alb_error_burst: {
    kind: {
      label: 'Errors',
      format: 'text',
      values: {
        '5xx': 'Server errors (5xx) answered for this target',
        '4xx': 'Client errors (4xx) answered to this client',
      },
    },
    requests: { label: 'Requests', format: 'count' },
    errors: { label: 'Error answers', format: 'count' },
    share: { label: 'Share of requests answered with an error', format: 'percent' },
    codes: { label: 'Status codes', format: 'list' },
    topPaths: { label: 'Top paths', format: 'list' },
  },
};

export interface LabelledValue {
  key: string;
  label: string;
  /** As shown: "1,024", "99.6%", "240 MB", "22, 80, 443". */
  text: string;
  /** The figure as the server answered it, for tests and data attributes. */
  raw: string;
}

/** "distinctPublicSources" → "Distinct public sources". */
export function labelFromKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function formatValue(value: Evidence[string], spec: FigureSpec | undefined): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'string') return spec?.values?.[value] ?? value;
  switch (spec?.format) {
    case 'percent':
      return formatPercent(value);
    case 'bytes':
      return formatBytes(value);
    case 'minutes':
      return `${formatNumber(value)} min`;
    default:
      return formatNumber(value);
  }
}

/** The finding's evidence, labelled and formatted, in the rule's order, unknown keys last. */
export function evidenceRows(finding: Pick<Finding, 'rule' | 'evidence'>): LabelledValue[] {
  const specs = EVIDENCE_LABELS[finding.rule] ?? {};
  const known = Object.keys(specs).filter((key) => key in finding.evidence);
  const others = Object.keys(finding.evidence).filter((key) => !(key in specs));
  return [...known, ...others].map((key) => {
    const value = finding.evidence[key];
    return {
      key,
      label: specs[key]?.label ?? labelFromKey(key),
      text: formatValue(value, specs[key]),
      raw: Array.isArray(value) ? value.join(',') : String(value),
    };
  });
}

/** The entity's fields, labelled ("Source", "Port"), with the ECS field name kept as the key. */
export function entityRows(entity: Entity): LabelledValue[] {
  return Object.entries(entity).map(([field, value]) => ({
    key: field,
    label: ENTITY_LABELS[field] ?? field,
    text: String(value),
    raw: String(value),
  }));
}
