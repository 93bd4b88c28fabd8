// The connection doctor: "why can't a reach b on this port?" answered from flow logs. Pure parts
// only, shared by the server, the app and the tests: the request's validation, the Elasticsearch
// request (aggregations over the VPC and Transit Gateway flow-log data streams, both directions
// of the pair, per network interface and over time) and the interpreter that turns the answer
// into a verdict a person can act on. server/lib/analytics/connection_doctor.ts runs it.
import type { SeriesPoint } from '../api_types';
import { isIpv4, isIpv6 } from '../queries/param_values';
import { kqlValue } from '../queries/render';

export const CONNECTION_PROTOCOLS = { tcp: 6, udp: 17 } as const;
export type ConnectionProtocol = keyof typeof CONNECTION_PROTOCOLS;

export interface ConnectionRequest {
  /** The client. */
  a: string;
  /** The server. */
  b: string;
  /** The server's port. */
  port: number;
  /** tcp, udp or an IANA protocol number; any protocol when absent. */
  protocol?: ConnectionProtocol | number;
  /** ISO 8601 or date math, as the time picker writes them. */
  from: string;
  to: string;
}

export type VerdictCode = 'ok' | 'request_rejected' | 'reply_rejected' | 'no_flows' | 'partial';
export type ConnectionDirection = 'request' | 'reply';
/** The flow-log sources that carry a pair: VPC Flow Logs and Transit Gateway flow logs. */
export type ConnectionSource = 'vpcflow' | 'tgwflow';
export const CONNECTION_SOURCES: readonly ConnectionSource[] = ['vpcflow', 'tgwflow'];

/** Where each source names the network interface a record was captured on. */
export const INTERFACE_FIELDS: Record<ConnectionSource, string> = {
  vpcflow: 'aws.vpcflow.interface_id',
  tgwflow: 'aws.tgwflow.tgw_attachment_id',
};
/** The interface of a record whose format leaves interface-id out (custom formats may). */
export const UNKNOWN_INTERFACE = '(not in the record)';

export interface Verdict {
  code: VerdictCode;
  title: string;
  explanation: string;
  /** The interfaces the verdict is about: those that rejected (request/reply_rejected, partial). */
  interfaces?: string[];
  /** partial: when the connection last changed between working and failing (epoch ms). */
  changedAt?: number;
}

export interface EvidenceRow {
  direction: ConnectionDirection;
  source: ConnectionSource;
  /** The ENI (VPC) or the attachment (Transit Gateway) that logged the flows. */
  interface: string;
  accepted: number;
  rejected: number;
  /** Transit Gateway records carry no action: flows seen passing through the attachment. */
  seen: number;
  packets: number;
  bytes: number;
  /** Transit Gateway: packets lost (no route, blackhole, MTU, TTL). */
  packetsLost: number;
  /** ISO 8601 start of the first and of the last record. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface ConnectionTimeline {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  /** Series accept / reject (and seen, for Transit Gateway records) per bucket. */
  request: SeriesPoint[];
  reply: SeriesPoint[];
}

export interface ConnectionResponse {
  request: {
    a: string;
    b: string;
    port: number;
    protocol?: number;
    from: string;
    to: string;
  };
  verdict: Verdict;
  evidence: EvidenceRow[];
  timeline: ConnectionTimeline;
  /** The pair's flows in both directions, for Discover (data view of every source). */
  kql: string;
  /** no_flows: how many flow-log records each source holds in the range at all. */
  flowLogsInRange?: Record<ConnectionSource, number>;
}

// --- validation ---------------------------------------------------------------------------------

/** The longest range a search may cover: past it every flow of months is read for one pair. */
export const MAX_CONNECTION_RANGE_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const ADDRESS_EXPECTED = 'an IPv4 or IPv6 address such as 10.0.1.20';
const FIELDS = ['a', 'b', 'port', 'protocol', 'from', 'to'] as const;

/** A value as the message quotes it: strings in double quotes, anything else as JSON. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

/** The IANA number of a protocol as the request names it (tcp, udp or 0–255). */
export function protocolNumber(protocol: ConnectionProtocol | number): number {
  return typeof protocol === 'number' ? protocol : CONNECTION_PROTOCOLS[protocol];
}

