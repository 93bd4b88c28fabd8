// Proves the OpenSearch ingest engine (dev/opensearch) really executes the processors our
// pipelines rely on: each test runs an inline pipeline with `_simulate` (or indexes through a
// stored one) on realistic AWS log lines and asserts the exact document that comes out.
// Uses NETOBS_INGEST_ENGINE_URL when set; otherwise starts the engine and stops it afterwards.
import { startIngestEngine, stopIngestEngine } from '../dev/opensearch/node';
import { TEST_ENGINE_PORT } from './support/es_env';

let url = process.env.NETOBS_INGEST_ENGINE_URL ?? '';
let startedHere = false;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

type Source = Record<string, unknown>;

/** Runs one document through an inline pipeline and returns its _source (or the error). */
async function simulate(processors: Source[], source: Source): Promise<Source> {
  const result = await call<{ docs: { doc?: { _source: Source }; error?: unknown }[] }>(
    'POST',
    '/_ingest/pipeline/_simulate',
    { pipeline: { processors }, docs: [{ _source: source }] }
  );
  const [doc] = result.docs;
  if (!doc.doc) throw new Error(`pipeline failed: ${JSON.stringify(doc.error)}`);
  return doc.doc._source;
}

beforeAll(async () => {
  if (url) return;
  // The first run downloads the distribution (~155 MB) from Maven Central.
  const engine = await startIngestEngine({ port: TEST_ENGINE_PORT });
  url = engine.url;
  startedHere = !engine.alreadyRunning;
}, 600_000);

afterAll(async () => {
  if (startedHere) await stopIngestEngine(TEST_ENGINE_PORT);
});

test('GET _nodes/ingest lists the processors our pipelines use, and no reroute', async () => {
  const info = await call<{
    nodes: Record<string, { ingest: { processors: { type: string }[] } }>;
  }>('GET', '/_nodes/ingest');
  const types = Object.values(info.nodes)[0].ingest.processors.map((p) => p.type);
  for (const needed of [
    'append',
    'community_id',
    'convert',
    'date',
    'dissect',
    'grok',
    'remove',
    'rename',
    'script',
    'set',
    'user_agent',
  ]) {
    expect(types).toContain(needed);
  }
  // reroute exists only in Elasticsearch; pipelines that use it are adapted for the engine.
  expect(types).not.toContain('reroute');
});

// Default-format (v2) VPC flow log record, as in test/pipelines/vpcflow/default-v2.log.
const VPC_LINE =
  '2 123456789012 eni-0a1b2c3d4e5f60001 10.0.1.15 10.0.2.30 49152 443 6 10 8400 1763800000 1763800060 ACCEPT OK';

const VPC_PROCESSORS: Source[] = [
  {
    dissect: {
      field: 'message',
      pattern:
        '%{aws.vpcflow.version} %{cloud.account.id} %{aws.vpcflow.interface_id} %{source.ip} ' +
        '%{destination.ip} %{source.port} %{destination.port} %{network.iana_number} ' +
        '%{source.packets} %{source.bytes} %{aws.vpcflow.start} %{aws.vpcflow.end} ' +
        '%{aws.vpcflow.action} %{aws.vpcflow.log_status}',
    },
  },
  // OpenSearch's community_id wants Integer ports and protocol number (not Long or String).
  { convert: { field: 'source.port', type: 'integer' } },
  { convert: { field: 'destination.port', type: 'integer' } },
  { convert: { field: 'network.iana_number', type: 'integer' } },
  { convert: { field: 'source.packets', type: 'long' } },
  { convert: { field: 'source.bytes', type: 'long' } },
  { date: { field: 'aws.vpcflow.start', formats: ['UNIX'], target_field: '@timestamp' } },
  { date: { field: 'aws.vpcflow.end', formats: ['UNIX'], target_field: 'event.end' } },
  {
    script: {
      lang: 'painless',
      params: { transports: { '6': 'tcp', '17': 'udp' } },
      source: `
        ctx.network.transport = params.transports.getOrDefault(String.valueOf(ctx.network.iana_number), 'other');
        long seconds = Long.parseLong(ctx.aws.vpcflow.end) - Long.parseLong(ctx.aws.vpcflow.start);
        ctx.event.duration = seconds * 1000000000L;
        ctx.event.outcome = ctx.aws.vpcflow.action == 'ACCEPT' ? 'success' : 'failure';
        ctx.related = ['ip': [ctx.source.ip, ctx.destination.ip]];`,
    },
  },
  {
    // Unlike Elasticsearch's, OpenSearch's community_id has no ECS defaults: name every field.
    community_id: {
      source_ip_field: 'source.ip',
      source_port_field: 'source.port',
      destination_ip_field: 'destination.ip',
      destination_port_field: 'destination.port',
      protocol_field: 'network.transport',
      target_field: 'network.community_id',
    },
  },
  { rename: { field: 'message', target_field: 'event.original' } },
  { set: { field: 'cloud.provider', value: 'aws' } },
  { remove: { field: ['aws.vpcflow.start', 'aws.vpcflow.end'] } },
];

