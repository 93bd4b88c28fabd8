// The detection catalog on real Elasticsearch over the route: six hours of parsed flows and ALB
// requests built so that each rule has exactly one thing to find, inside background traffic
// that must find nothing (web clients, internal database traffic, a heavy but regular outbound
// destination, internet noise against one host, healthy ALB targets and clients). The data is
// dated 2004 in a namespace of its own, so no other suite's now-relative range sees it.
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import type { Finding } from '../../common/detections';
import { esUrl, testClient } from '../support/es_env';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };
const FROM = '2004-01-01T00:00:00.000Z';
const TO = '2004-01-01T06:00:00.000Z';
const START = Date.parse(FROM);
const MINUTE = 60_000;

const SCANNER = '192.0.2.200';
const SCANNED = '10.0.1.12';
const BRUTE = '203.0.113.77';
const BASTION = '10.0.1.50';
const CACHE = '10.0.3.9';
const EXFIL_SOURCE = '10.0.2.30';
const EXFIL_DESTINATION = '192.0.2.99';
const FLOODED = '10.0.1.20';
const FAILING = '10.0.1.13';
const PROBER = '198.51.100.66';

interface Flow {
  at: number;
  src: string;
  dst: string;
  port: number;
  action: 'accept' | 'reject';
  packets?: number;
  bytes?: number;
}

function flowDoc(flow: Flow) {
  return {
    '@timestamp': new Date(flow.at).toISOString(),
    source: { ip: flow.src, port: 40000 + (flow.at % 20000) },
    destination: { ip: flow.dst, port: flow.port },
    network: { transport: 'tcp', packets: flow.packets ?? 10, bytes: flow.bytes ?? 4000 },
    event: { action: flow.action },
  };
}

function albDoc(at: number, client: string, target: string, status: number, path: string) {
  return {
    '@timestamp': new Date(at).toISOString(),
    source: { ip: client },
    destination: { ip: target, port: 8080 },
    http: { response: { status_code: status } },
    url: { path },
  };
}

const publicClient = (i: number) => `198.51.100.${(i % 50) + 1}`;

function buildFlows(): Flow[] {
  const flows: Flow[] = [];
  for (let minute = 0; minute < 360; minute += 1) {
    const at = START + minute * MINUTE;
    // Background: web clients, internal database traffic, a regular heavy destination, noise.
    flows.push({ at, src: publicClient(minute), dst: '10.0.1.10', port: 443, action: 'accept' });
    flows.push({ at, src: '10.0.2.21', dst: '10.0.3.5', port: 5432, action: 'accept' });
    flows.push({
      at,
      src: '10.0.2.21',
      dst: '198.51.100.10',
      port: 443,
      action: 'accept',
      bytes: 1_000_000,
    });
    flows.push({
      at,
      src: `203.0.113.${(minute % 200) + 1}`,
      dst: '10.0.1.11',
      port: minute % 2 ? 23 : 445,
      action: 'reject',
    });
  }
  // port_scan: 200 ports on one host, spread over the six hours, all rejected.
  for (let port = 1; port <= 200; port += 1)
    flows.push({ at: START + port * 100_000, src: SCANNER, dst: SCANNED, port, action: 'reject' });
  // bruteforce: 80 short SSH sessions within an hour, two of them accepted.
  for (let i = 0; i < 80; i += 1)
    flows.push({
      at: START + 60 * MINUTE + i * 40_000,
      src: BRUTE,
      dst: BASTION,
      port: 22,
      action: i < 2 ? 'accept' : 'reject',
      packets: 12,
    });
  // exposed_service: eight public addresses accepted on the cache's Redis port.
  for (let i = 0; i < 8; i += 1)
    flows.push({
      at: START + i * 20 * MINUTE,
      src: `192.0.2.${10 + i}`,
      dst: CACHE,
      port: 6379,
      action: 'accept',
    });
  // large_outbound: three flows of 80 MB to a destination seen nowhere else.
  for (let i = 0; i < 3; i += 1)
    flows.push({
      at: START + (240 + i) * MINUTE,
      src: EXFIL_SOURCE,
      dst: EXFIL_DESTINATION,
      port: 443,
      action: 'accept',
      bytes: 80_000_000,
    });
  // rejected_surge: 500 rejected flows from 50 sources within five minutes at 03:00.
  for (let i = 0; i < 500; i += 1)
    flows.push({
      at: START + 180 * MINUTE + i * 500,
      src: `203.0.113.${(i % 50) + 1}`,
      dst: FLOODED,
      port: 80,
      action: 'reject',
    });
  return flows;
}

