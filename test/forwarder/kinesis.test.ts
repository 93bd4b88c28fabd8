// Kinesis Data Streams through the real handler into the real Elasticsearch: records carrying
// raw log text and CloudWatch Logs subscription payloads (as a subscription filter with a Kinesis
// destination writes them), exactly once across Lambda's retries, and Kinesis's partial batch
// semantics when a record is corrupt or Elasticsearch refuses part of a batch.
import { gzipSync } from 'node:zlib';
import { esUrl } from '../support/es_env';
import {
  captureLogs,
  expectExactlyOnce,
  flowLine,
  forwarder,
  forwarderStack,
  rawCount,
  rawDocs,
  uniqueNamespace,
} from './helpers';

const stack = forwarderStack('unused-kinesis', { proxy: true });
const logs = captureLogs();
const STREAM = 'arn:aws:kinesis:eu-west-1:123456789012:stream/network-logs';

/** A record as Lambda delivers it (AWS: "Using Lambda with Kinesis Data Streams", sample event). */
function record(sequenceNumber: string, data: Buffer) {
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: 'eni-0a1b2c3d',
      sequenceNumber,
      data: data.toString('base64'),
      approximateArrivalTimestamp: 1764585600.5,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000001:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::123456789012:role/netobs-forwarder',
    awsRegion: 'eu-west-1',
    eventSourceARN: STREAM,
  };
}

const subscription = (lines: string[], first: number) =>
  gzipSync(
    JSON.stringify({
      messageType: 'DATA_MESSAGE',
      owner: '123456789012',
      logGroup: '/aws/vpc/flow-logs',
      logStream: 'eni-0a1b2c3d-all',
      subscriptionFilters: ['netobs'],
      logEvents: lines.map((message, i) => ({
        id: `3764${String(first + i).padStart(50, '0')}`,
        timestamp: 1764585600000 + i,
        message,
      })),
    })
  );

const lines = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => flowLine(from + i));

test('raw text and subscription payloads are indexed once, also when Lambda retries the batch', async () => {
  const namespace = uniqueNamespace('kinesis');
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  const event = {
    Records: [
      record('4959001', Buffer.from(lines(0, 50).join('\n') + '\n')),
      record('4959002', subscription(lines(50, 30), 50)),
      record('4959003', gzipSync(lines(80, 20).join('\r\n'))),
    ],
  };
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  await fwd.close();
  await expectExactlyOnce(stack.es, namespace, lines(0, 100));
  const docs = await rawDocs(stack.es, namespace);
  expect(docs.find((d) => d.message === flowLine(0))).toMatchObject({
    '@timestamp': '2025-12-01T10:40:00.500Z',
    aws: {
      kinesis: {
        stream: 'network-logs',
        shard_id: 'shardId-000000000001',
        sequence_number: '4959001',
      },
    },
  });
  expect(docs.find((d) => d.message === flowLine(50))).toMatchObject({
    awscloudwatch: { log_group: '/aws/vpc/flow-logs', log_stream: 'eni-0a1b2c3d-all' },
  });
});

test('a corrupt record is reported; records before it are indexed, none after it attempted', async () => {
  const namespace = uniqueNamespace('kinesis_bad');
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  const corrupt = gzipSync(lines(0, 500).join('\n')).subarray(0, 40);
  const event = {
    Records: [
      record('5001', Buffer.from(lines(0, 10).join('\n'))),
      record('5002', corrupt),
      record('5003', Buffer.from(lines(10, 10).join('\n'))),
    ],
  };
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '5002' }] });
  await fwd.close();
  expect(await rawCount(stack.es, namespace)).toBe(10);
  expect(logs.some((l) => l.messageId === '5003')).toBe(false);
});

test('Elasticsearch refusing a batch: the first record not indexed is reported, and the retry completes', async () => {
  const namespace = uniqueNamespace('kinesis_es');
  const fwd = forwarder(stack.s3.client, stack.proxy.url, namespace);
  const event = {
    Records: [
      record('6001', Buffer.from(lines(0, 10).join('\n'))),
      record('6002', Buffer.from(lines(10, 10).join('\n'))),
      record('6003', Buffer.from(lines(20, 10).join('\n'))),
    ],
  };
  // The first bulk request passes, then Elasticsearch answers 400 for a while.
  stack.proxy.setPlan({ fault: { kind: 'status', status: 400 }, after: 1 });
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '6002' }] });
  expect(await rawCount(stack.es, namespace)).toBe(10);
  // Lambda retries from 6002 (the whole batch from there): everything lands exactly once.
  stack.proxy.setPlan({ fault: { kind: 'none' } });
  expect(await fwd.invoke({ Records: event.Records.slice(1) })).toEqual({ batchItemFailures: [] });
  await fwd.close();
  await expectExactlyOnce(stack.es, namespace, lines(0, 30));
});