/**
 * Checks a request body: exactly the known keys; a and b single addresses (not CIDR ranges: the
 * doctor follows one pair); a whole port 0–65535; protocol tcp, udp or 0–255; from and to
 * strings (their date math is read on the server). Every problem names its field.
 */
export function checkConnectionRequest(body: unknown): Checked<ConnectionRequest> {
  const fail = (field: string, message: string) => ({ ok: false as const, field, message });
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return fail('body', 'expected an object');
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key))
      return fail(key, 'definition for this key is missing');
  }
  for (const field of ['a', 'b'] as const) {
    const value = input[field];
    if (value === undefined) return fail(field, 'expected a value but got undefined');
    if (typeof value !== 'string' || !(isIpv4(value.trim()) || isIpv6(value.trim())))
      return fail(field, `expected ${ADDRESS_EXPECTED}, got ${shown(value)}`);
  }
  const port = input.port;
  if (port === undefined) return fail('port', 'expected a value but got undefined');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535)
    return fail('port', `expected a whole number from 0 to 65535, got ${shown(port)}`);
  const protocol = input.protocol;
  if (
    protocol !== undefined &&
    !(typeof protocol === 'string' && Object.hasOwn(CONNECTION_PROTOCOLS, protocol)) &&
    !(
      typeof protocol === 'number' &&
      Number.isInteger(protocol) &&
      protocol >= 0 &&
      protocol <= 255
    )
  )
    return fail('protocol', `expected tcp, udp or a protocol number 0-255, got ${shown(protocol)}`);
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value === undefined) return fail(field, 'expected a value but got undefined');
    if (typeof value !== 'string' || value.length === 0 || value.length > 100)
      return fail(field, 'expected an ISO 8601 time or date math such as now-24h');
  }
  return {
    ok: true,
    value: {
      a: (input.a as string).trim(),
      b: (input.b as string).trim(),
      port,
      ...(protocol !== undefined ? { protocol: protocol as ConnectionProtocol | number } : {}),
      from: input.from as string,
      to: input.to as string,
    },
  };
}

/** A problem with a resolved range (field `to`), or undefined: empty, or longer than the maximum. */
export function checkConnectionRange(fromMs: number, toMs: number): string | undefined {
  if (toMs <= fromMs) return 'the time range is empty: it must end after it starts';
  if (toMs - fromMs > MAX_CONNECTION_RANGE_DAYS * DAY_MS)
    return `the time range is longer than ${MAX_CONNECTION_RANGE_DAYS} days; narrow it to the days of the problem`;
  return undefined;
}

// --- the search -----------------------------------------------------------------------------------

type Query = Record<string, unknown>;
const term = (field: string, value: string | number): Query => ({ term: { [field]: value } });

/** The request direction (a → b:port) and the reply direction (b:port → a) as queries. */
export function directionQueries(
  request: Pick<ConnectionRequest, 'a' | 'b' | 'port' | 'protocol'>
): Record<ConnectionDirection, Query> {
  const protocol =
    request.protocol !== undefined
      ? [term('network.iana_number', String(protocolNumber(request.protocol)))]
      : [];
  return {
    request: {
      bool: {
        filter: [
          term('source.ip', request.a),
          term('destination.ip', request.b),
          term('destination.port', request.port),
          ...protocol,
        ],
      },
    },
    reply: {
      bool: {
        filter: [
          term('source.ip', request.b),
          term('source.port', request.port),
          term('destination.ip', request.a),
          ...protocol,
        ],
      },
    },
  };
}

/** The same pair in KQL, for Discover: exactly the records the evidence counts. */
export function connectionKql(
  request: Pick<ConnectionRequest, 'a' | 'b' | 'port' | 'protocol'>
): string {
  const protocol =
    request.protocol !== undefined
      ? ` and network.iana_number: ${kqlValue(String(protocolNumber(request.protocol)))}`
      : '';
  const a = kqlValue(request.a);
  const b = kqlValue(request.b);
  return (
    `(source.ip: ${a} and destination.ip: ${b} and destination.port: ${request.port}${protocol})` +
    ` or (source.ip: ${b} and source.port: ${request.port} and destination.ip: ${a}${protocol})`
  );
}