test('VPC flow log line: dissect, convert, date, Painless script, community_id', async () => {
  const doc = await simulate(VPC_PROCESSORS, { message: VPC_LINE });
  expect(doc).toEqual({
    '@timestamp': '2025-11-22T08:26:40.000Z',
    cloud: { provider: 'aws', account: { id: '123456789012' } },
    aws: {
      vpcflow: {
        version: '2',
        interface_id: 'eni-0a1b2c3d4e5f60001',
        action: 'ACCEPT',
        log_status: 'OK',
      },
    },
    source: { ip: '10.0.1.15', port: 49152, packets: 10, bytes: 8400 },
    destination: { ip: '10.0.2.30', port: 443 },
    // The Community ID v1 of 10.0.1.15:49152 → 10.0.2.30:443/tcp, seed 0, per the spec.
    network: { iana_number: 6, transport: 'tcp', community_id: '1:jT+NpAhO3IFwoeoUu9GfWvSlWBI=' },
    event: {
      original: VPC_LINE,
      end: '2025-11-22T08:27:40.000Z',
      duration: 60_000_000_000,
      outcome: 'success',
    },
    related: { ip: ['10.0.1.15', '10.0.2.30'] },
  });
});

// HTTPS request through an Application Load Balancer (test/pipelines/alb/all-types.log).
const ALB_LINE =
  'https 2026-11-22T08:00:02.000000Z app/my-alb/50dc6c495c0c9188 192.0.2.11:51000 10.0.0.67:443 ' +
  '0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/products/list?page=2&sort=asc HTTP/1.1" ' +
  '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36" ' +
  'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 ' +
  '"Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "-" 1 2026-11-22T08:00:01.828000Z "authenticate,forward" ' +
  '"-" "-" "10.0.0.67:443" "200" "-" "-" TID_aaaa0000bbbb1111 "-" "-" "-"';

const ALB_PROCESSORS: Source[] = [
  {
    grok: {
      field: 'message',
      patterns: [
        '%{NOTSPACE:aws.elb.protocol} %{TIMESTAMP_ISO8601:netobs.time} %{NOTSPACE:aws.elb.name} ' +
          '%{IP:source.ip}:%{INT:source.port:int} %{IP:destination.ip}:%{INT:destination.port:int} ' +
          '%{NUMBER:netobs.t1:float} %{NUMBER:netobs.t2:float} %{NUMBER:netobs.t3:float} ' +
          '%{INT:http.response.status_code:int} %{NOTSPACE:aws.elb.target_status_code} ' +
          '%{INT:http.request.body.bytes:long} %{INT:http.response.body.bytes:long} ' +
          '"%{WORD:http.request.method} %{NOTSPACE:url.original} HTTP/%{NUMBER:http.version}" ' +
          '"%{DATA:user_agent.original}" %{NOTSPACE:tls.cipher} %{NOTSPACE:netobs.ssl_protocol} ' +
          '%{GREEDYDATA:netobs.rest}',
      ],
    },
  },
  { convert: { field: 'aws.elb.target_status_code', type: 'integer' } },
  { date: { field: 'netobs.time', formats: ['ISO8601'] } },
  {
    script: {
      lang: 'painless',
      source: `
        def m = /^TLSv(\\d)\\.(\\d)$/.matcher(ctx.netobs.ssl_protocol);
        if (m.matches()) {
          ctx.tls.version = m.group(1) + '.' + m.group(2);
          ctx.tls.version_protocol = 'tls';
        }
        double seconds = ctx.netobs.t1 + ctx.netobs.t2 + ctx.netobs.t3;
        ctx.aws.elb.total_time_ms = Math.round(seconds * 1000);`,
    },
  },
  { user_agent: { field: 'user_agent.original' } },
  { remove: { field: ['message', 'netobs'] } },
];

test('ALB line: grok, convert, date, Painless regex, user_agent', async () => {
  const doc = await simulate(ALB_PROCESSORS, { message: ALB_LINE });
  expect(doc).toEqual({
    '@timestamp': '2026-11-22T08:00:02.000Z',
    aws: {
      elb: {
        protocol: 'https',
        name: 'app/my-alb/50dc6c495c0c9188',
        target_status_code: 200,
        total_time_ms: 171,
      },
    },
    source: { ip: '192.0.2.11', port: 51000 },
    destination: { ip: '10.0.0.67', port: 443 },
    http: {
      version: '1.1',
      request: { method: 'GET', body: { bytes: 0 } },
      response: { status_code: 200, body: { bytes: 57 } },
    },
    url: { original: 'https://www.example.com:443/products/list?page=2&sort=asc' },
    tls: { cipher: 'ECDHE-RSA-AES128-GCM-SHA256', version: '1.2', version_protocol: 'tls' },
    user_agent: {
      original:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      name: 'Chrome',
      version: '120.0.0.0',
      os: { name: 'Windows', version: '10', full: 'Windows 10' },
      device: { name: 'Other' },
    },
  });
});

test('indexing through a stored pipeline stores the parsed document', async () => {
  const index = `netobs-engine-test-${process.pid}`;
  await call('PUT', '/_ingest/pipeline/netobs-engine-test', { processors: VPC_PROCESSORS });
  try {
    await call('PUT', `/${index}/_doc/1?pipeline=netobs-engine-test&refresh=true`, {
      message: VPC_LINE,
    });
    const stored = await call<{ _source: Source }>('GET', `/${index}/_doc/1`);
    expect(stored._source).toMatchObject({
      '@timestamp': '2025-11-22T08:26:40.000Z',
      network: { transport: 'tcp', community_id: '1:jT+NpAhO3IFwoeoUu9GfWvSlWBI=' },
      source: { port: 49152, bytes: 8400 },
    });
  } finally {
    await call('DELETE', `/${index}`).catch(() => undefined);
    await call('DELETE', '/_ingest/pipeline/netobs-engine-test');
  }
});