function buildRequests() {
  const docs = [];
  for (let minute = 0; minute < 360; minute += 1) {
    const at = START + minute * MINUTE;
    for (const target of ['10.0.1.10', '10.0.1.11'])
      docs.push(albDoc(at, publicClient(minute), target, minute % 60 === 7 ? 500 : 200, '/'));
    docs.push(
      albDoc(at, publicClient(minute + 1), '10.0.1.10', minute % 60 === 30 ? 404 : 200, '/a')
    );
    // The failing target: 200 requests, one in three a 502 or 503 in the last hours.
    if (minute < 200)
      docs.push(
        albDoc(
          at + 1000,
          publicClient(minute),
          FAILING,
          minute > 140 && minute % 2 ? 502 + (minute % 4 === 1 ? 1 : 0) : 200,
          '/api'
        )
      );
  }
  // The prober: 100 requests at 04:00, 90 of them to paths that do not exist.
  for (let i = 0; i < 100; i += 1)
    docs.push(
      albDoc(
        START + 240 * MINUTE + i * 1000,
        PROBER,
        '10.0.1.10',
        i < 90 ? 404 : 200,
        `/probe/${i}`
      )
    );
  return docs;
}

async function bulk(index: string, docs: object[]): Promise<void> {
  const operations = docs.flatMap((doc) => [{ create: { _index: index } }, doc]);
  const response = await es.bulk({ operations, pipeline: '_none', refresh: true });
  if (response.errors) throw new Error(JSON.stringify(response.items.find((i) => i.create?.error)));
}

