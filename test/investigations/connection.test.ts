// The connection doctor over real HTTP against real Elasticsearch, on flows built so the answer is
// known: an asymmetric network ACL (requests accepted, replies rejected at the server's ENI), a
// blocked pair, a healthy pair (also seen through a Transit Gateway attachment), a pair that
// breaks halfway through, and background noise around every pair (scanners, the same hosts on
// other ports) that must change no verdict. Parsed flows are indexed as the pipelines write them
// (`pipeline: '_none'`) into namespaces of their own, dated 2003 so no now-relative range of
// another suite sees them (this Elasticsearch build has no API to delete a data stream).
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import type { ConnectionResponse } from '../../common/investigations/connection';
import { esUrl, testClient } from '../support/es_env';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };

const WINDOW = Date.UTC(2003, 4, 6, 10, 0);
const MIN = 60_000;
const RANGE = { from: '2003-05-06T10:00:00Z', to: '2003-05-06T11:00:00Z' };

const NACL = { a: '10.20.1.10', b: '10.20.2.20', port: 6379 };
const BLOCKED = { a: '10.20.1.11', b: '10.20.2.21', port: 5432 };
const HEALTHY = { a: '10.20.1.12', b: '10.20.2.22', port: 443 };
const MIXED = { a: '10.20.1.13', b: '10.20.2.23', port: 8080 };
const TGW_ONLY = { a: '10.30.0.5', b: '10.40.0.9', port: 5432 };

interface Flow {
  source?: 'vpcflow' | 'tgwflow';
  iface: string;
  src: string;
  dst: string;
  sp: number;
  dp: number;
  minute: number;
  action?: 'accept' | 'reject';
  proto?: number;
  packets?: number;
  bytes?: number;
  lostBlackhole?: number;
}

/** A flow as the vpcflow / tgwflow pipelines write it (the fields the doctor reads). */
function doc(flow: Flow): Record<string, unknown> {
  const source = flow.source ?? 'vpcflow';
  const at = new Date(WINDOW + flow.minute * MIN);
  const proto = flow.proto ?? 6;
  const packets = flow.packets ?? 5;
  const bytes = flow.bytes ?? 400;
  return {
    '@timestamp': at.toISOString(),
    event: {
      start: at.toISOString(),
      end: new Date(at.getTime() + MIN).toISOString(),
      ...(flow.action ? { action: flow.action } : {}),
    },
    source: { ip: flow.src, port: flow.sp },
    destination: { ip: flow.dst, port: flow.dp },
    network: {
      iana_number: String(proto),
      transport: proto === 6 ? 'tcp' : 'udp',
      packets,
      bytes,
    },
    aws:
      source === 'vpcflow'
        ? { vpcflow: { interface_id: flow.iface, action: flow.action?.toUpperCase() } }
        : {
            tgwflow: {
              tgw_attachment_id: flow.iface,
              packets_lost_blackhole: flow.lostBlackhole ?? 0,
            },
          },
  };
}

/** Both ENIs log each request; the server's ENI logs each reply (to a's ephemeral port). */
function conversation(
  pair: { a: string; b: string; port: number },
  minute: number,
  request: { client: 'accept' | 'reject'; server: 'accept' | 'reject' },
  reply: 'accept' | 'reject' | undefined,
  enis: { client: string; server: string }
): Flow[] {
  const ephemeral = 49152 + minute;
  const req = { src: pair.a, dst: pair.b, sp: ephemeral, dp: pair.port, minute };
  const flows: Flow[] = [
    { ...req, iface: enis.client, action: request.client },
    { ...req, iface: enis.server, action: request.server },
  ];
  if (reply)
    flows.push({
      iface: enis.server,
      src: pair.b,
      dst: pair.a,
      sp: pair.port,
      dp: ephemeral,
      minute,
      action: reply,
      packets: 3,
      bytes: 1200,
    });
  return flows;
}

const minutes = (n: number) => Array.from({ length: n }, (_, i) => i);

