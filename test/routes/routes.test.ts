// The plugin's route handlers over real HTTP (the standalone router adapter keeps Kibana's
// internal-origin and xsrf rules) against real Elasticsearch: validation answers 400 naming the
// field, setup is idempotent, analytics answer for every source, a bad KQL is a 400, an unknown
// query a 404, and a query's count equals Elasticsearch's own count.
import { startAppServer } from '../../dev/app_server/server';
import { loadEsAssets } from '../../server/lib/assets/load_es_assets';
import { API_BASE, INTERNAL_API_BASE, SOURCE_IDS } from '../../common/constants';
import type {
  OverviewResponse,
  QueryCountResponse,
  SetupResponse,
  StatusResponse,
} from '../../common/api_types';
import { esUrl, testClient } from '../support/es_env';

const es = testClient();
let app: { url: string; close: () => Promise<void> };
const INTERNAL = { 'x-elastic-internal-origin': 'Kibana', 'content-type': 'application/json' };
const PUBLIC = { 'kbn-xsrf': 'true', 'content-type': 'application/json' };

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = INTERNAL
) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  app = await startAppServer({ esUrl: esUrl(), port: 0, shellDir: __dirname });
});
afterAll(async () => {
  await app.close();
  await es.close();
});

test('setup validates its body strictly and names the field', async () => {
  const unknown = await call<{ message: string }>(
    'POST',
    `${API_BASE}/setup`,
    { retention: '30d', colour: 'red' },
    PUBLIC
  );
  expect(unknown).toEqual({
    status: 400,
    body: expect.objectContaining({
      message: '[request body]: [colour]: definition for this key is missing',
    }),
  });
  const bad = await call<{ message: string }>(
    'POST',
    `${API_BASE}/setup`,
    { retention: '30 days' },
    PUBLIC
  );
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('[retention]');
});

test('public routes need kbn-xsrf for writes; internal routes need the internal origin header', async () => {
  expect(
    (await call('POST', `${API_BASE}/setup`, {}, { 'content-type': 'application/json' })).status
  ).toBe(400);
  const internal = await call<{ message: string }>(
    'GET',
    `${INTERNAL_API_BASE}/freshness`,
    undefined,
    {}
  );
  expect(internal.status).toBe(400);
  expect(internal.body.message).toContain('not available with the current configuration');
});

test('setup installs, a second run changes nothing, status reports every asset', async () => {
  await call<SetupResponse>('POST', `${API_BASE}/setup`, {}, PUBLIC);
  const second = await call<SetupResponse>('POST', `${API_BASE}/setup`, {}, PUBLIC);
  expect(second.status).toBe(200);
  const templates = second.body.results.filter((r) => r.type !== 'ingest_pipeline');
  const templateCount =
    loadEsAssets('component_template').length + loadEsAssets('index_template').length;
  expect(templates.map((r) => r.action)).toEqual(new Array(templateCount).fill('unchanged'));
  const status = await call<StatusResponse>('GET', `${API_BASE}/status`, undefined, {});
  expect(status.status).toBe(200);
  expect(status.body.assets).toHaveLength(templateCount + loadEsAssets('ingest_pipeline').length);
  expect(status.body.privileges.cluster).toEqual([
    'manage_index_templates',
    'manage_ingest_pipelines',
  ]);
});

