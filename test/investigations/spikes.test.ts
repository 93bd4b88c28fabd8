// Explained spikes over real HTTP (the standalone router adapter) against real Elasticsearch,
// on flows built so the answer is known: noisy flat VPC traffic with one ten-minute burst from
// one source, on one interface, to one port; an ALB whose 502 burst comes from one target; and
// the negative cases: flat noisy traffic, a slow ramp, and the burst filtered out by KQL. The
// documents are indexed as already parsed (`pipeline: _none`) into a namespace of their own and
// dated in March 2003, so no other test's range sees them (this build cannot delete a data
// stream); their ids are fixed, so a second run against the same node adds nothing.
import { startAppServer } from '../../dev/app_server/server';
import { API_BASE, INTERNAL_API_BASE } from '../../common/constants';
import type { SpikesResponse } from '../../common/investigations/spikes';
import { esUrl, testClient } from '../support/es_env';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };
const PUBLIC = { 'kbn-xsrf': 'true', 'content-type': 'application/json' };
const MINUTE = 60_000;
const NAMESPACE = 'spikestest';

async function call<T>(path: string, body: unknown, headers: Record<string, string> = INTERNAL) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const spikesOf = (body: Record<string, unknown>) =>
  call<SpikesResponse & { message?: string }>(`${INTERNAL_API_BASE}/spikes`, body);

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const day = (d: number) => Date.UTC(2003, 2, d);
const HOURS = 4;
const BURST = { source: '198.51.100.7', eni: 'eni-0burst0000000001', port: 3306 };
const BURST_START = day(1) + 120 * MINUTE;
const BURST_END = BURST_START + 10 * MINUTE;
const FAILING_TARGET = '10.0.1.213';

type Doc = Record<string, unknown>;

/** Background VPC flows: `perMinute(minute)` flows a minute over four hours from `start`. */
function vpcBackground(start: number, perMinute: (minute: number) => number, seed: number): Doc[] {
  const rnd = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const docs: Doc[] = [];
  for (let minute = 0; minute < HOURS * 60; minute++) {
    const n = perMinute(minute);
    for (let i = 0; i < n; i++) {
      const reject = rnd() < 0.1;
      docs.push({
        '@timestamp': new Date(start + minute * MINUTE + i).toISOString(),
        aws: { vpcflow: { interface_id: pick(['eni-0a1', 'eni-0a2', 'eni-0a3', 'eni-0a4']) } },
        source: { ip: `10.0.2.${1 + Math.floor(rnd() * 40)}`, port: 40000 + i },
        destination: {
          ip: pick(['10.0.3.5', '10.0.3.6', '10.0.0.2']),
          port: pick([443, 5432, 53]),
        },
        event: { action: reject ? 'reject' : 'accept' },
        network: { transport: rnd() < 0.8 ? 'tcp' : 'udp' },
      });
    }
  }
  return docs;
}

/** Noisy flat level: 20 ± 8 a minute. */
const flat = (seed: number) => {
  const rnd = random(seed);
  return () => 12 + Math.floor(rnd() * 17);
};

function vpcBurst(): Doc[] {
  const docs: Doc[] = [];
  for (let t = BURST_START; t < BURST_END; t += MINUTE)
    for (let i = 0; i < 150; i++)
      docs.push({
        '@timestamp': new Date(t + i * 100).toISOString(),
        aws: { vpcflow: { interface_id: BURST.eni } },
        source: { ip: BURST.source, port: 50000 + i },
        destination: { ip: `10.0.3.${10 + (i % 20)}`, port: BURST.port },
        event: { action: 'reject' },
        network: { transport: 'tcp' },
      });
  return docs;
}