function flows(): Flow[] {
  const all: Flow[] = [];
  for (const m of minutes(30)) {
    all.push(
      ...conversation(NACL, m, { client: 'accept', server: 'accept' }, 'reject', {
        client: 'eni-0nacl-client',
        server: 'eni-0nacl-server',
      }),
      ...conversation(BLOCKED, m, { client: 'accept', server: 'reject' }, undefined, {
        client: 'eni-0blocked-client',
        server: 'eni-0blocked-db',
      }),
      ...conversation(HEALTHY, m, { client: 'accept', server: 'accept' }, 'accept', {
        client: 'eni-0healthy-client',
        server: 'eni-0healthy-web',
      })
    );
  }
  // Mixed: works for the first half hour, replies rejected from 10:30 on.
  for (const m of minutes(60))
    all.push(
      ...conversation(
        MIXED,
        m,
        { client: 'accept', server: 'accept' },
        m < 30 ? 'accept' : 'reject',
        { client: 'eni-0mixed-client', server: 'eni-0mixed-server' }
      )
    );
  // Background noise: must not change any verdict.
  for (const m of minutes(60)) {
    // A scanner on the servers' ports, rejected.
    for (const pair of [NACL, BLOCKED, HEALTHY, MIXED])
      all.push({
        iface: 'eni-0noise',
        src: '203.0.113.9',
        dst: pair.b,
        sp: 40000 + m,
        dp: pair.port,
        minute: m,
        action: 'reject',
      });
    // The healthy pair's hosts on other ports, rejected both ways.
    all.push(
      {
        iface: 'eni-0healthy-web',
        src: HEALTHY.a,
        dst: HEALTHY.b,
        sp: 50000 + m,
        dp: 22,
        minute: m,
        action: 'reject',
      },
      {
        iface: 'eni-0healthy-web',
        src: HEALTHY.b,
        dst: HEALTHY.a,
        sp: 9999,
        dp: 50000 + m,
        minute: m,
        action: 'reject',
      },
      // The blocked pair's client reaching another server on the same port, accepted.
      {
        iface: 'eni-0blocked-client',
        src: BLOCKED.a,
        dst: '10.20.2.99',
        sp: 51000 + m,
        dp: BLOCKED.port,
        minute: m,
        action: 'accept',
      }
    );
  }
  // The healthy pair through a Transit Gateway attachment too; a TGW-only pair.
  for (const m of minutes(10)) {
    all.push({
      source: 'tgwflow',
      iface: 'tgw-attach-0healthy',
      src: HEALTHY.a,
      dst: HEALTHY.b,
      sp: 49152 + m,
      dp: HEALTHY.port,
      minute: m,
    });
    all.push({
      source: 'tgwflow',
      iface: 'tgw-attach-0only',
      src: TGW_ONLY.a,
      dst: TGW_ONLY.b,
      sp: 33000 + m,
      dp: TGW_ONLY.port,
      minute: m,
      lostBlackhole: m === 0 ? 4 : 0,
    });
    all.push({
      source: 'tgwflow',
      iface: 'tgw-attach-0only',
      src: TGW_ONLY.b,
      dst: TGW_ONLY.a,
      sp: TGW_ONLY.port,
      dp: 33000 + m,
      minute: m,
    });
  }
  return all;
}

