// The scan timeline: which sources touched many distinct ports of one host (a vertical scan) or
// one port of many hosts (a horizontal scan) in a time range, when they started and stopped, how
// fast they went, which ports they covered and whether anything let them in. Typed data and pure
// functions: request validation, the two Elasticsearch requests (candidates, then one detail
// search per candidate; aggregations only, basic license) and the readers of their answers.
// server/lib/analytics/scans.ts runs them as the current user.
import { isIpOrCidr, PARAM_EXPECTED } from '../queries/param_values';

/**
 * What counts as a scan. The defaults follow Zeek's scan policy (policy/misc/scan.zeek:
 * port_scan_threshold 15, addr_scan_threshold 25), counted here over the whole range.
 */
export const SCAN_THRESHOLDS = {
  /** Vertical: at least this many distinct destination ports on one host. */
  minPortsOnHost: 15,
  /** Horizontal: one destination port on at least this many distinct hosts. */
  minHostsOnPort: 25,
  /**
   * A probe is a rejected flow or one of at most this many packets: a SYN and two retries. A real
   * connection sends more (handshake, request, close), so busy clients and NAT gateways mostly
   * send flows that are not probes.
   */
  probeMaxPackets: 3,
  /** At least this share of a source's flows must be probes (a NAT gateway's are not). */
  minProbeShare: 0.5,
  /**
   * A source whose flows come from a few source ports (this share of them or more), all below
   * every destination port it sends to, is a server answering clients' ephemeral ports (a web
   * server on 443, a resolver on 53), not a scanner.
   */
  serverPortShare: 0.9,
} as const;

/** How many sources each candidate ordering (by ports, by hosts) hands to the detail step. */
export const CANDIDATE_POOL = 50;
/** The most scanners an answer lists (the most aggressive first). */
export const MAX_SCANNERS = 20;
/** The longest range searched: the per-minute series of a week is 10,080 buckets a scanner. */
export const MAX_SCAN_RANGE_DAYS = 7;
/** Past this many distinct ports, ports are listed in blocks (a histogram of 16-port steps). */
export const MAX_EXACT_PORTS = 8192;
export const COARSE_PORT_STEP = 16;
/** Rows of the "what answered" table: ports, and hosts under each. */
export const ANSWERED_PORTS = 50;
export const ANSWERED_HOSTS_PER_PORT = 10;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The flow fields the scan timeline reads (VPC flow logs, parsed to ECS). */
export const SCAN_FIELDS = {
  time: '@timestamp',
  source: 'source.ip',
  sourcePort: 'source.port',
  destination: 'destination.ip',
  port: 'destination.port',
  packets: 'network.packets',
  action: 'event.action',
} as const;

export interface ScansRequest {
  /** ISO 8601 or date math, as the time picker writes them. */
  from: string;
  to: string;
  /** Only this source (an address or a CIDR block). */
  source?: string;
}

export interface ScanMinute {
  /** Epoch ms of the minute's start. */
  time: number;
  accepted: number;
  rejected: number;
}

/** A port that let the scanner in, and the hosts where it did. */
export interface ScanAnswer {
  port: number;
  flows: number;
  hosts: { ip: string; flows: number }[];
  /** Hosts beyond those listed. */
  moreHosts: number;
}

export type ScanKind = 'vertical' | 'horizontal';

export interface Scanner {
  source: string;
  kinds: ScanKind[];
  /** Epoch ms of the first and last flow (their start times). */
  firstSeen: number;
  lastSeen: number;
  durationMs: number;
  flows: number;
  acceptedFlows: number;
  /** acceptedFlows / flows, 0 to 1. */
  acceptedShare: number;
  peak: { flowsPerMinute: number; minute: number };
  /** Distinct destination ports and hosts. */
  ports: number;
  hosts: number;
  /** The host probed on the most ports, and the port probed on the most hosts. */
  busiestHost: { ip: string; ports: number };
  busiestPort: { port: number; hosts: number };
  /** "1-1024, 3389": the ports covered; in blocks of portStep when portStep > 1. */
  portRanges: string;
  portStep: number;
  /** Accepted flows by port and host: what answered (the flow log's ACCEPT: nothing blocked it). */
  answered: { ports: number; hosts: number; rows: ScanAnswer[] };
  /** One point per minute from the first to the last flow. */
  series: ScanMinute[];
  /** KQL of the scanner's flows, for Discover. */
  kql: string;
}