/** The data streams searched: VPC and Transit Gateway flow logs of the namespace. */
export function connectionIndex(namespace = '*'): string {
  return CONNECTION_SOURCES.map((source) => `logs-netobs.${source}-${namespace}`).join(',');
}

/** Selects one source's records inside a search over both (backing indices or plain indices). */
export function sourceQuery(source: ConnectionSource): Query {
  return { wildcard: { _index: { value: `*netobs.${source}-*` } } };
}

const ACTION_AGGS = {
  accepted: { filter: term('event.action', 'accept') },
  rejected: { filter: term('event.action', 'reject') },
};
const LOST_FIELDS = [
  'aws.tgwflow.packets_lost_no_route',
  'aws.tgwflow.packets_lost_blackhole',
  'aws.tgwflow.packets_lost_mtu_exceeded',
  'aws.tgwflow.packets_lost_ttl_expired',
];
/** The most interfaces listed per direction and source: a path crosses a handful. */
export const MAX_INTERFACES = 50;

function interfaceAggs(source: ConnectionSource): Query {
  const lost = source === 'tgwflow' ? LOST_FIELDS : [];
  return {
    interfaces: {
      terms: { field: INTERFACE_FIELDS[source], size: MAX_INTERFACES, missing: UNKNOWN_INTERFACE },
      aggs: {
        ...ACTION_AGGS,
        packets: { sum: { field: 'network.packets' } },
        bytes: { sum: { field: 'network.bytes' } },
        first: { min: { field: '@timestamp' } },
        last: { max: { field: '@timestamp' } },
        ...Object.fromEntries(lost.map((field, i) => [`lost_${i}`, { sum: { field } }])),
      },
    },
  };
}

/**
 * The search body (without the index): the pair in the range, per source, direction and
 * interface, and per time bucket and direction. Aggregations only.
 */
export function buildConnectionSearch(
  request: Pick<ConnectionRequest, 'a' | 'b' | 'port' | 'protocol'>,
  range: { fromMs: number; toMs: number; intervalMs: number }
): Query {
  const directions = directionQueries(request);
  const perDirection = (inner: (d: ConnectionDirection) => Query) =>
    Object.fromEntries(
      (['request', 'reply'] as const).map((d) => [d, { filter: directions[d], aggs: inner(d) }])
    );
  return {
    size: 0,
    track_total_hits: true,
    query: {
      bool: {
        filter: [
          {
            range: {
              '@timestamp': { gte: range.fromMs, lte: range.toMs, format: 'epoch_millis' },
            },
          },
          { bool: { should: [directions.request, directions.reply], minimum_should_match: 1 } },
        ],
      },
    },
    aggs: {
      ...Object.fromEntries(
        CONNECTION_SOURCES.map((source) => [
          source,
          { filter: sourceQuery(source), aggs: perDirection(() => interfaceAggs(source)) },
        ])
      ),
      timeline: {
        date_histogram: {
          field: '@timestamp',
          fixed_interval: `${range.intervalMs}ms`,
          min_doc_count: 0,
          extended_bounds: { min: range.fromMs, max: range.toMs },
        },
        aggs: perDirection(() => ACTION_AGGS),
      },
    },
  };
}

/** A search counting every flow-log record per source in the range (for no_flows). */
export function buildFlowLogPresenceSearch(range: { fromMs: number; toMs: number }): Query {
  return {
    size: 0,
    query: {
      range: { '@timestamp': { gte: range.fromMs, lte: range.toMs, format: 'epoch_millis' } },
    },
    aggs: Object.fromEntries(
      CONNECTION_SOURCES.map((source) => [source, { filter: sourceQuery(source) }])
    ),
  };
}

// --- reading the answer --------------------------------------------------------------------------