test.each(SOURCE_IDS)('the %s overview answers with KPIs and panels', async (source) => {
  const response = await call<OverviewResponse>('POST', `${INTERNAL_API_BASE}/overview/${source}`, {
    from: 'now-30d',
    to: 'now',
  });
  expect(response.status).toBe(200);
  expect(response.body.kpis.length).toBeGreaterThanOrEqual(3);
  expect(response.body.panels.length).toBeGreaterThanOrEqual(5);
  const flows = await es.count({
    index: `logs-netobs.${source}-*`,
    query: { range: { '@timestamp': { gte: 'now-30d', lte: 'now' } } },
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  expect(response.body.total).toBe(flows.count);
});

test('bad input to analytics: unknown source, bad KQL, bad date, unknown query', async () => {
  expect(
    (await call('POST', `${INTERNAL_API_BASE}/overview/s3`, { from: 'now-1h', to: 'now' })).status
  ).toBe(400);
  const kql = await call<{ message: string }>('POST', `${INTERNAL_API_BASE}/overview/vpcflow`, {
    from: 'now-1h',
    to: 'now',
    kql: 'source.ip: (',
  });
  expect(kql.status).toBe(400);
  expect(kql.body.message).toMatch(/^Invalid KQL: .*at column/);
  expect(
    (await call('POST', `${INTERNAL_API_BASE}/overview/vpcflow`, { from: 'yesterday', to: 'now' }))
      .status
  ).toBe(400);
  expect(
    (
      await call('POST', `${INTERNAL_API_BASE}/query_count`, {
        from: 'now-1h',
        to: 'now',
        id: 'no-such-query',
      })
    ).status
  ).toBe(404);
});

test("a prebuilt query's count equals Elasticsearch's count of the same thing", async () => {
  const response = await call<QueryCountResponse>('POST', `${INTERNAL_API_BASE}/query_count`, {
    from: 'now-30d',
    to: 'now',
    id: 'vpc-source-blocked-on',
    params: { ip: '198.51.100.7' },
  });
  expect(response.status).toBe(200);
  expect(response.body.kql).toBe('event.action: "reject" and source.ip: "198.51.100.7"');
  const expected = await es.count({
    index: 'logs-netobs.vpcflow-*',
    ignore_unavailable: true,
    allow_no_indices: true,
    query: {
      bool: {
        filter: [
          { range: { '@timestamp': { gte: 'now-30d', lte: 'now' } } },
          { term: { 'event.action': 'reject' } },
          { term: { 'source.ip': '198.51.100.7' } },
        ],
      },
    },
  });
  expect(response.body.count).toBe(expected.count);
});

test('freshness lists every source and unknown', async () => {
  const response = await call<{ sources: { source: string }[] }>(
    'GET',
    `${INTERNAL_API_BASE}/freshness`
  );
  expect(response.body.sources.map((s) => s.source)).toEqual([...SOURCE_IDS, 'unknown']);
});

test.each([
  ['now-1y/d', 'now'],
  ['now-15m', 'now'],
  ['now-1M', 'now+1d'],
  ['1970-01-01T00:00:00.000Z', 'now'],
  ['now/w', 'now/w'],
])('every range the time picker can produce is accepted: %s to %s', async (from, to) => {
  expect((await call('POST', `${INTERNAL_API_BASE}/overview/vpcflow`, { from, to })).status).toBe(
    200
  );
});

test('a reversed range, a retention that deletes data at once: 400 naming the field', async () => {
  const reversed = await call<{ message: string }>(
    'POST',
    `${INTERNAL_API_BASE}/overview/vpcflow`,
    {
      from: 'now',
      to: 'now-1h',
    }
  );
  expect(reversed).toEqual({
    status: 400,
    body: expect.objectContaining({ message: expect.stringMatching(/^\[to\]: the range ends/) }),
  });
  for (const retention of ['0d', '-1d', '1.5d', '1h', '30']) {
    const setup = await call<{ message: string }>(
      'POST',
      `${API_BASE}/setup`,
      { retention },
      PUBLIC
    );
    expect(setup.status).toBe(400);
    expect(setup.body.message).toContain('[retention]');
  }
});

test('unknown API paths are a JSON 404 and a malformed path parameter a 400, never the app page', async () => {
  for (const path of [`${API_BASE}/nope`, `${INTERNAL_API_BASE}/overview/vpcflow/extra`]) {
    const response = await fetch(`${app.url}${path}`, { headers: INTERNAL });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  }
  const bad = await call<{ message: string }>('POST', `${INTERNAL_API_BASE}/overview/%E0%A4%A`, {
    from: 'now-1h',
    to: 'now',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.message).toContain('malformed percent-encoding');
});

test('50 concurrent overview requests are all answered correctly, and the server recovers', async () => {
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call<OverviewResponse>('POST', `${INTERNAL_API_BASE}/overview/${SOURCE_IDS[i % 4]}`, {
        from: 'now-24h',
        to: 'now',
      })
    )
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.every((s) => s === 200 || s === 429 || s === 503)).toBe(true);
  expect(responses.filter((r) => r.status === 200).every((r) => Array.isArray(r.body.panels))).toBe(
    true
  );
  const after = await call('POST', `${INTERNAL_API_BASE}/overview/vpcflow`, {
    from: 'now-24h',
    to: 'now',
  });
  expect(after.status).toBe(200);
});

test('pathological KQL is a 400 with a message: deep nesting, unbalanced quotes, enormous input', async () => {
  for (const kql of [
    '('.repeat(4000) + 'a:1' + ')'.repeat(4000),
    'message: "unbalanced',
    'a:1 or '.repeat(2000) + 'b:2',
    ')))(((',
  ]) {
    const response = await call<{ message: string }>(
      'POST',
      `${INTERNAL_API_BASE}/overview/vpcflow`,
      {
        from: 'now-1h',
        to: 'now',
        kql,
      }
    );
    expect(response.status).toBe(400);
    expect(response.body.message.length).toBeGreaterThan(0);
  }
});

test('KQL checked against the data: a value of the wrong type names the field, an unknown field warns', async () => {
  // One parsed flow in a namespace of its own, so the source has fields to check against (as
  // parsed already: the template's pipeline is skipped). It is dated 2001 so no other test's
  // now-relative range sees it; this build has no API to delete a data stream.
  await es.index({
    index: 'logs-netobs.vpcflow-fieldcheck',
    op_type: 'create',
    pipeline: '_none',
    refresh: true,
    document: {
      '@timestamp': '2001-01-01T12:00:00.000Z',
      source: { ip: '10.0.0.5', port: 44321 },
      destination: { ip: '10.0.1.9', port: 22 },
      event: { action: 'reject' },
    },
  });
  const overviewWith = (kql: string) =>
    call<OverviewResponse & { message?: string; warnings?: string[] }>(
      'POST',
      `${INTERNAL_API_BASE}/overview/vpcflow`,
      { from: '2001-01-01T00:00:00.000Z', to: '2001-01-02T00:00:00.000Z', kql }
    );
  expect(await overviewWith('destination.port: ssh')).toEqual({
    status: 400,
    body: expect.objectContaining({
      message: 'destination.port holds numbers; "ssh" is not a number.',
    }),
  });
  expect((await overviewWith('source.ip: "web-1"')).body.message).toBe(
    'source.ip holds IP addresses; "web-1" is neither an address nor a CIDR range such as 10.0.0.0/8.'
  );
  const unknown = await overviewWith('sourceip: "10.0.0.5" and destination.port: 22');
  expect(unknown.status).toBe(200);
  expect(unknown.body.warnings).toEqual([
    'No sourceip field in this data: the filter on it matches nothing.',
  ]);
  // The Queries page's counts are checked the same way.
  const count = await call<{ message: string }>('POST', `${INTERNAL_API_BASE}/query_count`, {
    id: 'vpc-rejected-from-10-8',
    from: '2001-01-01T00:00:00.000Z',
    to: '2001-01-02T00:00:00.000Z',
    kql: 'destination.port: ssh',
  });
  expect(count).toEqual({
    status: 400,
    body: expect.objectContaining({
      message: 'destination.port holds numbers; "ssh" is not a number.',
    }),
  });
  const fine = await overviewWith('source.ip: 10.0.0.0/8 and destination.port >= 22');
  expect(fine.status).toBe(200);
  expect(fine.body.warnings).toEqual([]);
  expect(fine.body.total).toBeGreaterThanOrEqual(1);
});
