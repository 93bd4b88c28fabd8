import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Client } from '@elastic/elasticsearch';
import type { ForwarderConfig } from './config';
import { handler, SAFETY_MARGIN_MS, setRuntime } from './handler';
import { setLogSink } from './log';
import { bulkText } from '../../test/forwarder/bulk_text';

type Item = { status: number; error?: { type: string; reason: string } };
const OBJECTS: Record<string, Buffer | Error> = {
  'ok.log': Buffer.from('line one\nline two\n'),
  'ok.log.gz': gzipSync('a\nb\nc\n'),
  'rejected.log': Buffer.from('will be rejected\n'),
  'data.parquet': Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(16)]),
  'slow.log': Buffer.from('slow\n'),
};

let logs: Record<string, unknown>[] = [];
let bulkCalls = 0;
let s3Delay = 0;

const config: ForwarderConfig = {
  elasticsearch: { node: 'http://unused' },
  namespace: 'default',
  bulkBytes: 1024 * 1024,
  concurrency: 2,
  compressionLevel: 1,
};

function fakeS3(): S3Client {
  const send = async (command: { input: { Key: string } }) => {
    if (s3Delay) await new Promise((resolve) => setTimeout(resolve, s3Delay));
    const object = OBJECTS[command.input.Key];
    if (object === undefined) {
      throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
    }
    if (object instanceof Error) throw object;
    return { Body: Readable.from([object]), ETag: '"etag"', LastModified: new Date(0) };
  };
  return { send } as unknown as S3Client;
}

function fakeEs(): Client {
  const request = async (params: { bulkBody: unknown }) => {
    bulkCalls += 1;
    const actions = bulkText(params).split('\n').filter(Boolean);
    const items: Item[] = [];
    for (let i = 0; i < actions.length; i += 2) {
      const doc = JSON.parse(actions[i + 1]) as { message: string };
      items.push(
        doc.message === 'will be rejected'
          ? { status: 400, error: { type: 'document_parsing_exception', reason: 'nope' } }
          : { status: 201 }
      );
    }
    return { errors: false, items: items.map((create) => ({ create })) };
  };
  return { transport: { request } } as unknown as Client;
}

const context = (remaining = 60_000) => ({ getRemainingTimeInMillis: () => remaining });
const s3Body = (key: string) => ({
  Records: [
    {
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-22T12:00:00.000Z',
      s3: { bucket: { name: 'b' }, object: { key, size: 1 } },
    },
  ],
});
const sqs = (...messages: [string, unknown][]) => ({
  Records: messages.map(([messageId, body]) => ({
    messageId,
    eventSource: 'aws:sqs',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })),
});

