import type { ConnectionAggregations, ConnectionTimeline, EvidenceRow } from './connection';
import {
  buildConnectionSearch,
  checkConnectionRange,
  checkConnectionRequest,
  connectionKql,
  directionQueries,
  interpretConnection,
  readEvidence,
  readTimeline,
} from './connection';

const PAIR = { a: '10.0.2.21', b: '10.0.3.7', port: 6379 };
const BODY = { ...PAIR, from: 'now-1h', to: 'now' };
const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 1, 14, 0);

describe('checkConnectionRequest', () => {
  test('accepts a pair, a port and an optional protocol; trims the addresses', () => {
    expect(checkConnectionRequest({ ...BODY, a: ' 10.0.2.21 ', protocol: 'tcp' })).toEqual({
      ok: true,
      value: { ...BODY, protocol: 'tcp' },
    });
    expect(checkConnectionRequest({ ...BODY, b: 'fd00::7', protocol: 17 }).ok).toBe(true);
  });

  test.each([
    [{ ...BODY, a: 'web-1' }, 'a', 'expected an IPv4 or IPv6 address'],
    [{ ...BODY, b: '10.0.0.0/8' }, 'b', 'got "10.0.0.0/8"'],
    [{ ...BODY, b: '10.0.3.256' }, 'b', 'expected an IPv4'],
    [{ ...BODY, port: 65536 }, 'port', 'from 0 to 65535, got 65536'],
    [{ ...BODY, port: -1 }, 'port', 'got -1'],
    [{ ...BODY, port: 80.5 }, 'port', 'got 80.5'],
    [{ ...BODY, port: '443' }, 'port', 'got "443"'],
    [{ ...BODY, protocol: 'icmp' }, 'protocol', 'expected tcp, udp'],
    [{ ...BODY, protocol: 256 }, 'protocol', 'got 256'],
    [{ ...BODY, from: '' }, 'from', 'ISO 8601'],
    [{ ...BODY, colour: 'red' }, 'colour', 'definition for this key is missing'],
    [{ a: PAIR.a, port: 1, from: 'now-1h', to: 'now' }, 'b', 'expected a value'],
    [[], 'body', 'expected an object'],
  ])('refuses %j naming %s', (body, field, message) => {
    const checked = checkConnectionRequest(body);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.field).toBe(field);
      expect(checked.message).toContain(message);
    }
  });
});

test('checkConnectionRange refuses empty, reversed and too long ranges', () => {
  expect(checkConnectionRange(T0, T0)).toContain('empty');
  expect(checkConnectionRange(T0, T0 - 1)).toContain('empty');
  expect(checkConnectionRange(T0, T0 + 91 * 24 * 60 * MIN)).toContain('longer than 90 days');
  expect(checkConnectionRange(T0, T0 + 90 * 24 * 60 * MIN)).toBeUndefined();
});

test('the two directions: a → b:port, and b:port → a on any port of a', () => {
  const { request, reply } = directionQueries({ ...PAIR, protocol: 'tcp' });
  expect(request).toEqual({
    bool: {
      filter: [
        { term: { 'source.ip': PAIR.a } },
        { term: { 'destination.ip': PAIR.b } },
        { term: { 'destination.port': 6379 } },
        { term: { 'network.iana_number': '6' } },
      ],
    },
  });
  expect(reply).toEqual({
    bool: {
      filter: [
        { term: { 'source.ip': PAIR.b } },
        { term: { 'source.port': 6379 } },
        { term: { 'destination.ip': PAIR.a } },
        { term: { 'network.iana_number': '6' } },
      ],
    },
  });
  expect(connectionKql({ ...PAIR, protocol: 17 })).toBe(
    '(source.ip: "10.0.2.21" and destination.ip: "10.0.3.7" and destination.port: 6379 and network.iana_number: "17")' +
      ' or (source.ip: "10.0.3.7" and source.port: 6379 and destination.ip: "10.0.2.21" and network.iana_number: "17")'
  );
  expect(connectionKql(PAIR)).not.toContain('iana_number');
});

