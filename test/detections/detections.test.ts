// The detection catalog on real Elasticsearch over the route, on data (./data.ts) built so
// that each rule has exactly one thing to find inside background traffic that finds nothing.
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import type { Finding } from '../../common/detections';
import { esUrl, testClient } from '../support/es_env';
import {
  BASTION,
  BRUTE,
  CACHE,
  DETECTION_NAMESPACE,
  ensureDetectionData,
  EXFIL_DESTINATION,
  EXFIL_SOURCE,
  FAILING,
  FLOODED,
  FROM,
  MINUTE,
  PROBER,
  SCANNER,
  START,
  TO,
} from './data';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };

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
  await ensureDetectionData(es);
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
    index: `logs-netobs.vpcflow-${DETECTION_NAMESPACE}`,
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
