// The detection catalog's types: each rule is data (what it finds, what it means, what to do,
// severity, ATT&CK technique, parameters with defaults) plus two pure functions, one building
// the aggregation request and one turning Elasticsearch's answer into findings. The runner
// (server/lib/analytics/detections.ts) adds the time range and the user's KQL and searches.
import type { SourceId } from '../constants';

export const DETECTION_IDS = [
  'port_scan',
  'bruteforce',
  'exposed_service',
  'large_outbound',
  'rejected_surge',
  'alb_error_burst',
] as const;
export type DetectionId = (typeof DETECTION_IDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AttackTechnique {
  id: string;
  name: string;
}

export interface NumberParam {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  description: string;
}

export interface PortsParam {
  kind: 'ports';
  default: number[];
  description: string;
}

export type ParamSpec = NumberParam | PortsParam;
export type ParamValue = number | number[];
export type ParamValues = Record<string, ParamValue>;

/** The searched range, resolved, and the histogram bucket size chosen for it. */
export interface DetectionWindow {
  fromMs: number;
  toMs: number;
  intervalMs: number;
}

/** What a rule adds to the runner's search: filter clauses and aggregations (size 0). */
export interface DetectionRequest {
  filter: Array<Record<string, unknown>>;
  aggs: Record<string, unknown>;
}

/** One aggregation result as Elasticsearch answers it, loosely typed for the interpreters. */
export interface AggResult {
  buckets?: AggBucket[];
  value?: number | null;
  value_as_string?: string;
  doc_count?: number;
  [sub: string]: unknown;
}

export interface AggBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  [sub: string]: unknown;
}

export type Entity = Record<string, string | number>;
export type Evidence = Record<string, string | number | string[] | number[]>;

/** What a rule's interpreter finds; the runner adds the rule's id, severity and title. */
export interface RuleFinding {
  entity: Entity;
  firstSeen: string;
  lastSeen: string;
  evidence: Evidence;
  /** One line a person reads: "1,024 ports on 4 hosts, 99.6% rejected". */
  summary: string;
  /** The documents behind the finding, as KQL (the runner joins the user's KQL to it). */
  kql: string;
}

export interface Finding extends RuleFinding {
  rule: DetectionId;
  severity: Severity;
  title: string;
}

export interface DetectionRule<P extends ParamValues = ParamValues> {
  id: DetectionId;
  title: string;
  /** What a finding means, in a sentence or two. */
  meaning: string;
  /** What to do about it. */
  response: string;
  severity: Severity;
  attack: AttackTechnique[];
  source: SourceId;
  params: { [K in keyof P]: ParamSpec };
  /**
   * Whether Kibana's built-in Elasticsearch query rule (`.es-query`) can express it, and how:
   * users of a Kibana without this plugin's rule type can recreate the rule from this.
   */
  esQuery: string;
  request(params: P, window: DetectionWindow): DetectionRequest;
  interpret(
    params: P,
    aggregations: Record<string, AggResult>,
    window: DetectionWindow
  ): RuleFinding[];
}
