// The scan timeline over real HTTP against real Elasticsearch, on flows built so the answer is
// known: a vertical scan (known start, end and peak minute; one port let it in), a horizontal
// scan (one host answered), and busy but normal sources that must not be reported: a web server
// answering hundreds of clients on their ephemeral ports, a NAT gateway talking to hundreds of
// hosts (some of its flows tiny), and scattered background rejections. The flows are indexed as
// already parsed (pipeline _none) with fixed ids, dated in 2003 so no other test's range sees
// them; this build has no API to delete a data stream, and a rerun conflicts instead of adding.
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import type { Scanner, ScansResponse } from '../../common/investigations/scans';
import { esUrl, testClient } from '../support/es_env';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };
const STREAM = 'logs-netobs.vpcflow-scantest';
const MINUTE = 60_000;
const T0 = Date.parse('2003-03-03T10:00:00.000Z');
const RANGE = { from: '2003-03-03T10:00:00.000Z', to: '2003-03-03T11:00:00.000Z' };

const VERTICAL = '198.51.100.23';
const VERTICAL_TARGET = '10.20.1.10';
const HORIZONTAL = '192.0.2.200';
const WEB_SERVER = '10.20.3.10';
const NAT_GATEWAY = '10.20.0.5';

interface Flow {
  at: number;
  src: string;
  sport: number;
  dst: string;
  dport: number;
  packets: number;
  action: 'accept' | 'reject';
}

function buildFlows(): Flow[] {
  const flows: Flow[] = [];
  // Vertical: ports 1-280 on one host from 10:05, 50 / 100 / 50 / 0 / 80 a minute (the peak at
  // 10:06), all rejected, and 8080 accepted in the third minute.
  const minutes = [
    [1, 50],
    [51, 150],
    [151, 200],
    [0, -1],
    [201, 280],
  ];
  minutes.forEach(([first, last], minute) => {
    for (let port = first; port <= last; port++) {
      const at = T0 + (5 + minute) * MINUTE + ((port - first) % 60) * 1000;
      flows.push({
        at,
        src: VERTICAL,
        sport: 61000,
        dst: VERTICAL_TARGET,
        dport: port,
        packets: 1,
        action: 'reject',
      });
    }
  });
  flows.push({
    at: T0 + 7 * MINUTE + 59_000,
    src: VERTICAL,
    sport: 61000,
    dst: VERTICAL_TARGET,
    dport: 8080,
    packets: 2,
    action: 'accept',
  });
  // Horizontal: port 22 on 40 hosts over three minutes from 10:20; 10.20.2.7 lets it in.
  for (let host = 1; host <= 40; host++) {
    flows.push({
      at: T0 + 20 * MINUTE + host * 4000,
      src: HORIZONTAL,
      sport: 40000 + host,
      dst: `10.20.2.${host}`,
      dport: 22,
      packets: 2,
      action: host === 7 ? 'accept' : 'reject',
    });
  }
  // A web server answering 300 clients from 443 to their ephemeral ports (small flows), and the
  // clients' requests.
  for (let client = 0; client < 300; client++) {
    const ip = `198.18.${Math.floor(client / 200)}.${(client % 200) + 1}`;
    const at = T0 + (client % 50) * MINUTE + 7000;
    const port = 32768 + client * 7;
    flows.push({
      at,
      src: ip,
      sport: port,
      dst: WEB_SERVER,
      dport: 443,
      packets: 12,
      action: 'accept',
    });
    flows.push({
      at,
      src: WEB_SERVER,
      sport: 443,
      dst: ip,
      dport: port,
      packets: 2,
      action: 'accept',
    });
  }
  // A NAT gateway: 200 public hosts on 443 with real conversations, and 40 one-packet flows to
  // other hosts (keepalives, a failed connection): wide, but mostly not probes.
  for (let host = 0; host < 240; host++) {
    const tiny = host >= 200;
    flows.push({
      at: T0 + (host % 55) * MINUTE + 3000,
      src: NAT_GATEWAY,
      sport: 1024 + host * 13,
      dst: `203.0.${Math.floor(host / 200) + 113}.${(host % 200) + 1}`,
      dport: 443,
      packets: tiny ? 1 : 20 + (host % 30),
      action: 'accept',
    });
  }
  // Background: 60 sources rejected once or twice each on common ports.
  for (let i = 0; i < 60; i++) {
    flows.push({
      at: T0 + i * 50_000,
      src: `198.19.${i}.9`,
      sport: 50000 + i,
      dst: `10.20.4.${(i % 5) + 1}`,
      dport: [23, 445, 3389][i % 3],
      packets: 1,
      action: 'reject',
    });
  }
  return flows;
}