interface Count {
  doc_count: number;
}
interface Metric {
  value: number | null;
  value_as_string?: string;
}
interface InterfaceBucket extends Count {
  key: string;
  accepted: Count;
  rejected: Count;
  packets: Metric;
  bytes: Metric;
  first: Metric;
  last: Metric;
  [lost: `lost_${number}`]: Metric | undefined;
}
type DirectionResult = Count & { interfaces?: { buckets: InterfaceBucket[] } };
interface TimelineBucket extends Count {
  key: number;
  request: Count & { accepted: Count; rejected: Count };
  reply: Count & { accepted: Count; rejected: Count };
}

/** The aggregations part of the answer to buildConnectionSearch. */
export interface ConnectionAggregations {
  vpcflow?: Count & Record<ConnectionDirection, DirectionResult>;
  tgwflow?: Count & Record<ConnectionDirection, DirectionResult>;
  timeline?: { buckets: TimelineBucket[] };
}

const iso = (metric: Metric | undefined): string | null =>
  metric?.value === null || metric?.value === undefined
    ? null
    : new Date(metric.value).toISOString();

/** Evidence rows: request before reply, VPC before Transit Gateway, busiest interface first. */
export function readEvidence(aggs: ConnectionAggregations): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  for (const direction of ['request', 'reply'] as const) {
    for (const source of CONNECTION_SOURCES) {
      for (const bucket of aggs[source]?.[direction]?.interfaces?.buckets ?? []) {
        const accepted = bucket.accepted?.doc_count ?? 0;
        const rejected = bucket.rejected?.doc_count ?? 0;
        const lost = LOST_FIELDS.reduce(
          (sum, _field, i) => sum + Number(bucket[`lost_${i}`]?.value ?? 0),
          0
        );
        rows.push({
          direction,
          source,
          interface: String(bucket.key),
          accepted,
          rejected,
          seen: bucket.doc_count - accepted - rejected,
          packets: Number(bucket.packets?.value ?? 0),
          bytes: Number(bucket.bytes?.value ?? 0),
          packetsLost: lost,
          firstSeen: iso(bucket.first),
          lastSeen: iso(bucket.last),
        });
      }
    }
  }
  return rows;
}

/** Per-bucket counts of one direction as chart series: accept, reject and (TGW) seen. */
export function readTimeline(
  aggs: ConnectionAggregations,
  range: { fromMs: number; toMs: number; intervalMs: number }
): ConnectionTimeline {
  const timeline: ConnectionTimeline = { ...range, request: [], reply: [] };
  for (const bucket of aggs.timeline?.buckets ?? []) {
    for (const direction of ['request', 'reply'] as const) {
      const d = bucket[direction];
      const accepted = d?.accepted?.doc_count ?? 0;
      const rejected = d?.rejected?.doc_count ?? 0;
      const seen = (d?.doc_count ?? 0) - accepted - rejected;
      const time = Number(bucket.key);
      timeline[direction].push({ time, series: 'accept', value: accepted });
      timeline[direction].push({ time, series: 'reject', value: rejected });
      if (seen > 0) timeline[direction].push({ time, series: 'seen', value: seen });
    }
  }
  return timeline;
}

type BucketState = 'ok' | 'request_rejected' | 'reply_rejected';

function bucketStates(timeline: ConnectionTimeline): Array<{ time: number; state: BucketState }> {
  const byTime = new Map<number, Record<string, number>>();
  for (const direction of ['request', 'reply'] as const) {
    for (const point of timeline[direction]) {
      const counts = byTime.get(point.time) ?? {};
      counts[`${direction}_${point.series}`] = point.value;
      byTime.set(point.time, counts);
    }
  }
  const states: Array<{ time: number; state: BucketState }> = [];
  for (const [time, c] of [...byTime.entries()].sort(([x], [y]) => x - y)) {
    const total = Object.values(c).reduce((sum, n) => sum + n, 0);
    if (total === 0) continue;
    const state: BucketState =
      (c.request_reject ?? 0) > 0
        ? 'request_rejected'
        : (c.reply_reject ?? 0) > 0
          ? 'reply_rejected'
          : 'ok';
    states.push({ time, state });
  }
  return states;
}