export interface ScansResponse {
  fromMs: number;
  toMs: number;
  thresholds: typeof SCAN_THRESHOLDS;
  /** Sources that looked like scanners at first sight and were examined. */
  examined: number;
  scanners: Scanner[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Why `source` is not an address or CIDR block, or undefined. */
export function checkScanSource(source: string | undefined): string | undefined {
  if (source === undefined || isIpOrCidr(source.trim())) return undefined;
  const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
  return `expected ${PARAM_EXPECTED.ip}, got "${shown}"`;
}

/** Why a resolved range cannot be searched for scans (empty, or longer than a week), or undefined. */
export function checkScanRange(fromMs: number, toMs: number): FieldProblem | undefined {
  if (toMs <= fromMs)
    return { field: 'to', message: 'the range is empty: it ends where it starts' };
  if (toMs - fromMs > MAX_SCAN_RANGE_DAYS * DAY)
    return {
      field: 'from',
      message: `the range spans ${Math.round((toMs - fromMs) / DAY)} days; scans are searched over at most ${MAX_SCAN_RANGE_DAYS} days, choose a shorter range`,
    };
  return undefined;
}

type Query = Record<string, unknown>;

/** Flows that look like probes: rejected, or too few packets to be a conversation. */
export function probeQuery(): Query {
  return {
    bool: {
      should: [
        { term: { [SCAN_FIELDS.action]: 'reject' } },
        { range: { [SCAN_FIELDS.packets]: { lte: SCAN_THRESHOLDS.probeMaxPackets } } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** The query clause of one source, or of a CIDR block. */
export function sourceQuery(source: string): Query {
  return { term: { [SCAN_FIELDS.source]: source.trim() } };
}

const candidateOrdering = (by: 'ports' | 'hosts') => ({
  terms: {
    field: SCAN_FIELDS.source,
    size: CANDIDATE_POOL,
    shard_size: CANDIDATE_POOL * 4,
    order: { [by]: 'desc' },
    // Only the ordering cardinality is computed for every source; the rest for the pool only.
    collect_mode: 'breadth_first',
  },
  aggs: {
    // Enough precision to compare with the thresholds, for every source in the range. Hashing
    // values directly: with ordinals, the hosts ordering over 1M flows took 2.8 s instead of 0.3.
    ports: {
      cardinality: { field: SCAN_FIELDS.port, precision_threshold: 200, execution_hint: 'direct' },
    },
    hosts: {
      cardinality: {
        field: SCAN_FIELDS.destination,
        precision_threshold: 200,
        execution_hint: 'direct',
      },
    },
    source_ports: { terms: { field: SCAN_FIELDS.sourcePort, size: 3 } },
    lowest_port: { min: { field: SCAN_FIELDS.port } },
  },
});

/**
 * Step 1, over probe flows only (the caller filters): the sources with the most distinct
 * destination ports, and those with the most distinct destination hosts.
 */
export function candidateAggs(): Record<string, unknown> {
  return { by_ports: candidateOrdering('ports'), by_hosts: candidateOrdering('hosts') };
}

export interface Candidate {
  source: string;
  /** Probe flows, and their distinct destination ports and hosts (approximate past 200). */
  probes: number;
  ports: number;
  hosts: number;
  /** The busiest source ports and their flows, and the lowest destination port. */
  sourcePorts: { port: number; flows: number }[];
  lowestPort: number | null;
}

interface TermsBucket {
  key: string | number;
  doc_count: number;
  [sub: string]: unknown;
}
interface CandidateAggsResult {
  by_ports?: { buckets: TermsBucket[] };
  by_hosts?: { buckets: TermsBucket[] };
}

const value = (agg: unknown): number | null => {
  const v = (agg as { value?: number | null } | undefined)?.value;
  return typeof v === 'number' ? v : null;
};

function readCandidate(bucket: TermsBucket): Candidate {
  const sourcePorts = ((bucket.source_ports as { buckets?: TermsBucket[] })?.buckets ?? []).map(
    (b) => ({ port: Number(b.key), flows: b.doc_count })
  );
  return {
    source: String(bucket.key),
    probes: bucket.doc_count,
    ports: value(bucket.ports) ?? 0,
    hosts: value(bucket.hosts) ?? 0,
    sourcePorts,
    lowestPort: value(bucket.lowest_port),
  };
}

/**
 * A server answering clients: nearly all its flows leave from a few ports (its listeners), each
 * below the lowest port it sends to (the clients' ephemeral ports). A scanner sends to low
 * service ports, or from a port above them.
 */
export function isServerReplying(candidate: Candidate): boolean {
  if (candidate.lowestPort === null || candidate.sourcePorts.length === 0) return false;
  const fromListeners = candidate.sourcePorts.reduce((sum, p) => sum + p.flows, 0);
  if (fromListeners < SCAN_THRESHOLDS.serverPortShare * candidate.probes) return false;
  const lowest = candidate.lowestPort;
  return candidate.sourcePorts.every((p) => p.port < lowest);
}

/**
 * The sources worth a detailed look: those past a threshold (ports for a vertical scan, hosts
 * for a horizontal one: necessary, not sufficient) that are not servers answering clients.
 */
export function readCandidates(result: CandidateAggsResult): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const bucket of [...(result.by_ports?.buckets ?? []), ...(result.by_hosts?.buckets ?? [])]) {
    const candidate = readCandidate(bucket);
    const wide =
      candidate.ports >= SCAN_THRESHOLDS.minPortsOnHost ||
      candidate.hosts >= SCAN_THRESHOLDS.minHostsOnPort;
    if (wide && !seen.has(candidate.source) && !isServerReplying(candidate))
      seen.set(candidate.source, candidate);
  }
  return [...seen.values()];
}

/** The histogram step that lists a candidate's ports: 1, or blocks when there are very many. */
export function portStepFor(approximatePorts: number): number {
  return approximatePorts > MAX_EXACT_PORTS ? COARSE_PORT_STEP : 1;
}

/**
 * Step 2, over every flow of one candidate (the caller filters to it): its extent, its ports
 * (a histogram: sorted and exact), hosts, busiest host and port, accepted flows by port and host,
 * and flows per minute split accepted / rejected.
 */
export function detailAggs(portStep: number): Record<string, unknown> {
  const accepted = { term: { [SCAN_FIELDS.action]: 'accept' } };
  return {
    first: { min: { field: SCAN_FIELDS.time } },
    last: { max: { field: SCAN_FIELDS.time } },
    probes: { filter: probeQuery() },
    accepted: {
      filter: accepted,
      aggs: {
        ports: { cardinality: { field: SCAN_FIELDS.port } },
        hosts: { cardinality: { field: SCAN_FIELDS.destination } },
        by_port: {
          terms: { field: SCAN_FIELDS.port, size: ANSWERED_PORTS, order: { _key: 'asc' } },
          aggs: {
            hosts: { cardinality: { field: SCAN_FIELDS.destination } },
            top: { terms: { field: SCAN_FIELDS.destination, size: ANSWERED_HOSTS_PER_PORT } },
          },
        },
      },
    },
    ports: {
      histogram: { field: SCAN_FIELDS.port, interval: portStep, min_doc_count: 1 },
    },
    port_count: { cardinality: { field: SCAN_FIELDS.port, precision_threshold: 40000 } },
    hosts: { cardinality: { field: SCAN_FIELDS.destination, precision_threshold: 40000 } },
    busiest_host: {
      terms: { field: SCAN_FIELDS.destination, size: 1, order: { ports: 'desc' } },
      aggs: { ports: { cardinality: { field: SCAN_FIELDS.port } } },
    },
    busiest_port: {
      terms: { field: SCAN_FIELDS.port, size: 1, order: { hosts: 'desc' } },
      aggs: { hosts: { cardinality: { field: SCAN_FIELDS.destination } } },
    },
    per_minute: {
      date_histogram: { field: SCAN_FIELDS.time, fixed_interval: '1m', min_doc_count: 1 },
      aggs: { accepted: { filter: accepted } },
    },
  };
}

/** "1-1024, 3389": sorted distinct ports as ranges; with step > 1 each entry is a block. */
export function compactPortRanges(ports: readonly number[], step = 1): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start: number | undefined;
  let end = 0;
  const flush = () => {
    if (start === undefined) return;
    const last = Math.min(65535, end + step - 1);
    ranges.push(start === last ? String(start) : `${start}-${last}`);
  };
  for (const port of sorted) {
    if (start !== undefined && port === end + step) {
      end = port;
      continue;
    }
    flush();
    start = port;
    end = port;
  }
  flush();
  return ranges.join(', ');
}

/**
 * Minutes from the first active one to the last, the quiet ones as zeros, from the date
 * histogram's non-empty buckets (min_doc_count 1 keeps a slow scan over days small).
 */
export function fillMinutes(active: readonly ScanMinute[]): ScanMinute[] {
  if (active.length === 0) return [];
  const byTime = new Map(active.map((m) => [m.time, m]));
  const first = Math.min(...byTime.keys());
  const last = Math.max(...byTime.keys());
  const series: ScanMinute[] = [];
  for (let time = first; time <= last; time += MINUTE)
    series.push(byTime.get(time) ?? { time, accepted: 0, rejected: 0 });
  return series;
}

/** The busiest minute (the earliest of equals) and its flows. */
export function peakMinute(series: readonly ScanMinute[]): Scanner['peak'] {
  let peak = { flowsPerMinute: 0, minute: series[0]?.time ?? 0 };
  for (const m of series) {
    const flows = m.accepted + m.rejected;
    if (flows > peak.flowsPerMinute) peak = { flowsPerMinute: flows, minute: m.time };
  }
  return peak;
}

/** KQL of one source's flows (Discover, the copy button). */
export function scannerKql(source: string): string {
  return `${SCAN_FIELDS.source}: "${source}"`;
}

interface DetailBucket {
  key: number | string;
  doc_count: number;
  [sub: string]: unknown;
}
export interface DetailAggsResult {
  first?: { value: number | null };
  last?: { value: number | null };
  probes?: { doc_count: number };
  accepted?: {
    doc_count: number;
    ports?: { value: number };
    hosts?: { value: number };
    by_port?: { buckets: DetailBucket[]; sum_other_doc_count?: number };
  };
  ports?: { buckets: DetailBucket[] };
  port_count?: { value: number };
  hosts?: { value: number };
  busiest_host?: { buckets: DetailBucket[] };
  busiest_port?: { buckets: DetailBucket[] };
  per_minute?: { buckets: (DetailBucket & { accepted?: { doc_count: number } })[] };
}

function readAnswered(accepted: DetailAggsResult['accepted']): Scanner['answered'] {
  const rows = (accepted?.by_port?.buckets ?? []).map((bucket) => {
    const hosts = ((bucket.top as { buckets?: DetailBucket[] })?.buckets ?? []).map((b) => ({
      ip: String(b.key),
      flows: b.doc_count,
    }));
    const distinct = value(bucket.hosts) ?? hosts.length;
    return {
      port: Number(bucket.key),
      flows: bucket.doc_count,
      hosts,
      moreHosts: Math.max(0, distinct - hosts.length),
    };
  });
  return { ports: accepted?.ports?.value ?? 0, hosts: accepted?.hosts?.value ?? 0, rows };
}

/**
 * One candidate's detail → a Scanner, or undefined when a closer look clears it: no host probed
 * on enough ports and no port on enough hosts, or too few of its flows are probes.
 */
export function readScanner(
  source: string,
  total: number,
  result: DetailAggsResult,
  portStep: number
): Scanner | undefined {
  if (total === 0) return undefined;
  const host = result.busiest_host?.buckets[0];
  const port = result.busiest_port?.buckets[0];
  const busiestHost = { ip: String(host?.key ?? ''), ports: value(host?.ports) ?? 0 };
  const busiestPort = { port: Number(port?.key ?? 0), hosts: value(port?.hosts) ?? 0 };
  const kinds: ScanKind[] = [];
  if (busiestHost.ports >= SCAN_THRESHOLDS.minPortsOnHost) kinds.push('vertical');
  if (busiestPort.hosts >= SCAN_THRESHOLDS.minHostsOnPort) kinds.push('horizontal');
  const probeShare = (result.probes?.doc_count ?? 0) / total;
  if (kinds.length === 0 || probeShare < SCAN_THRESHOLDS.minProbeShare) return undefined;

  const series = fillMinutes(
    (result.per_minute?.buckets ?? []).map((b) => {
      const accepted = b.accepted?.doc_count ?? 0;
      return { time: Number(b.key), accepted, rejected: b.doc_count - accepted };
    })
  );
  const portKeys = (result.ports?.buckets ?? []).map((b) => Number(b.key));
  const firstSeen = result.first?.value ?? series[0]?.time ?? 0;
  const lastSeen = result.last?.value ?? firstSeen;
  const acceptedFlows = result.accepted?.doc_count ?? 0;
  return {
    source,
    kinds,
    firstSeen,
    lastSeen,
    durationMs: lastSeen - firstSeen,
    flows: total,
    acceptedFlows,
    acceptedShare: acceptedFlows / total,
    peak: peakMinute(series),
    // Exact from the histogram when it lists single ports; the cardinality when it lists blocks.
    ports: portStep === 1 ? portKeys.length : (result.port_count?.value ?? portKeys.length),
    hosts: result.hosts?.value ?? 0,
    busiestHost,
    busiestPort,
    portRanges: compactPortRanges(portKeys, portStep),
    portStep,
    answered: readAnswered(result.accepted),
    series,
    kql: scannerKql(source),
  };
}

/** The most aggressive first: highest peak rate, then the most flows, then the earliest. */
export function rankScanners(scanners: Scanner[]): Scanner[] {
  return [...scanners]
    .sort(
      (a, b) =>
        b.peak.flowsPerMinute - a.peak.flowsPerMinute ||
        b.flows - a.flows ||
        a.firstSeen - b.firstSeen
    )
    .slice(0, MAX_SCANNERS);
}