test('the search is aggregations only, over the range, per source, direction, interface and bucket', () => {
  const body = buildConnectionSearch(PAIR, { fromMs: T0, toMs: T0 + 60 * MIN, intervalMs: MIN });
  expect(body.size).toBe(0);
  const aggs = body.aggs as Record<string, { aggs?: Record<string, unknown> }>;
  expect(Object.keys(aggs).sort()).toEqual(['tgwflow', 'timeline', 'vpcflow']);
  const vpcRequest = aggs.vpcflow.aggs?.request as { aggs: { interfaces: { terms: unknown } } };
  expect(vpcRequest.aggs.interfaces.terms).toMatchObject({ field: 'aws.vpcflow.interface_id' });
  const tgwReply = aggs.tgwflow.aggs?.reply as { aggs: { interfaces: { terms: unknown } } };
  expect(tgwReply.aggs.interfaces.terms).toMatchObject({
    field: 'aws.tgwflow.tgw_attachment_id',
  });
  expect(JSON.stringify(body.query)).toContain(`"gte":${T0}`);
});

// --- the interpreter, on evidence shaped as the search answers -----------------------------------

function row(
  direction: 'request' | 'reply',
  iface: string,
  accepted: number,
  rejected: number
): EvidenceRow {
  return {
    direction,
    source: 'vpcflow',
    interface: iface,
    accepted,
    rejected,
    seen: 0,
    packets: accepted + rejected,
    bytes: 40 * (accepted + rejected),
    packetsLost: 0,
    firstSeen: null,
    lastSeen: null,
  };
}

/** A timeline from per-minute [request accept, request reject, reply accept, reply reject]. */
function timeline(...minutes: Array<[number, number, number, number]>): ConnectionTimeline {
  const t: ConnectionTimeline = {
    fromMs: T0,
    toMs: T0 + minutes.length * MIN,
    intervalMs: MIN,
    request: [],
    reply: [],
  };
  minutes.forEach(([qa, qr, pa, pr], i) => {
    const time = T0 + i * MIN;
    t.request.push({ time, series: 'accept', value: qa }, { time, series: 'reject', value: qr });
    t.reply.push({ time, series: 'accept', value: pa }, { time, series: 'reject', value: pr });
  });
  return t;
}

describe('interpretConnection', () => {
  test('replies rejected at one ENI while requests pass: the stateless NACL, naming the ENI', () => {
    const verdict = interpretConnection(
      PAIR,
      [
        row('request', 'eni-client', 5, 0),
        row('request', 'eni-server', 5, 0),
        row('reply', 'eni-server', 0, 5),
      ],
      timeline([2, 0, 0, 2], [3, 0, 0, 3])
    );
    expect(verdict.code).toBe('reply_rejected');
    expect(verdict.interfaces).toEqual(['eni-server']);
    expect(verdict.explanation).toContain('stateless');
    expect(verdict.explanation).toContain('return traffic on ephemeral ports 1024–65535');
    expect(verdict.explanation).toContain('die at eni-server');
  });

  test('requests rejected: names only the interfaces that rejected, and those that let them by', () => {
    const verdict = interpretConnection(
      PAIR,
      [row('request', 'eni-client', 4, 0), row('request', 'eni-server', 0, 4)],
      timeline([0, 4, 0, 0])
    );
    expect(verdict.code).toBe('request_rejected');
    expect(verdict.interfaces).toEqual(['eni-server']);
    expect(verdict.explanation).toContain('rejected at eni-server');
    expect(verdict.explanation).toContain('eni-client let the requests through');
  });

  test('both directions accepted is ok; requests without any reply say so', () => {
    const healthy = interpretConnection(
      PAIR,
      [row('request', 'eni-x', 3, 0), row('reply', 'eni-x', 3, 0)],
      timeline([3, 0, 3, 0])
    );
    expect(healthy).toMatchObject({
      code: 'ok',
      title: expect.stringContaining('both directions'),
    });
    const silent = interpretConnection(
      PAIR,
      [row('request', 'eni-x', 3, 0)],
      timeline([3, 0, 0, 0])
    );
    expect(silent.code).toBe('ok');
    expect(silent.title).toContain('no replies logged');
  });

  test('mixed over time is partial and says when it changed, in either order', () => {
    const broke = interpretConnection(
      PAIR,
      [row('request', 'eni-s', 4, 0), row('reply', 'eni-s', 2, 2)],
      timeline([1, 0, 1, 0], [1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 0, 1], [1, 0, 0, 1])
    );
    expect(broke.code).toBe('partial');
    expect(broke.changedAt).toBe(T0 + 3 * MIN);
    expect(broke.title).toBe('10.0.2.21 → 10.0.3.7:6379 stopped working at 2024-03-01 14:03 UTC');
    expect(broke.interfaces).toEqual(['eni-s']);
    const fixed = interpretConnection(
      PAIR,
      [row('request', 'eni-s', 2, 2), row('reply', 'eni-s', 2, 0)],
      timeline([0, 1, 0, 0], [0, 1, 0, 0], [1, 0, 1, 0], [1, 0, 1, 0])
    );
    expect(fixed.code).toBe('partial');
    expect(fixed.changedAt).toBe(T0 + 2 * MIN);
    expect(fixed.title).toContain('works again since 2024-03-01 14:02 UTC');
  });

  test('no flows: what it can mean, and whether flow logs exist at all', () => {
    const none = interpretConnection(PAIR, [], timeline([0, 0, 0, 0]), { vpcflow: 0, tgwflow: 0 });
    expect(none.code).toBe('no_flows');
    expect(none.explanation).toContain('no flow logs at all in this time range');
    const others = interpretConnection(PAIR, [], timeline([0, 0, 0, 0]), {
      vpcflow: 1234,
      tgwflow: 0,
    });
    expect(others.explanation).toContain('1,234 VPC flow log records');
    expect(others.explanation).toContain('never left 10.0.2.21');
  });
});