function albRequests(): Doc[] {
  const rnd = random(99);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const docs: Doc[] = [];
  const start = day(4);
  for (let minute = 0; minute < HOURS * 60; minute++) {
    const failing = minute >= 60 && minute < 68;
    const n = 15 + Math.floor(rnd() * 10) + (failing ? 120 : 0);
    for (let i = 0; i < n; i++) {
      const fromTarget = failing && i < 120;
      docs.push({
        '@timestamp': new Date(start + minute * MINUTE + i * 10).toISOString(),
        source: { ip: `198.51.100.${1 + Math.floor(rnd() * 50)}` },
        destination: { ip: fromTarget ? FAILING_TARGET : pick(['10.0.1.11', '10.0.1.12']) },
        http: { response: { status_code: fromTarget ? 502 : pick([200, 200, 200, 304, 404]) } },
        url: { path: fromTarget ? '/checkout' : pick(['/', '/cart', '/checkout', '/api/items']) },
      });
    }
  }
  return docs;
}

async function index(stream: string, docs: Doc[], prefix: string): Promise<void> {
  const body = docs.flatMap((doc, i) => [
    { create: { _index: stream, _id: `${prefix}-${i}` } },
    doc,
  ]);
  for (let at = 0; at < body.length; at += 20_000) {
    const response = await es.bulk({ pipeline: '_none', operations: body.slice(at, at + 20_000) });
    // 409: indexed by an earlier run against the same node.
    const failed = response.items.filter(
      (item) => item.create?.error && item.create.status !== 409
    );
    if (failed.length) throw new Error(JSON.stringify(failed[0].create?.error));
  }
  await es.indices.refresh({ index: stream });
}

const range = (d: number) => ({
  from: new Date(day(d)).toISOString(),
  to: new Date(day(d) + HOURS * 60 * MINUTE).toISOString(),
});

beforeAll(async () => {
  app = await startAppServer({ esUrl: esUrl(), port: 0, shellDir: __dirname });
  // The templates map the fields (ip, keyword, long) as the parsed data has them.
  const setup = await call(`${API_BASE}/setup`, {}, PUBLIC);
  expect(setup.status).toBe(200);
  const vpc = `logs-netobs.vpcflow-${NAMESPACE}`;
  await index(vpc, [...vpcBackground(day(1), flat(1), 1), ...vpcBurst()], 'burst');
  await index(vpc, vpcBackground(day(2), flat(2), 2), 'flat');
  // A slow ramp: from 10 to 70 flows a minute over four hours.
  await index(
    vpc,
    vpcBackground(day(3), (m) => 10 + Math.floor(m / 4), 3),
    'ramp'
  );
  await index(`logs-netobs.alb-${NAMESPACE}`, albRequests(), 'alb');
}, 240_000);

afterAll(async () => {
  await app.close();
  await es.close();
});

test('a burst from one source, on one interface, to one port is one spike explained by them', async () => {
  const response = await spikesOf({ source: 'vpcflow', ...range(1) });
  expect(response.status).toBe(200);
  expect(response.body.intervalMs).toBe(2 * MINUTE);
  expect(response.body.spikes).toHaveLength(1);
  const [spike] = response.body.spikes;
  // The window covers the burst, give or take one bucket of elevated edge.
  expect(Date.parse(spike.start)).toBeLessThanOrEqual(BURST_START);
  expect(Date.parse(spike.start)).toBeGreaterThanOrEqual(BURST_START - 2 * MINUTE);
  expect(Date.parse(spike.end)).toBeGreaterThanOrEqual(BURST_END);
  expect(Date.parse(spike.end)).toBeLessThanOrEqual(BURST_END + 2 * MINUTE);
  // 2 minutes of 150 burst flows on ~40 background flows.
  expect(spike.peak).toBeGreaterThanOrEqual(300);
  expect(spike.baseline).toBeGreaterThan(25);
  expect(spike.baseline).toBeLessThan(55);
  expect(spike.factor).toBeGreaterThan(6);
  const top = spike.explanations.slice(0, 3).map((e) => `${e.field}=${e.value}`);
  expect(top.sort()).toEqual(
    [
      `aws.vpcflow.interface_id=${BURST.eni}`,
      `destination.port=${BURST.port}`,
      `source.ip=${BURST.source}`,
    ].sort()
  );
  const source = spike.explanations.find((e) => e.field === 'source.ip')!;
  expect(source.baselineShare).toBe(0);
  expect(source.share).toBeGreaterThan(0.85);
  expect(source.contribution).toBeGreaterThan(0.95);
  // Background values are no explanation: no background interface, source or port is listed.
  expect(spike.explanations.map((e) => e.value)).not.toContain('eni-0a1');
  expect(spike.explanations.map((e) => e.value)).not.toContain('443');
  expect(spike.explanations.map((e) => e.value)).not.toContain('tcp');
});