/** "2024-03-01 14:05 UTC": the times explanations name (the app shows the same instant). */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const SOURCE_NAMES: Record<ConnectionSource, string> = {
  vpcflow: 'VPC flow log',
  tgwflow: 'Transit Gateway flow log',
};

function rejecting(evidence: EvidenceRow[], direction: ConnectionDirection): string[] {
  return [
    ...new Set(
      evidence.filter((r) => r.direction === direction && r.rejected > 0).map((r) => r.interface)
    ),
  ];
}

function sum(evidence: EvidenceRow[], pick: (row: EvidenceRow) => number): number {
  return evidence.reduce((total, row) => total + pick(row), 0);
}

function describeFailure(
  state: Exclude<BucketState, 'ok'>,
  request: Pick<ConnectionRequest, 'a' | 'b' | 'port'>,
  interfaces: string[]
): string {
  const where = interfaces.length ? list(interfaces) : 'an interface';
  return state === 'request_rejected'
    ? `${request.a}'s requests to ${request.b}:${request.port} are rejected at ${where}`
    : `${request.b}'s replies from port ${request.port} to ${request.a} are rejected at ${where}`;
}

const NACL_SENTENCE = (interfaces: string[]) =>
  `Network ACLs are stateless: return traffic needs its own rule. The network ACL of the subnet ` +
  `of ${list(interfaces)} lacks an outbound rule (on the server's subnet) or an inbound rule (on ` +
  `the client's subnet) for return traffic on ephemeral ports 1024–65535. Security groups are ` +
  `stateful and would have let the replies out; add the ephemeral-port rule to that network ACL.`;

/**
 * The verdict from the evidence and the timeline:
 * - no_flows: nothing between the pair in the range (flowLogsInRange says whether any flow log is
 *   there at all);
 * - partial: some time buckets worked (no rejection) and others failed; says when it last changed;
 * - request_rejected: requests were rejected somewhere (the interfaces that rejected them);
 * - reply_rejected: requests got through but replies were rejected (the interfaces where they die);
 * - ok: nothing was rejected in either direction.
 */
