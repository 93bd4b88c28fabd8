// S3 → handler → Elasticsearch-side parsing: raw lines the forwarder ships to
// logs-netobs.raw-<ns> come out parsed in logs-netobs.<source>-<ns>. On the Maven Central
// Elasticsearch (no ingest processors) the dev ingest bridge runs our real pipelines on the
// ingest engine, as Elasticsearch's ingest node would.
import { gzipSync } from 'node:zlib';
import { startBridge } from '../../dev/ingest_bridge/bridge';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { esUrl, testClient } from '../support/es_env';
import { ingestEngine, installPipelines } from '../support/ingest_engine';
import type { S3TestServer } from '../support/s3_server';
import { startS3Server } from '../support/s3_server';
import { captureLogs, forwarder, putObject, sqsEvent, uniqueNamespace } from './helpers';

const BUCKET = 'e2e-logs';
const es = testClient();
let s3: S3TestServer;
let bridge: { url: string; close: () => Promise<void> } | undefined;
let target: string;

beforeAll(async () => {
  const engine = await ingestEngine();
  await installPipelines(engine);
  await installEsAssets(es);
  if (!engine.isElasticsearch) {
    bridge = await startBridge({ elasticsearch: esUrl(), engine: engine.url });
  }
  target = bridge?.url ?? esUrl();
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
});
afterAll(async () => {
  await bridge?.close();
  await s3?.close();
  await es.close();
});

test('custom-format VPC flow logs land parsed in logs-netobs.vpcflow-<ns>', async () => {
  const namespace = uniqueNamespace('e2e');
  const key =
    'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261122T1200Z_1a2b3c4d.log.gz';
  const text =
    'version vpc-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n' +
    '3 vpc-0a1 10.0.0.1 10.0.0.2 49152 443 6 10 840 1763800000 1763800060 ACCEPT OK\n' +
    '3 vpc-0a1 203.0.113.9 10.0.0.2 51515 22 6 1 40 1763800000 1763800060 REJECT OK\n';
  await putObject(s3.client, BUCKET, key, gzipSync(text));
  captureLogs();
  const fwd = forwarder(s3.client, target, namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'e2e', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();

  const index = `logs-netobs.vpcflow-${namespace}`;
  await es.indices.refresh({ index });
  const result = await es.search<Record<string, unknown>>({
    index,
    sort: [{ 'log.offset': 'asc' }],
  });
  expect(result.hits.hits.map((hit) => hit._source)).toEqual([
    expect.objectContaining({
      source: expect.objectContaining({ ip: '10.0.0.1', port: 49152 }),
      destination: expect.objectContaining({ ip: '10.0.0.2', port: 443 }),
      event: expect.objectContaining({ action: 'accept' }),
      data_stream: { type: 'logs', dataset: 'netobs.vpcflow', namespace },
    }),
    expect.objectContaining({
      source: expect.objectContaining({ ip: '203.0.113.9', port: 51515 }),
      event: expect.objectContaining({ action: 'reject' }),
    }),
  ]);
});
