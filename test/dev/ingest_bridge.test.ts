// The dev ingest bridge behaves like Elasticsearch's ingest node for our data streams: raw lines
// sent to logs-netobs.raw-* come out parsed in their source's data stream, ids stay idempotent
// (409 on redelivery), and unrecognised lines land in logs-netobs.unknown-*.
import { Client } from '@elastic/elasticsearch';
import { startBridge } from '../../dev/ingest_bridge/bridge';
import { installEsAssets } from '../../server/lib/installer/es_assets';
import { esUrl, testClient } from '../support/es_env';
import { ingestEngine, installPipelines } from '../support/ingest_engine';

const namespace = `bridge${Date.now()}`;
const es = testClient();
let bridge: { url: string; close: () => Promise<void> };
let viaBridge: Client;

beforeAll(async () => {
  const engine = await ingestEngine();
  await installPipelines(engine);
  await installEsAssets(es);
  bridge = await startBridge({ elasticsearch: esUrl(), engine: engine.url });
  viaBridge = new Client({ node: bridge.url });
});
afterAll(async () => {
  await viaBridge?.close();
  await bridge?.close();
  await es.close();
});

const raw = (id: string, message: string, key: string) => [
  { create: { _index: `logs-netobs.raw-${namespace}`, _id: id } },
  {
    message,
    '@timestamp': '2026-11-22T12:00:00Z',
    aws: { s3: { bucket: { name: 'b' }, object: { key } } },
  },
];
const VPC_KEY = 'AWSLogs/1/vpcflowlogs/us-east-1/2026/11/22/1_vpcflowlogs_us-east-1_fl-1_x.log.gz';

test('routes, parses and indexes like an ingest node, keeping ids idempotent', async () => {
  const operations = [
    ...raw(
      'a',
      '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1000 443 6 5 500 1763800000 1763800060 ACCEPT OK',
      VPC_KEY
    ),
    ...raw('b', 'hello, I am not a log line anyone knows', 'some/other/object.txt'),
  ];
  const first = await viaBridge.bulk({ operations, refresh: 'wait_for' });
  expect(
    first.items.map((item) => [
      item.create?.status,
      item.create?._index?.replace(/^\.ds-|-\d{4}\.\d\d\.\d\d-\d+$/g, ''),
    ])
  ).toEqual([
    [201, `logs-netobs.vpcflow-${namespace}`],
    [201, `logs-netobs.unknown-${namespace}`],
  ]);
  const again = await viaBridge.bulk({ operations, refresh: 'wait_for' });
  expect(again.items.map((item) => item.create?.status)).toEqual([409, 409]);

  const parsed = await es.get<Record<string, unknown>>({
    index: first.items[0].create!._index,
    id: 'a',
  });
  expect(parsed._source).toMatchObject({
    source: { ip: '10.0.0.1', port: 1000 },
    event: { action: 'accept' },
    data_stream: { dataset: 'netobs.vpcflow', namespace, type: 'logs' },
  });
  const unknown = await es.get<Record<string, unknown>>({
    index: first.items[1].create!._index,
    id: 'b',
  });
  expect(unknown._source).toMatchObject({
    message: 'hello, I am not a log line anyone knows',
    tags: ['netobs_unrecognised'],
  });
});

test('passes every other request through untouched', async () => {
  const count = await viaBridge.count({ index: `logs-netobs.*-${namespace}` });
  expect(count.count).toBe(2);
});

test('high ports parse on the engine (its community_id refuses ports from 63336 up)', async () => {
  const line = (port: number) =>
    `2 123456789012 eni-1 10.0.0.1 10.0.0.2 ${port} 443 6 5 500 1763800000 1763800060 ACCEPT OK`;
  const result = await viaBridge.bulk({
    operations: [...raw('low', line(63335), VPC_KEY), ...raw('high', line(63336), VPC_KEY)],
    refresh: 'wait_for',
  });
  const docs = await Promise.all(
    result.items.map((item) =>
      es.get<{ event: { kind?: string }; network: { community_id?: string } }>({
        index: item.create!._index,
        id: item.create!._id!,
      })
    )
  );
  expect(docs.map((d) => d._source?.event.kind)).toEqual(['event', 'event']);
  // The engine-only guard: the hash is left out there, never the document.
  expect(docs[0]._source?.network.community_id).toMatch(/^1:/);
  expect(docs[1]._source?.network.community_id).toBeUndefined();
});
