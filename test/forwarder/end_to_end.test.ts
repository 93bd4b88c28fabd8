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
import {
  ACCOUNT,
  CONTROL_RECORD,
  dataRecord,
  firehoseObject,
  LOG_GROUP,
} from '../support/cloudwatch_records';
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

/** Puts the object, has the forwarder ship it `deliveries` times, and returns what was parsed. */
async function shipAndSearch(
  key: string,
  body: Buffer,
  namespace: string,
  deliveries: number,
  sortBy: string
): Promise<unknown[]> {
  await putObject(s3.client, BUCKET, key, body);
  captureLogs();
  for (let run = 0; run < deliveries; run++) {
    const fwd = forwarder(s3.client, target, namespace);
    expect(await fwd.invoke(sqsEvent([{ id: `e2e${run}`, bucket: BUCKET, key }]))).toEqual({
      batchItemFailures: [],
    });
    await fwd.close();
  }
  const index = `logs-netobs.vpcflow-${namespace}`;
  await es.indices.refresh({ index });
  const result = await es.search<Record<string, unknown>>({ index, sort: [{ [sortBy]: 'asc' }] });
  return result.hits.hits.map((hit) => hit._source);
}

test('custom-format VPC flow logs land parsed in logs-netobs.vpcflow-<ns>', async () => {
  const namespace = uniqueNamespace('e2e');
  const key =
    'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/123456789012_vpcflowlogs_us-east-1_fl-0abc_20261122T1200Z_1a2b3c4d.log.gz';
  const text =
    'version vpc-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n' +
    '3 vpc-0a1 10.0.0.1 10.0.0.2 49152 443 6 10 840 1763800000 1763800060 ACCEPT OK\n' +
    '3 vpc-0a1 203.0.113.9 10.0.0.2 51515 22 6 1 40 1763800000 1763800060 REJECT OK\n';
  const parsed = await shipAndSearch(key, gzipSync(text), namespace, 1, 'log.offset');
  expect(parsed).toEqual([
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

test('CloudWatch Logs records Firehose wrote to S3 land as parsed vpcflow documents', async () => {
  const namespace = uniqueNamespace('e2efh');
  const key = 'firehose/2026/11/22/12/netobs-flowlogs-1-2026-11-22-12-00-00-0a1b2c3d';
  const flow = (rest: string) => ({ timestamp: 1763800061000, message: `2 ${ACCOUNT} ${rest}` });
  const body = firehoseObject(
    CONTROL_RECORD,
    dataRecord('eni-0a1-all', [
      {
        id: '3762800000000000000000000000000000000000000000000000000',
        ...flow('eni-0a1 10.0.0.1 10.0.0.2 49152 443 6 10 840 1763800000 1763800060 ACCEPT OK'),
      },
      {
        id: '3762800000000000000000000000000000000000000000000000001',
        ...flow('eni-0a1 203.0.113.9 10.0.0.2 51515 22 6 1 40 1763800000 1763800060 REJECT OK'),
      },
    ]),
    dataRecord('eni-0b2-all', [
      {
        id: '3762800000000000000000000000000000000000000000000000002',
        ...flow('eni-0b2 10.0.1.5 10.0.0.2 40000 53 17 2 120 1763800001 1763800061 ACCEPT OK'),
      },
    ])
  );
  // Delivered twice: the second delivery adds nothing (same ids).
  const parsed = await shipAndSearch(key, body, namespace, 2, 'source.port');
  const group = (stream: string) => ({ log_group: LOG_GROUP, log_stream: stream });
  expect(parsed).toEqual([
    expect.objectContaining({
      source: expect.objectContaining({ ip: '10.0.1.5', port: 40000 }),
      destination: expect.objectContaining({ ip: '10.0.0.2', port: 53 }),
      network: expect.objectContaining({ transport: 'udp' }),
      awscloudwatch: group('eni-0b2-all'),
      data_stream: { type: 'logs', dataset: 'netobs.vpcflow', namespace },
    }),
    expect.objectContaining({
      source: expect.objectContaining({ ip: '10.0.0.1', port: 49152 }),
      destination: expect.objectContaining({ ip: '10.0.0.2', port: 443 }),
      event: expect.objectContaining({ action: 'accept' }),
      awscloudwatch: group('eni-0a1-all'),
    }),
    expect.objectContaining({
      source: expect.objectContaining({ ip: '203.0.113.9', port: 51515 }),
      event: expect.objectContaining({ action: 'reject' }),
      cloud: expect.objectContaining({ account: expect.objectContaining({ id: ACCOUNT }) }),
    }),
  ]);
  const unknown = await es.count({
    index: `logs-netobs.unknown-${namespace}`,
    ignore_unavailable: true,
  });
  expect(unknown.count).toBe(0);
});