async function detect(body: Record<string, unknown>) {
  const response = await fetch(`${app.url}${INTERNAL_API_BASE}/detections`, {
    method: 'POST',
    headers: INTERNAL,
    body: JSON.stringify({ from: FROM, to: TO, ...body }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { findings: Finding[]; message?: string },
  };
}

const entities = (findings: Finding[], rule: string) =>
  findings.filter((finding) => finding.rule === rule).map((finding) => finding.entity);

beforeAll(async () => {
  app = await startAppServer({ esUrl: esUrl(), port: 0, shellDir: __dirname });
  await fetch(`${app.url}${API_BASE}/setup`, {
    method: 'POST',
    headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    body: '{}',
  });
  // Built once per node: the data stays (this build cannot delete a data stream).
  const existing = await es.count({
    index: 'logs-netobs.vpcflow-detect',
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  if (existing.count === 0) {
    await bulk('logs-netobs.vpcflow-detect', buildFlows().map(flowDoc));
    await bulk('logs-netobs.alb-detect', buildRequests());
  }
}, 180_000);

afterAll(async () => {
  await app.close();
  await es.close();
});

test('each rule finds its one instance and nothing in the background', async () => {
  const { status, body } = await detect({});
  expect(status).toBe(200);
  const { findings } = body;
  expect(entities(findings, 'port_scan')).toEqual([{ 'source.ip': SCANNER }]);
  expect(entities(findings, 'bruteforce')).toEqual([
    { 'source.ip': BRUTE, 'destination.ip': BASTION, 'destination.port': 22 },
  ]);
  expect(entities(findings, 'exposed_service')).toEqual([
    { 'destination.ip': CACHE, 'destination.port': 6379 },
  ]);
  expect(entities(findings, 'large_outbound')).toEqual([
    { 'source.ip': EXFIL_SOURCE, 'destination.ip': EXFIL_DESTINATION },
  ]);
  expect(entities(findings, 'rejected_surge')).toEqual([{ 'destination.ip': FLOODED }]);
  expect(entities(findings, 'alb_error_burst')).toEqual(
    expect.arrayContaining([{ 'destination.ip': FAILING }, { 'source.ip': PROBER }])
  );
  expect(entities(findings, 'alb_error_burst')).toHaveLength(2);
  // Most severe first.
  const order = ['critical', 'high', 'medium', 'low'];
  const ranks = findings.map((finding) => order.indexOf(finding.severity));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
});

test('the evidence is what the data holds', async () => {
  const { findings } = (await detect({})).body;
  const find = (rule: string) => findings.find((finding) => finding.rule === rule)!;
  expect(find('port_scan').evidence).toEqual(
    expect.objectContaining({
      kind: 'vertical',
      flows: 200,
      distinctPorts: 200,
      distinctHosts: 1,
      rejectedShare: 1,
    })
  );
  expect(find('port_scan').firstSeen).toBe(new Date(START + 100_000).toISOString());
  expect(find('port_scan').lastSeen).toBe(new Date(START + 200 * 100_000).toISOString());
  expect(find('bruteforce').evidence).toEqual({ attempts: 80, accepted: 2, rejected: 78 });
  expect(find('exposed_service').evidence).toEqual(
    expect.objectContaining({ acceptedFlows: 8, distinctPublicSources: 8 })
  );
  expect(find('large_outbound').evidence).toEqual({ bytes: 240_000_000, flows: 3 });
  expect(find('large_outbound').summary).toBe('240.0 MB to 192.0.2.99 in 3 flows');
  const surge = find('rejected_surge');
  expect(surge.evidence).toEqual(expect.objectContaining({ rejects: 500, bucketMinutes: 5 }));
  expect(surge.firstSeen).toBe(new Date(START + 180 * MINUTE).toISOString());
  expect(surge.lastSeen).toBe(new Date(START + 185 * MINUTE).toISOString());
});

test("a finding's KQL counts its evidence in Elasticsearch", async () => {
  const { findings } = (await detect({ rules: ['bruteforce', 'large_outbound'] })).body;
  expect(findings.map((finding) => finding.rule).sort()).toEqual(['bruteforce', 'large_outbound']);
  const brute = findings.find((finding) => finding.rule === 'bruteforce')!;
  expect(brute.kql).toBe(
    `source.ip: "${BRUTE}" and destination.ip: "${BASTION}" and destination.port: 22 and network.packets <= 30`
  );
  const count = await es.count({
    index: 'logs-netobs.vpcflow-detect',
    query: {
      bool: {
        filter: [
          { term: { 'source.ip': BRUTE } },
          { term: { 'destination.ip': BASTION } },
          { term: { 'destination.port': 22 } },
          { range: { 'network.packets': { lte: 30 } } },
        ],
      },
    },
  });
  expect(count.count).toBe(80);
});

test('the user KQL narrows the search and joins each finding KQL', async () => {
  const { findings } = (await detect({ rules: ['port_scan'], kql: 'destination.port > 100' })).body;
  expect(findings).toHaveLength(1);
  expect(findings[0].evidence.distinctPorts).toBe(100);
  expect(findings[0].kql).toBe(`destination.port > 100 and source.ip: "${SCANNER}"`);
});

test('bad input is a 400 naming the field', async () => {
  const unknown = await detect({ rules: ['port_scan', 'nope'] });
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toMatch(/\[rules\.1\]: expected one of port_scan, .*got "nope"$/);
  const empty = await detect({ rules: [] });
  expect(empty).toEqual({
    status: 400,
    body: expect.objectContaining({
      message: '[request body]: [rules]: expected a non-empty list',
    }),
  });
  const reversed = await detect({ from: TO, to: FROM });
  expect(reversed.status).toBe(400);
});