test('no spike in flat noisy traffic, nor in a slow ramp', async () => {
  const flatDay = await spikesOf({ source: 'vpcflow', ...range(2) });
  expect(flatDay.status).toBe(200);
  expect(flatDay.body.baseline.buckets).toBe(120);
  expect(flatDay.body.spikes).toEqual([]);
  const ramp = await spikesOf({ source: 'vpcflow', ...range(3) });
  expect(ramp.status).toBe(200);
  expect(ramp.body.baseline.buckets).toBe(120);
  expect(ramp.body.spikes).toEqual([]);
});

test('the KQL narrows what is counted: without the burst source there is no spike', async () => {
  const filtered = await spikesOf({
    source: 'vpcflow',
    ...range(1),
    kql: `not source.ip: "${BURST.source}"`,
  });
  expect(filtered.status).toBe(200);
  expect(filtered.body.spikes).toEqual([]);
  const only = await spikesOf({ source: 'vpcflow', ...range(1), kql: 'destination.port: 3306' });
  // Only the burst is left: too few buckets with data to call anything a spike, and it says so.
  expect(only.body.spikes).toEqual([]);
  expect(only.body.note).toContain('Widen the time range');
});

test('an ALB burst of 502s is explained by its target, status code and path', async () => {
  const response = await spikesOf({ source: 'alb', ...range(4) });
  expect(response.status).toBe(200);
  expect(response.body.spikes).toHaveLength(1);
  const [spike] = response.body.spikes;
  const explained = spike.explanations.map((e) => `${e.field}=${e.value}`);
  expect(explained.slice(0, 2).sort()).toEqual(
    [`destination.ip=${FAILING_TARGET}`, 'http.response.status_code=502'].sort()
  );
  expect(explained).toContain('url.path=/checkout');
  expect(explained.some((e) => e.startsWith('source.ip='))).toBe(false);
});

test('bad input is a 400 naming the field', async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [
      { source: 'cloudtrail', ...range(1) },
      '[source]: expected one of vpcflow, tgwflow, alb, nlb, alb_connection',
    ],
    [{ ...range(1) }, '[source]: expected a value'],
    [{ source: 'vpcflow', from: 'yesterday', to: 'now' }, '[from]: expected an ISO 8601 time'],
    [{ source: 'vpcflow', from: 'now', to: 'now-1h' }, '[to]: the range ends before it starts'],
    [{ source: 'vpcflow', from: range(1).from, to: range(1).from }, '[to]: the range is empty'],
    [{ source: 'vpcflow', from: 'now-1y', to: 'now' }, '[from]: the range is longer than 90 days'],
    [{ source: 'vpcflow', ...range(1), colour: 'red' }, '[colour]: definition for this key'],
    [
      { source: 'vpcflow', ...range(1), kql: 'destination.port: ssh' },
      'destination.port holds numbers; "ssh" is not a number.',
    ],
  ];
  for (const [body, message] of cases) {
    const response = await spikesOf(body);
    expect({ body, status: response.status }).toEqual({ body, status: 400 });
    expect(response.body.message).toContain(message);
  }
});

test('the route is internal: without the internal origin header it is refused', async () => {
  const response = await call<{ message: string }>(
    `${INTERNAL_API_BASE}/spikes`,
    { source: 'vpcflow', ...range(1) },
    { 'content-type': 'application/json' }
  );
  expect(response.status).toBe(400);
});