test('readEvidence and readTimeline read the aggregation answer', () => {
  const iface = (key: string, docs: number, accepted: number, rejected: number) => ({
    key,
    doc_count: docs,
    accepted: { doc_count: accepted },
    rejected: { doc_count: rejected },
    packets: { value: 10 },
    bytes: { value: 400 },
    first: { value: T0 },
    last: { value: T0 + MIN },
    lost_1: { value: 3 },
  });
  const aggs: ConnectionAggregations = {
    vpcflow: {
      doc_count: 3,
      request: { doc_count: 2, interfaces: { buckets: [iface('eni-a', 2, 2, 0)] } },
      reply: { doc_count: 1, interfaces: { buckets: [iface('eni-b', 1, 0, 1)] } },
    },
    tgwflow: {
      doc_count: 1,
      request: { doc_count: 1, interfaces: { buckets: [iface('tgw-attach-1', 1, 0, 0)] } },
      reply: { doc_count: 0, interfaces: { buckets: [] } },
    },
    timeline: {
      buckets: [
        {
          key: T0,
          doc_count: 4,
          request: { doc_count: 3, accepted: { doc_count: 2 }, rejected: { doc_count: 0 } },
          reply: { doc_count: 1, accepted: { doc_count: 0 }, rejected: { doc_count: 1 } },
        },
      ],
    },
  };
  const evidence = readEvidence(aggs);
  expect(
    evidence.map((r) => [r.direction, r.source, r.interface, r.accepted, r.rejected, r.seen])
  ).toEqual([
    ['request', 'vpcflow', 'eni-a', 2, 0, 0],
    ['request', 'tgwflow', 'tgw-attach-1', 0, 0, 1],
    ['reply', 'vpcflow', 'eni-b', 0, 1, 0],
  ]);
  expect(evidence[1].packetsLost).toBe(3);
  expect(evidence[0].firstSeen).toBe(new Date(T0).toISOString());
  const t = readTimeline(aggs, { fromMs: T0, toMs: T0 + MIN, intervalMs: MIN });
  expect(t.request).toEqual([
    { time: T0, series: 'accept', value: 2 },
    { time: T0, series: 'reject', value: 0 },
    { time: T0, series: 'seen', value: 1 },
  ]);
  expect(t.reply).toEqual([
    { time: T0, series: 'accept', value: 0 },
    { time: T0, series: 'reject', value: 1 },
  ]);
});