async function call<T>(body: unknown) {
  const response = await fetch(`${app.url}${INTERNAL_API_BASE}/scans`, {
    method: 'POST',
    headers: INTERNAL,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  app = await startAppServer({ esUrl: esUrl(), port: 0, shellDir: __dirname });
  // The templates map source.ip as an address; setup is idempotent.
  const setup = await fetch(`${app.url}${API_BASE}/setup`, {
    method: 'POST',
    headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(setup.status).toBe(200);
  const operations = buildFlows().flatMap((f, i) => [
    { create: { _index: STREAM, _id: `scan-${i}` } },
    {
      '@timestamp': new Date(f.at).toISOString(),
      source: { ip: f.src, port: f.sport },
      destination: { ip: f.dst, port: f.dport },
      network: { transport: 'tcp', packets: f.packets, bytes: f.packets * 44 },
      event: { action: f.action },
    },
  ]);
  const bulk = await es.bulk({ operations, pipeline: '_none', refresh: true });
  const failed = bulk.items.filter((item) => item.create?.error && item.create.status !== 409);
  expect(failed).toEqual([]);
}, 120_000);
afterAll(async () => {
  await app.close();
  await es.close();
});

const bySource = (scanners: Scanner[]) => Object.fromEntries(scanners.map((s) => [s.source, s]));

test('finds the vertical and the horizontal scan, and nothing else', async () => {
  const response = await call<ScansResponse>(RANGE);
  expect(response.status).toBe(200);
  expect(response.body.scanners.map((s) => s.source)).toEqual([VERTICAL, HORIZONTAL]);
  // The NAT gateway was examined (wide) and cleared; the web server never got that far.
  expect(response.body.examined).toBe(3);
});

test('the vertical scan: start, end, duration, peak minute, ports, and the port that answered', async () => {
  const { body } = await call<ScansResponse>(RANGE);
  const scan = bySource(body.scanners)[VERTICAL];
  // The last minute's flows are spread over its 60 seconds: port 260 is the latest, at :59.
  const lastAt = T0 + 9 * MINUTE + 59_000;
  expect(scan).toMatchObject({
    kinds: ['vertical'],
    firstSeen: T0 + 5 * MINUTE,
    lastSeen: lastAt,
    durationMs: lastAt - (T0 + 5 * MINUTE),
    flows: 281,
    acceptedFlows: 1,
    peak: { flowsPerMinute: 100, minute: T0 + 6 * MINUTE },
    ports: 281,
    hosts: 1,
    busiestHost: { ip: VERTICAL_TARGET, ports: 281 },
    portRanges: '1-280, 8080',
    portStep: 1,
    answered: {
      ports: 1,
      hosts: 1,
      rows: [{ port: 8080, flows: 1, hosts: [{ ip: VERTICAL_TARGET, flows: 1 }], moreHosts: 0 }],
    },
    kql: `source.ip: "${VERTICAL}"`,
  });
  expect(scan.acceptedShare).toBeCloseTo(1 / 281);
  expect(scan.series).toEqual([
    { time: T0 + 5 * MINUTE, accepted: 0, rejected: 50 },
    { time: T0 + 6 * MINUTE, accepted: 0, rejected: 100 },
    { time: T0 + 7 * MINUTE, accepted: 1, rejected: 50 },
    { time: T0 + 8 * MINUTE, accepted: 0, rejected: 0 },
    { time: T0 + 9 * MINUTE, accepted: 0, rejected: 80 },
  ]);
});

test('the horizontal scan: one port on 40 hosts, one of which answered', async () => {
  const { body } = await call<ScansResponse>(RANGE);
  const scan = bySource(body.scanners)[HORIZONTAL];
  expect(scan).toMatchObject({
    kinds: ['horizontal'],
    flows: 40,
    ports: 1,
    hosts: 40,
    portRanges: '22',
    busiestPort: { port: 22, hosts: 40 },
    acceptedFlows: 1,
    answered: { rows: [{ port: 22, flows: 1, hosts: [{ ip: '10.20.2.7', flows: 1 }] }] },
  });
  expect(scan.firstSeen).toBe(T0 + 20 * MINUTE + 4000);
  expect(scan.series.reduce((sum, m) => sum + m.accepted + m.rejected, 0)).toBe(40);
});

test('a source filter narrows to that source; a busy normal source asked for is not a scanner', async () => {
  const one = await call<ScansResponse>({ ...RANGE, source: HORIZONTAL });
  expect(one.body.scanners.map((s) => s.source)).toEqual([HORIZONTAL]);
  const cidr = await call<ScansResponse>({ ...RANGE, source: '198.51.100.0/24' });
  expect(cidr.body.scanners.map((s) => s.source)).toEqual([VERTICAL]);
  for (const normal of [WEB_SERVER, NAT_GATEWAY]) {
    const answer = await call<ScansResponse>({ ...RANGE, source: normal });
    expect(answer.status).toBe(200);
    expect(answer.body.scanners).toEqual([]);
  }
});

test('a range that misses the scans finds none', async () => {
  const before = await call<ScansResponse>({
    from: '2003-03-03T09:00:00.000Z',
    to: '2003-03-03T10:04:00.000Z',
  });
  expect(before.body.scanners).toEqual([]);
});

test.each([
  [{ ...RANGE, source: 'web-1' }, '[source]: expected an IPv4 or IPv6 address'],
  [{ ...RANGE, source: '10.0.0.0/40' }, '[source]: expected an IPv4 or IPv6 address'],
  [{ from: 'yesterday', to: 'now' }, '[from]: expected an ISO 8601 time or date math'],
  [{ from: 'now', to: 'now-1h' }, '[to]: the range ends before it starts'],
  [{ from: RANGE.from, to: RANGE.from }, '[to]: the range is empty'],
  [
    { from: 'now-30d', to: 'now' },
    '[from]: the range spans 30 days; scans are searched over at most 7 days',
  ],
  [{ ...RANGE, kql: 'x' }, '[kql]: definition for this key is missing'],
  [{ to: 'now' }, '[from]: expected a value'],
])('bad input %j is a 400 naming the field', async (body, message) => {
  const response = await call<{ message: string }>(body);
  expect(response.status).toBe(400);
  expect(response.body.message).toContain(message);
});
