import { gzipSync } from 'node:zlib';
import { decodeCloudWatchLogs, decodeS3Key, normaliseEvent } from './events';

const s3Record = (key: string, eventName = 'ObjectCreated:Put', extra = {}) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: 'us-east-1',
  eventTime: '2026-11-22T12:00:00.000Z',
  eventName,
  s3: {
    s3SchemaVersion: '1.0',
    bucket: { name: 'logs-bucket', arn: 'arn:aws:s3:::logs-bucket' },
    object: { key, size: 1234, eTag: 'abc123', sequencer: '0A1B', ...extra },
  },
});
const s3Event = (...records: unknown[]) => ({ Records: records });
const sqsRecord = (messageId: string, body: unknown) => ({
  messageId,
  receiptHandle: 'handle',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  attributes: {},
  messageAttributes: {},
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
  awsRegion: 'us-east-1',
});
const sqsEvent = (...records: unknown[]) => ({ Records: records });
const snsEnvelope = (message: unknown) => ({
  Type: 'Notification',
  MessageId: 'sns-1',
  TopicArn: 'arn:aws:sns:us-east-1:123456789012:t',
  Message: JSON.stringify(message),
  Timestamp: '2026-11-22T12:00:00.000Z',
});
const eventBridge = (key: string) => ({
  version: '0',
  id: 'eb-1',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  account: '123456789012',
  time: '2026-11-22T12:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:s3:::logs-bucket'],
  detail: {
    version: '0',
    bucket: { name: 'logs-bucket' },
    object: { key, size: 5, etag: 'e1', 'version-id': 'v1', sequencer: '1' },
    reason: 'PutObject',
  },
});
const cloudWatchData = (payload: unknown) =>
  gzipSync(Buffer.from(JSON.stringify(payload))).toString('base64');
const cwPayload = {
  messageType: 'DATA_MESSAGE',
  owner: '123456789012',
  logGroup: '/vpc/flow',
  logStream: 'eni-1-all',
  subscriptionFilters: ['f'],
  logEvents: [
    { id: '1', timestamp: 1763800000000, message: '2 123 eni-1 a b 1 2 6 1 1 1 2 ACCEPT OK' },
    { id: '2', timestamp: 1763800001000, message: 'second' },
  ],
};

describe('decodeS3Key', () => {
  test.each([
    ['a+b.log', 'a b.log'],
    ['a%2Bb.log', 'a+b.log'],
    ['AWSLogs/123/x%3Dy/file.log.gz', 'AWSLogs/123/x=y/file.log.gz'],
    ['caf%C3%A9+%E2%9C%93.log', 'café ✓.log'],
    ['plain/key.log', 'plain/key.log'],
  ])('%s → %s', (encoded, decoded) => expect(decodeS3Key(encoded)).toBe(decoded));
});