export function interpretConnection(
  request: Pick<ConnectionRequest, 'a' | 'b' | 'port'>,
  evidence: EvidenceRow[],
  timeline: ConnectionTimeline,
  flowLogsInRange?: Record<ConnectionSource, number>
): Verdict {
  const { a, b, port } = request;
  const pair = `${a} → ${b}:${port}`;
  const flows = sum(evidence, (r) => r.accepted + r.rejected + r.seen);
  if (flows === 0) {
    const present = CONNECTION_SOURCES.filter((s) => (flowLogsInRange?.[s] ?? 0) > 0);
    const presence =
      flowLogsInRange === undefined
        ? ''
        : present.length === 0
          ? ' There are no flow logs at all in this time range: check that flow logs are enabled and shipped (the Sources page shows the last record of each source), or pick a range that has data.'
          : ` Flow logs do exist in this range (${present
              .map(
                (s) => `${flowLogsInRange[s].toLocaleString('en-US')} ${SOURCE_NAMES[s]} records`
              )
              .join(', ')}), just none between this pair.`;
    return {
      code: 'no_flows',
      title: `No flows between ${a} and ${b}:${port}`,
      explanation:
        `No flow log records show ${pair} or its replies in this time range. That can mean: ` +
        `a wrong address or port (a NAT, load balancer or proxy in between shows other addresses), ` +
        `the traffic never left ${a} (DNS, a route table, or the client itself), ` +
        `or flow logs are not enabled on the interfaces it crosses.` +
        presence,
    };
  }

  const requestRejecters = rejecting(evidence, 'request');
  const replyRejecters = rejecting(evidence, 'reply');
  const states = bucketStates(timeline);
  const hasOk = states.some((s) => s.state === 'ok');
  const failing = states.filter((s) => s.state !== 'ok');

  if (hasOk && failing.length > 0) {
    let change = states[states.length - 1];
    for (let i = states.length - 1; i > 0; i--) {
      if ((states[i].state === 'ok') !== (states[i - 1].state === 'ok')) {
        change = states[i];
        break;
      }
    }
    const nowWorking = states[states.length - 1].state === 'ok';
    const failure = failing[failing.length - 1].state as Exclude<BucketState, 'ok'>;
    const rejecters = failure === 'request_rejected' ? requestRejecters : replyRejecters;
    const problem = describeFailure(failure, request, rejecters);
    return {
      code: 'partial',
      title: nowWorking
        ? `${pair} works again since ${formatUtc(change.time)}`
        : `${pair} stopped working at ${formatUtc(change.time)}`,
      explanation: nowWorking
        ? `Earlier in the range ${problem}. Since ${formatUtc(change.time)} both directions are accepted: something changed then (a security group, a network ACL, a route).`
        : `Both directions were accepted before ${formatUtc(change.time)}. Since then ${problem}: look for a change to a security group or network ACL at that time.` +
          (failure === 'reply_rejected' ? ` ${NACL_SENTENCE(rejecters)}` : ''),
      interfaces: rejecters,
      changedAt: change.time,
    };
  }

  if (requestRejecters.length > 0) {
    const accepted = evidence.filter(
      (r) => r.direction === 'request' && r.accepted > 0 && !requestRejecters.includes(r.interface)
    );
    return {
      code: 'request_rejected',
      title: `Requests ${pair} are rejected`,
      explanation:
        `${describeFailure('request_rejected', request, requestRejecters)}: a security group or a network ACL on the way ` +
        `in does not allow ${a} to reach port ${port}. ` +
        (accepted.length
          ? `${list(accepted.map((r) => r.interface))} let the requests through, so the block is at ${list(requestRejecters)}. `
          : '') +
        `Allow ${a} (or its subnet) on port ${port} in the security group of ${b}, and check the network ACL of the subnet of ${list(requestRejecters)}.`,
      interfaces: requestRejecters,
    };
  }

  if (replyRejecters.length > 0) {
    const requestsAccepted = sum(
      evidence.filter((r) => r.direction === 'request'),
      (r) => r.accepted + r.seen
    );
    return {
      code: 'reply_rejected',
      title: `Replies from ${b}:${port} to ${a} are rejected`,
      explanation:
        (requestsAccepted > 0
          ? `${a}'s requests to ${b}:${port} are accepted, but ${b}'s replies die at ${list(replyRejecters)}. `
          : `${b}'s replies from port ${port} to ${a} die at ${list(replyRejecters)}. `) +
        NACL_SENTENCE(replyRejecters),
      interfaces: replyRejecters,
    };
  }

  const replies = sum(
    evidence.filter((r) => r.direction === 'reply'),
    (r) => r.accepted + r.seen
  );
  const requests = sum(
    evidence.filter((r) => r.direction === 'request'),
    (r) => r.accepted + r.seen
  );
  const oneWay =
    replies === 0
      ? ` No replies from ${b}:${port} are logged, though: nothing answered (UDP without answers, a service that is down), or the reply path's interfaces have no flow logs.`
      : requests === 0
        ? ` No requests are logged, only replies: the interfaces on the request path may have no flow logs.`
        : '';
  const lost = evidence.filter((r) => r.packetsLost > 0);
  const drops = lost.length
    ? ` Transit Gateway attachment ${list([...new Set(lost.map((r) => r.interface))])} dropped ${sum(lost, (r) => r.packetsLost).toLocaleString('en-US')} packets of this pair (no route, blackhole route, MTU or TTL): check the Transit Gateway route table.`
    : '';
  return {
    code: 'ok',
    title:
      replies === 0
        ? `${pair}: requests accepted, no replies logged`
        : requests === 0
          ? `${pair}: replies accepted, no requests logged`
          : `${pair}: accepted in both directions`,
    explanation:
      `No flow log record of ${pair} or its replies in this range is rejected: security groups and network ACLs let this connection through. ` +
      `If the application still fails, look above the network (the service, TLS, DNS, timeouts).` +
      oneWay +
      drops,
  };
}