async function doctor(body: unknown) {
  const response = await fetch(`${app.url}${INTERNAL_API_BASE}/connection`, {
    method: 'POST',
    headers: INTERNAL,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as ConnectionResponse & { message?: string },
  };
}

const ask = async (pair: object, extra: object = {}) => {
  const answer = await doctor({ ...pair, ...RANGE, ...extra });
  expect(answer.status).toBe(200);
  return answer.body;
};

const evidenceOf = (answer: ConnectionResponse, direction: 'request' | 'reply') =>
  answer.evidence
    .filter((row) => row.direction === direction)
    .map((row) => [row.source, row.interface, row.accepted, row.rejected, row.seen]);

beforeAll(async () => {
  app = await startAppServer({ esUrl: esUrl(), port: 0, shellDir: __dirname });
  // The templates map the fields as the product does (ip, keyword, long).
  const setup = await fetch(`${app.url}${API_BASE}/setup`, {
    method: 'POST',
    headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(setup.status).toBe(200);
  const operations = flows().flatMap((flow) => [
    { create: { _index: `logs-netobs.${flow.source ?? 'vpcflow'}-conndoctor` } },
    doc(flow),
  ]);
  const bulk = await es.bulk({ operations, pipeline: '_none', refresh: true });
  expect(bulk.errors).toBe(false);
});
afterAll(async () => {
  await app.close();
  await es.close();
});

test('asymmetric network ACL: requests accepted, replies rejected at the server ENI', async () => {
  const answer = await ask(NACL);
  expect(answer.verdict.code).toBe('reply_rejected');
  expect(answer.verdict.interfaces).toEqual(['eni-0nacl-server']);
  expect(answer.verdict.explanation).toContain('die at eni-0nacl-server');
  expect(answer.verdict.explanation).toContain('return traffic on ephemeral ports 1024–65535');
  expect(evidenceOf(answer, 'request')).toEqual([
    ['vpcflow', 'eni-0nacl-client', 30, 0, 0],
    ['vpcflow', 'eni-0nacl-server', 30, 0, 0],
  ]);
  // The scanner's flows to b:6379 are not the pair's.
  expect(evidenceOf(answer, 'reply')).toEqual([['vpcflow', 'eni-0nacl-server', 0, 30, 0]]);
  const reply = answer.evidence.find((row) => row.direction === 'reply');
  expect(reply).toMatchObject({
    packets: 90,
    bytes: 36000,
    firstSeen: '2003-05-06T10:00:00.000Z',
    lastSeen: '2003-05-06T10:29:00.000Z',
  });
  expect(answer.timeline.intervalMs).toBe(MIN);
  expect(answer.timeline.reply.filter((p) => p.series === 'reject' && p.value > 0)).toHaveLength(
    30
  );
});

test('a blocked pair names the ENI that rejects, not the one that let the requests out', async () => {
  const answer = await ask(BLOCKED, { protocol: 'tcp' });
  expect(answer.verdict.code).toBe('request_rejected');
  expect(answer.verdict.interfaces).toEqual(['eni-0blocked-db']);
  expect(answer.verdict.explanation).toContain('eni-0blocked-client let the requests through');
  expect(evidenceOf(answer, 'request')).toEqual([
    ['vpcflow', 'eni-0blocked-client', 30, 0, 0],
    ['vpcflow', 'eni-0blocked-db', 0, 30, 0],
  ]);
  expect(answer.kql).toContain('network.iana_number: "6"');
});

test('a healthy pair is ok despite rejected noise on its hosts, and shows its TGW attachment', async () => {
  const answer = await ask(HEALTHY);
  expect(answer.verdict.code).toBe('ok');
  expect(answer.verdict.title).toContain('accepted in both directions');
  expect(evidenceOf(answer, 'request')).toEqual([
    ['vpcflow', 'eni-0healthy-client', 30, 0, 0],
    ['vpcflow', 'eni-0healthy-web', 30, 0, 0],
    ['tgwflow', 'tgw-attach-0healthy', 0, 0, 10],
  ]);
  expect(evidenceOf(answer, 'reply')).toEqual([['vpcflow', 'eni-0healthy-web', 30, 0, 0]]);
  // The KQL shows exactly the counted records: Elasticsearch agrees on their number.
  const counted = answer.evidence.reduce((n, r) => n + r.accepted + r.rejected + r.seen, 0);
  const { count } = await es.count({
    index: 'logs-netobs.vpcflow-conndoctor,logs-netobs.tgwflow-conndoctor',
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: RANGE.from, lte: RANGE.to } } },
          {
            bool: {
              should: [
                {
                  bool: {
                    filter: [
                      { term: { 'source.ip': HEALTHY.a } },
                      { term: { 'destination.ip': HEALTHY.b } },
                      { term: { 'destination.port': HEALTHY.port } },
                    ],
                  },
                },
                {
                  bool: {
                    filter: [
                      { term: { 'source.ip': HEALTHY.b } },
                      { term: { 'source.port': HEALTHY.port } },
                      { term: { 'destination.ip': HEALTHY.a } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  });
  expect(counted).toBe(count);
  expect(counted).toBe(100);
});

test('a pair that breaks halfway is partial and says when it changed', async () => {
  const answer = await ask(MIXED);
  expect(answer.verdict.code).toBe('partial');
  expect(answer.verdict.changedAt).toBe(WINDOW + 30 * MIN);
  expect(answer.verdict.title).toContain('stopped working at 2003-05-06 10:30 UTC');
  expect(answer.verdict.interfaces).toEqual(['eni-0mixed-server']);
  expect(evidenceOf(answer, 'reply')).toEqual([['vpcflow', 'eni-0mixed-server', 30, 30, 0]]);
  // Before the change only, it was fine.
  const before = await ask(MIXED, { to: '2003-05-06T10:29:59Z' });
  expect(before.verdict.code).toBe('ok');
});

test('Transit Gateway flow logs alone carry a pair; lost packets are named', async () => {
  const answer = await ask(TGW_ONLY);
  expect(answer.verdict.code).toBe('ok');
  expect(evidenceOf(answer, 'request')).toEqual([['tgwflow', 'tgw-attach-0only', 0, 0, 10]]);
  expect(evidenceOf(answer, 'reply')).toEqual([['tgwflow', 'tgw-attach-0only', 0, 0, 10]]);
  expect(answer.verdict.explanation).toContain('tgw-attach-0only dropped 4 packets');
});

test('no flows: reversed roles, another protocol, an unknown pair, a range without any flow log', async () => {
  // The server is not the client: b never connects to a:6379.
  const reversed = await ask({ a: NACL.b, b: NACL.a, port: NACL.port });
  expect(reversed.verdict.code).toBe('no_flows');
  expect(reversed.flowLogsInRange?.vpcflow).toBeGreaterThan(0);
  expect(reversed.verdict.explanation).toContain('Flow logs do exist in this range');
  const udp = await ask(HEALTHY, { protocol: 'udp' });
  expect(udp.verdict.code).toBe('no_flows');
  // Addresses that never talked: other flows of the range do not count.
  const unknown = await ask({ a: '10.20.9.9', b: '10.20.9.8', port: 80 });
  expect(unknown.verdict.code).toBe('no_flows');
  const empty = await ask(NACL, { from: '1990-01-01T00:00:00Z', to: '1990-01-01T01:00:00Z' });
  expect(empty.verdict.code).toBe('no_flows');
  expect(empty.flowLogsInRange).toEqual({ vpcflow: 0, tgwflow: 0 });
  expect(empty.verdict.explanation).toContain('no flow logs at all in this time range');
});

test.each([
  [{ ...NACL, a: 'app-1', ...RANGE }, '[a]: expected an IPv4 or IPv6 address'],
  [{ ...NACL, b: '10.20.2.0/24', ...RANGE }, '[b]: expected an IPv4 or IPv6 address'],
  [{ ...NACL, port: 70000, ...RANGE }, '[port]: expected a whole number from 0 to 65535'],
  [{ ...NACL, protocol: 'icmp', ...RANGE }, '[protocol]: expected tcp, udp'],
  [{ ...NACL, from: 'yesterday', to: 'now' }, '[from]: expected an ISO 8601 time or date math'],
  [{ ...NACL, from: RANGE.to, to: RANGE.from }, '[to]: the range ends before it starts'],
  [{ ...NACL, from: RANGE.from, to: RANGE.from }, '[to]: the time range is empty'],
  [{ ...NACL, from: 'now-1y', to: 'now' }, '[to]: the time range is longer than 90 days'],
  [{ ...NACL, ...RANGE, kql: 'x' }, '[kql]: definition for this key is missing'],
])('bad input %j is a 400 naming the field', async (body, message) => {
  const answer = await doctor(body);
  expect(answer.status).toBe(400);
  expect(answer.body.message).toContain(message);
});