describe('normaliseEvent', () => {
  test('SQS carrying an S3 notification', () => {
    const [message] = normaliseEvent(sqsEvent(sqsRecord('m1', s3Event(s3Record('a/b+c.log')))));
    expect(message).toEqual({
      id: 'm1',
      items: [
        {
          kind: 's3',
          bucket: 'logs-bucket',
          key: 'a/b c.log',
          size: 1234,
          etag: 'abc123',
          versionId: undefined,
          eventTime: '2026-11-22T12:00:00.000Z',
        },
      ],
      ignored: undefined,
    });
  });

  test('version ids are kept', () => {
    const [message] = normaliseEvent(
      sqsEvent(sqsRecord('m1', s3Event(s3Record('k', 'ObjectCreated:Put', { versionId: 'v9' }))))
    );
    expect(message.items[0]).toMatchObject({ versionId: 'v9' });
  });

  test('SQS carrying an SNS notification (non-raw delivery)', () => {
    const [message] = normaliseEvent(
      sqsEvent(sqsRecord('m1', snsEnvelope(s3Event(s3Record('x%2By+z')))))
    );
    expect(message.error).toBeUndefined();
    expect(message.items).toEqual([
      expect.objectContaining({ bucket: 'logs-bucket', key: 'x+y z' }),
    ]);
  });

  test('SQS carrying an SNS notification with raw message delivery (the S3 event itself)', () => {
    const [message] = normaliseEvent(sqsEvent(sqsRecord('m1', s3Event(s3Record('raw/key')))));
    expect(message.items).toEqual([expect.objectContaining({ key: 'raw/key' })]);
  });

  test('SQS carrying an EventBridge "Object Created" event', () => {
    const [message] = normaliseEvent(sqsEvent(sqsRecord('m1', eventBridge('eb/caf%C3%A9.log'))));
    expect(message.items).toEqual([
      {
        kind: 's3',
        bucket: 'logs-bucket',
        key: 'eb/café.log',
        size: 5,
        versionId: 'v1',
        etag: 'e1',
        eventTime: '2026-11-22T12:00:00Z',
      },
    ]);
  });

  test('direct S3 invocation', () => {
    const messages = normaliseEvent(s3Event(s3Record('one'), s3Record('two')));
    expect(messages).toHaveLength(1);
    expect(messages[0].id).toBe('event');
    expect(messages[0].items.map((i) => (i.kind === 's3' ? i.key : ''))).toEqual(['one', 'two']);
  });

  test('direct SNS invocation', () => {
    const event = {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          Sns: { Type: 'Notification', Message: JSON.stringify(s3Event(s3Record('sns/key'))) },
        },
      ],
    };
    const [message] = normaliseEvent(event);
    expect(message.items).toEqual([expect.objectContaining({ key: 'sns/key' })]);
  });

  test('direct EventBridge invocation', () => {
    const [message] = normaliseEvent(eventBridge('direct/key'));
    expect(message.items).toEqual([
      expect.objectContaining({ key: 'direct/key', versionId: 'v1' }),
    ]);
  });

  test('CloudWatch Logs subscription', () => {
    const [message] = normaliseEvent({ awslogs: { data: cloudWatchData(cwPayload) } });
    expect(message.items).toEqual([
      {
        kind: 'cloudwatch',
        logGroup: '/vpc/flow',
        logStream: 'eni-1-all',
        owner: '123456789012',
        events: cwPayload.logEvents,
      },
    ]);
  });

  test('CloudWatch Logs CONTROL_MESSAGE is ignored', () => {
    const control = { messageType: 'CONTROL_MESSAGE', logGroup: '', logStream: '', logEvents: [] };
    expect(decodeCloudWatchLogs(cloudWatchData(control))).toBe('control');
    const [message] = normaliseEvent({ awslogs: { data: cloudWatchData(control) } });
    expect(message).toMatchObject({ items: [], ignored: 'CloudWatch Logs control message' });
  });

  test('s3:TestEvent is ignored, directly and through SNS', () => {
    const test = {
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-11-22T12:00:00.000Z',
      Bucket: 'logs-bucket',
    };
    const messages = normaliseEvent(
      sqsEvent(sqsRecord('t1', test), sqsRecord('t2', snsEnvelope(test)))
    );
    expect(messages).toEqual([
      { id: 't1', items: [], ignored: 's3:TestEvent' },
      { id: 't2', items: [], ignored: 's3:TestEvent' },
    ]);
  });

  test('malformed bodies are reported per message without affecting the others', () => {
    const messages = normaliseEvent(
      sqsEvent(
        sqsRecord('good1', s3Event(s3Record('k1'))),
        sqsRecord('notjson', '{oops'),
        sqsRecord('array', '[1,2]'),
        sqsRecord('unknown', { hello: 'world' }),
        sqsRecord('nos3', { Records: [{ eventName: 'ObjectCreated:Put' }] }),
        sqsRecord('badsns', { Type: 'Notification', Message: 'not json' }),
        sqsRecord('badcw', { awslogs: { data: 'bm90IGd6aXA=' } }),
        sqsRecord('badkey', s3Event(s3Record('%E0%A4%A'))),
        sqsRecord('good2', s3Event(s3Record('k2')))
      )
    );
    expect(messages.map((m) => [m.id, m.items.length, m.error !== undefined])).toEqual([
      ['good1', 1, false],
      ['notjson', 0, true],
      ['array', 0, true],
      ['unknown', 0, true],
      ['nos3', 0, true],
      ['badsns', 0, true],
      ['badcw', 0, true],
      ['badkey', 0, true],
      ['good2', 1, false],
    ]);
    expect(messages[1].error).toBe('SQS message body is not JSON');
    expect(messages[3].error).toMatch(/unrecognised event shape \(keys: hello\)/);
    expect(messages[5].error).toBe('SNS Message is not JSON');
  });

  test('ObjectRemoved records are skipped, created ones in the same message kept', () => {
    const [message] = normaliseEvent(
      sqsEvent(
        sqsRecord(
          'm1',
          s3Event(s3Record('gone', 'ObjectRemoved:Delete'), s3Record('new', 'ObjectCreated:Post'))
        )
      )
    );
    expect(message.error).toBeUndefined();
    expect(message.items.map((i) => (i.kind === 's3' ? i.key : ''))).toEqual(['new']);
  });

  test('an event that is not an object', () => {
    expect(normaliseEvent('nope')).toEqual([
      { id: 'event', items: [], error: 'event is not an object' },
    ]);
  });
});

test('a CloudWatch Logs payload that inflates past 64 MB is refused, not decompressed', () => {
  // 80 MB of zeros gzip to about 80 kB.
  const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024)).toString('base64');
  expect(() => decodeCloudWatchLogs(bomb)).toThrow(
    /Cannot create a Buffer larger than|buffer|RangeError|maxOutputLength/i
  );
});