beforeEach(() => {
  logs = [];
  bulkCalls = 0;
  s3Delay = 0;
  setLogSink((line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  setRuntime({ config, es: fakeEs(), s3: fakeS3() });
});
afterAll(() => setLogSink((line) => console.log(line)));

test('batchItemFailures lists exactly the messages that did not complete', async () => {
  const response = await handler(
    sqs(
      ['m-ok', s3Body('ok.log')],
      ['m-gz', s3Body('ok.log.gz')],
      ['m-notjson', 'this is not json'],
      ['m-unknown', { what: 'ever' }],
      ['m-rejected', s3Body('rejected.log')],
      ['m-missing', s3Body('deleted.log')],
      ['m-parquet', s3Body('data.parquet')],
      ['m-test', { Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' }],
      [
        'm-removed',
        { Records: [{ eventName: 'ObjectRemoved:Delete', s3: s3Body('x').Records[0].s3 }] },
      ]
    ),
    context()
  );
  expect(response).toEqual({
    batchItemFailures: ['m-notjson', 'm-unknown', 'm-rejected', 'm-missing', 'm-parquet'].map(
      (itemIdentifier) => ({ itemIdentifier })
    ),
  });
  const byMessage = (id: string) => logs.filter((l) => l.messageId === id);
  expect(byMessage('m-ok')[0]).toMatchObject({
    level: 'info',
    message: 'shipped',
    object: 's3://b/ok.log',
    lines: 2,
    created: 2,
    failed: 0,
  });
  expect(byMessage('m-gz')[0]).toMatchObject({ message: 'shipped', lines: 3, created: 3 });
  expect(byMessage('m-notjson')[0]).toMatchObject({
    level: 'error',
    message: 'message not understood; reported as failed',
    reason: 'SQS message body is not JSON',
  });
  expect(byMessage('m-rejected')[0]).toMatchObject({
    level: 'error',
    message: 'shipped with failures',
    failed: 1,
    failureReasons: { '400 document_parsing_exception: nope': 1 },
  });
  expect(byMessage('m-missing')[0]).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: 's3://b/deleted.log',
    errorType: 'NoSuchKey',
    reason: 'The specified key does not exist.',
  });
  expect(byMessage('m-parquet')[0]).toMatchObject({
    message: 'object format not supported',
    reason: expect.stringContaining('Parquet'),
  });
  expect(byMessage('m-test')[0]).toMatchObject({
    message: 'message ignored',
    reason: 's3:TestEvent',
  });
  expect(logs.at(-1)).toMatchObject({
    message: 'invocation done',
    messages: 9,
    failed: 5,
    shipped: 5,
  });
});

test('an empty batch of only ignored messages reports nothing', async () => {
  const response = await handler(
    sqs(['t', { Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' }]),
    context()
  );
  expect(response).toEqual({ batchItemFailures: [] });
  expect(bulkCalls).toBe(0);
});

test('messages left when the time budget runs out are reported for redelivery', async () => {
  s3Delay = 120;
  const response = await handler(
    sqs(['first', s3Body('ok.log')], ['second', s3Body('ok.log')], ['third', s3Body('ok.log')]),
    context(SAFETY_MARGIN_MS + 100)
  );
  // The first message ran out of time while reading (it stops reading there: nothing more could
  // be sent), the others never started.
  expect(response).toEqual({
    batchItemFailures: [
      { itemIdentifier: 'first' },
      { itemIdentifier: 'second' },
      { itemIdentifier: 'third' },
    ],
  });
  expect(bulkCalls).toBe(0);
  expect(
    logs
      .filter((l) => String(l.message).startsWith('time budget exhausted before this message'))
      .map((l) => l.messageId)
  ).toEqual(['second', 'third']);
  expect(logs.find((l) => l.messageId === 'first')).toMatchObject({
    level: 'error',
    message: 'shipped with failures',
    lines: 0,
    created: 0,
    failed: 0,
    stoppedReading: 'time budget exhausted',
  });
});

test('other triggers: success returns a count, failure throws so Lambda retries', async () => {
  await expect(handler(s3Body('ok.log'), context())).resolves.toEqual({ shipped: 2 });
  await expect(handler(s3Body('deleted.log'), context())).rejects.toThrow(
    '1 message(s) failed; see the logs above'
  );
  await expect(handler({ nothing: 'here' }, context())).rejects.toThrow(/1 message\(s\) failed/);
});

test('CloudWatch Logs subscription events are shipped', async () => {
  const data = gzipSync(
    JSON.stringify({
      messageType: 'DATA_MESSAGE',
      logGroup: 'g',
      logStream: 's',
      logEvents: [
        { id: '1', timestamp: 0, message: 'x' },
        { id: '2', timestamp: 0, message: 'y' },
      ],
    })
  ).toString('base64');
  await expect(handler({ awslogs: { data } }, context())).resolves.toEqual({ shipped: 2 });
  expect(logs[0]).toMatchObject({ message: 'shipped', logGroup: 'g', logStream: 's', events: 2 });
});

test('a failed start is not cached: the next invocation tries again', async () => {
  setRuntime(undefined);
  const saved = { ...process.env };
  try {
    delete process.env.ES_URL;
    delete process.env.ES_CLOUD_ID;
    delete process.env.ES_SECRET_ARN;
    const test = sqs(['t', { Event: 's3:TestEvent' }]);
    await expect(handler(test, context())).rejects.toThrow(/set ES_URL or ES_CLOUD_ID/);
    process.env.ES_URL = 'http://127.0.0.1:1';
    await expect(handler(test, context())).resolves.toEqual({ batchItemFailures: [] });
    expect(logs.find((l) => l.message === 'forwarder configured')).toMatchObject({
      elasticsearch: 'http://127.0.0.1:1',
    });
  } finally {
    process.env = saved;
    setRuntime(undefined);
  }
});

describe('Kinesis Data Streams', () => {
  const STREAM = 'arn:aws:kinesis:eu-west-1:123456789012:stream/vpc-flow';
  /** A record as Lambda delivers it (AWS: "Using Lambda with Kinesis Data Streams", sample event). */
  const record = (sequenceNumber: string, data: Buffer) => ({
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: 'eni-1',
      sequenceNumber,
      data: data.toString('base64'),
      approximateArrivalTimestamp: 1764585600.123,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `shardId-000000000003:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::123456789012:role/netobs-forwarder',
    awsRegion: 'eu-west-1',
    eventSourceARN: STREAM,
  });
  const cloudWatch = (events: { id: string; message: string }[]) =>
    gzipSync(
      JSON.stringify({
        messageType: 'DATA_MESSAGE',
        owner: '123456789012',
        logGroup: '/vpc/flow',
        logStream: 'eni-1-all',
        subscriptionFilters: ['to-kinesis'],
        logEvents: events.map((e) => ({ ...e, timestamp: 1764585600000 })),
      })
    );

  beforeEach(() => {
    logs = [];
    setLogSink((line) => logs.push(JSON.parse(line)));
    setRuntime({ config, es: fakeEs(), s3: fakeS3() });
  });

  test('raw text and CloudWatch Logs payloads are shipped; all done is an empty list', async () => {
    const event = {
      Records: [
        record(
          '101',
          Buffer.from('2 123 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK\nsecond line\n')
        ),
        record(
          '102',
          cloudWatch([
            { id: 'e1', message: 'x' },
            { id: 'e2', message: 'y' },
          ])
        ),
        record('103', gzipSync('gzipped raw text\n')),
      ],
    };
    expect(await handler(event, context())).toEqual({ batchItemFailures: [] });
    const shipped = logs.filter((l) => l.message === 'shipped');
    expect(shipped.map((l) => [l.messageId, l.lines])).toEqual([
      ['101', 2],
      ['102', 2],
      ['103', 1],
    ]);
  });

  test('the first record that fails is reported, and nothing after it is attempted', async () => {
    const event = {
      Records: [
        record('201', Buffer.from('fine\n')),
        record('202', Buffer.from('will be rejected\n')),
        record('203', Buffer.from('never attempted\n')),
      ],
    };
    bulkCalls = 0;
    expect(await handler(event, context())).toEqual({
      batchItemFailures: [{ itemIdentifier: '202' }],
    });
    expect(bulkCalls).toBe(2);
    expect(logs.some((l) => l.messageId === '203')).toBe(false);
  });

  test('a record whose data is corrupt is the one reported', async () => {
    const corrupt = gzipSync('x\n'.repeat(1000)).subarray(0, 20);
    const event = { Records: [record('301', Buffer.from('ok\n')), record('302', corrupt)] };
    expect(await handler(event, context())).toEqual({
      batchItemFailures: [{ itemIdentifier: '302' }],
    });
  });

  test('control messages are ignored', async () => {
    const control = gzipSync(JSON.stringify({ messageType: 'CONTROL_MESSAGE', logEvents: [] }));
    expect(await handler({ Records: [record('401', control)] }, context())).toEqual({
      batchItemFailures: [],
    });
  });
});
