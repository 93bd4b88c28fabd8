// The Lambda handler against objects that cannot be read, or read oddly, from s3rver through the
// real AWS SDK (and a loopback proxy in front of s3rver for what s3rver cannot do: 403
// AccessDenied, a download reset mid-body). Each case checks the decision (the message reported
// in batchItemFailures for redelivery, or done), the structured log line that says why, and
// exactly what reached Elasticsearch. Objects that can never be read (deleted, corrupt) are
// reported failed like the rest: after maxReceiveCount receives their message waits in the
// dead-letter queue, where an operator sees it (docs/forwarder.md, "Failure semantics").
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import { esUrl } from '../support/es_env';
import type { S3FaultProxy } from '../support/s3_fault_proxy';
import { startS3FaultProxy } from '../support/s3_fault_proxy';
import { s3ClientFor } from '../support/s3_server';
import type { LogLine } from './helpers';
import {
  captureLogs,
  expectExactlyOnce,
  expectRedeliveryCompletes,
  flowLines,
  flowText,
  forwarder,
  forwarderStack,
  messageLogs,
  putObject,
  rawCount,
  rawDocs,
  shippedLog,
  sqsEvent,
  uniqueNamespace,
} from './helpers';

const BUCKET = 'object-faults';
const stack = forwarderStack(BUCKET);
const { es } = stack;
let s3Proxy: S3FaultProxy;
let logs: LogLine[];

beforeAll(async () => {
  s3Proxy = await startS3FaultProxy(stack.s3.endpoint);
});
beforeEach(() => {
  logs = captureLogs();
});
afterAll(async () => {
  await s3Proxy?.close();
});

const keyFor = (name: string) => `AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/${name}`;

/** The one log line of a message that failed on its object. */
function objectFailure(id: string): LogLine {
  const lines = messageLogs(logs, id);
  expect(lines).toHaveLength(1);
  return lines[0];
}

/** Documents of a namespace must be the first N lines of `expected`, each whole; returns N. */
async function expectWholeLinePrefix(namespace: string, expected: string[]): Promise<number> {
  const docs = await rawDocs(es, namespace);
  expect(docs.map((d) => d.message)).toEqual(expected.slice(0, docs.length));
  return docs.length;
}

test('an object deleted before it is read: its message is reported failed (NoSuchKey), the others go on', async () => {
  const namespace = uniqueNamespace('deleted');
  const key = keyFor('gone soon.log');
  const kept = keyFor('kept.log');
  await putObject(stack.s3.client, BUCKET, key, flowText(3));
  await putObject(stack.s3.client, BUCKET, kept, flowText(3));
  await stack.s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(
    await fwd.invoke(
      sqsEvent([
        { id: 'gone', bucket: BUCKET, key },
        { id: 'kept', bucket: BUCKET, key: kept },
      ])
    )
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'gone' }] });
  await fwd.close();
  expect(objectFailure('gone')).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: `s3://${BUCKET}/${key}`,
    errorType: 'NoSuchKey',
    reason: 'The specified key does not exist.',
  });
  expect(shippedLog(logs, 'kept')).toMatchObject({ level: 'info', lines: 3, created: 3 });
  await expectExactlyOnce(es, namespace, flowLines(3));
});

test('access denied (403 from S3): reported failed with the reason; once access is granted the redelivery ships it', async () => {
  const namespace = uniqueNamespace('denied');
  const key = keyFor('denied.log.gz');
  const kept = keyFor('allowed.log.gz');
  await putObject(stack.s3.client, BUCKET, key, gzipSync(flowText(250)));
  await putObject(stack.s3.client, BUCKET, kept, gzipSync(flowText(40)));
  s3Proxy.setFault(BUCKET, key, { kind: 'accessDenied' });
  const fwd = forwarder(s3Proxy.client, esUrl(), namespace);
  const event = sqsEvent([
    { id: 'denied', bucket: BUCKET, key },
    { id: 'allowed', bucket: BUCKET, key: kept },
  ]);
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [{ itemIdentifier: 'denied' }] });
  expect(s3Proxy.faulted).toContain(`accessDenied ${BUCKET}/${key}`);
  expect(objectFailure('denied')).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: `s3://${BUCKET}/${key}`,
    errorType: 'AccessDenied',
    reason: 'Access Denied',
  });
  await expectExactlyOnce(es, namespace, flowLines(40));

  // The policy is fixed (or the missing object's notification was a race): SQS redelivers.
  s3Proxy.setFault(BUCKET, key, undefined);
  logs.length = 0;
  expect(await fwd.invoke(sqsEvent([{ id: 'denied', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(shippedLog(logs, 'denied')).toMatchObject({ lines: 250, created: 250, failed: 0 });
  await expectExactlyOnce(es, namespace, [...flowLines(40), ...flowLines(250)]);
});

test('the download is reset mid-object: reported failed, no partial line indexed, the redelivery completes exactly', async () => {
  const namespace = uniqueNamespace('reset');
  const lines = 3000;
  const key = keyFor('reset.log.gz');
  const body = gzipSync(flowText(lines));
  await putObject(stack.s3.client, BUCKET, key, body);
  s3Proxy.setFault(BUCKET, key, { kind: 'cutBody', afterBytes: Math.floor(body.length / 2) });
  const fwd = forwarder(s3Proxy.client, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'reset', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [{ itemIdentifier: 'reset' }],
  });
  expect(objectFailure('reset')).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: `s3://${BUCKET}/${key}`,
    reason: expect.stringMatching(/aborted|socket hang up|ECONNRESET|premature close/i),
  });
  // What was read before the reset is shipped, line by whole line: a half line shipped now would
  // keep its id and block the whole line forever.
  const shipped = await expectWholeLinePrefix(namespace, flowLines(lines));
  expect(shipped).toBeLessThan(lines);

  s3Proxy.setFault(BUCKET, key, undefined);
  await expectRedeliveryCompletes(
    fwd,
    { id: 'reset', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: shipped }
  );
  await fwd.close();
});

test('a download that stalls: the idle timeout fails it in time, whole lines before it indexed once', async () => {
  const namespace = uniqueNamespace('stalled');
  const lines = 3000;
  const key = keyFor('stalled.log.gz');
  const body = gzipSync(flowText(lines));
  await putObject(stack.s3.client, BUCKET, key, body);
  s3Proxy.setFault(BUCKET, key, { kind: 'stallBody', afterBytes: Math.floor(body.length / 2) });
  // The forwarder's S3 client with a short idle timeout (30 s by default, NETOBS_S3_IDLE_TIMEOUT_MS).
  const s3 = s3ClientFor(s3Proxy.endpoint, 1500);
  const fwd = forwarder(s3, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'stalled', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [{ itemIdentifier: 'stalled' }],
  });
  expect(objectFailure('stalled')).toMatchObject({
    level: 'error',
    message: 'object failed',
    reason: expect.stringMatching(/timed out after 1500 ms of inactivity/),
  });
  const shipped = await expectWholeLinePrefix(namespace, flowLines(lines));
  expect(shipped).toBeLessThan(lines);

  s3Proxy.setFault(BUCKET, key, undefined);
  await expectRedeliveryCompletes(
    fwd,
    { id: 'stalled', bucket: BUCKET, key },
    { es, logs, namespace, lines, already: shipped }
  );
  await fwd.close();
  s3.destroy();
});

test('a truncated gzip object: reported failed as truncated, with exact counts; whole lines before it indexed once', async () => {
  const namespace = uniqueNamespace('truncated');
  const lines = 2000;
  const key = keyFor('truncated.log.gz');
  const full = gzipSync(flowText(lines));
  await putObject(stack.s3.client, BUCKET, key, full.subarray(0, Math.floor(full.length * 0.6)));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  const event = sqsEvent([{ id: 'truncated', bucket: BUCKET, key }]);
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [{ itemIdentifier: 'truncated' }] });
  expect(objectFailure('truncated')).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: `s3://${BUCKET}/${key}`,
    reason: expect.stringMatching(
      /^the object is truncated: its gzip data ends early \(after [\d,]+ lines\); the lines before were shipped$/
    ),
  });
  const shipped = await expectWholeLinePrefix(namespace, flowLines(lines));
  expect(shipped).toBeGreaterThan(0);
  expect(shipped).toBeLessThan(lines);
  // The counts logged are what is in Elasticsearch.
  expect(objectFailure('truncated')).toMatchObject({ lines: shipped, created: shipped, failed: 0 });

  // Every redelivery fails the same way (until the DLQ) and adds nothing twice.
  logs.length = 0;
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [{ itemIdentifier: 'truncated' }] });
  await fwd.close();
  expect(objectFailure('truncated')).toMatchObject({
    reason: expect.stringMatching(/^the object is truncated/),
    lines: shipped,
    created: 0,
  });
  await expectExactlyOnce(es, namespace, flowLines(shipped));
});

test('non-UTF-8 bytes, control characters and garbage are indexed, nothing lost', async () => {
  const namespace = uniqueNamespace('garbage');
  const key = 'uploads/garbage.bin';
  const invalid = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x00, 0x41]);
  const parts: Buffer[] = [
    Buffer.from('{"not": "a flow log", "nested": {"x": [1,2,3]}}\n'),
    invalid,
    Buffer.from('\n\t\u0001\u0002 control characters \u001b[31m\n'),
    Buffer.from('💥 emoji and ünïcödé ✓\n'),
    Buffer.from(`${'x'.repeat(20_000)}\n`),
    Buffer.from('\n\n   \n'),
    Buffer.from([0x80, 0x81, 0x82, 0x0a]),
    Buffer.from('"unterminated \\ quote\n'),
  ];
  const body = Buffer.concat(parts);
  await putObject(stack.s3.client, BUCKET, key, body);
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'junk', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(shippedLog(logs, 'junk')).toMatchObject({
    level: 'info',
    message: 'shipped',
    lines: 8,
    created: 8,
    failed: 0,
  });
  const docs = await rawDocs(es, namespace);
  expect(docs).toHaveLength(8);
  expect(new Set(docs.map((d) => d._id)).size).toBe(8);
  const withRaw = docs.filter((d) => (d.netobs as { original_base64?: string })?.original_base64);
  expect(withRaw.map((d) => (d.netobs as { original_base64: string }).original_base64)).toEqual([
    invalid.toString('base64'),
    Buffer.from([0x80, 0x81, 0x82]).toString('base64'),
  ]);
  expect(withRaw.map((d) => d.message)).toEqual([
    invalid.toString('utf8'),
    Buffer.from([0x80, 0x81, 0x82]).toString('utf8'),
  ]);
  expect(docs.map((d) => (d.log as { offset: number }).offset)).toEqual([
    0,
    parts[0].length,
    ...[2, 3, 4].map(
      (n) => parts.slice(0, n).reduce((sum, p) => sum + p.length, 0) + (n === 2 ? 1 : 0)
    ),
    // "   " is a line too: only empty lines are skipped
    parts.slice(0, 5).reduce((sum, p) => sum + p.length, 0) + 2,
    parts.slice(0, 6).reduce((sum, p) => sum + p.length, 0),
    parts.slice(0, 7).reduce((sum, p) => sum + p.length, 0),
  ]);
});

test('a 5 MB line is shipped whole, as one document, between its neighbours', async () => {
  const namespace = uniqueNamespace('longline');
  const key = keyFor('long-line.log.gz');
  const long = 'y'.repeat(5 * 1024 * 1024);
  const text = `before\n${long}\nafter\n`;
  await putObject(stack.s3.client, BUCKET, key, gzipSync(text));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'long', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(shippedLog(logs, 'long')).toMatchObject({
    level: 'info',
    message: 'shipped',
    lines: 3,
    created: 3,
    failed: 0,
  });
  const docs = await rawDocs(es, namespace);
  expect(
    docs.map((d) => [(d.log as { offset: number }).offset, (d.message as string).length])
  ).toEqual([
    [0, 6],
    [7, long.length],
    [7 + long.length + 1, 5],
  ]);
  expect(docs[1].message === long).toBe(true); // not toEqual: a failure would print 5 MB
  expect(docs[1].netobs).toBeUndefined(); // one piece, not split
  expect(new Set(docs.map((d) => d._id)).size).toBe(3);
});

test('empty objects (0 bytes, empty gzip, header only) are done: nothing to ship, not a failure', async () => {
  const namespace = uniqueNamespace('empty');
  const objects = {
    zero: keyFor('zero.log'),
    emptyGzip: keyFor('empty.log.gz'),
    headerOnly: keyFor('header-only.log.gz'),
    blankLines: keyFor('blank.log'),
    one: keyFor('one.log'),
  };
  await putObject(stack.s3.client, BUCKET, objects.zero, '');
  await putObject(stack.s3.client, BUCKET, objects.emptyGzip, gzipSync(''));
  await putObject(stack.s3.client, BUCKET, objects.headerOnly, gzipSync(flowText(0)));
  await putObject(stack.s3.client, BUCKET, objects.blankLines, '\n\r\n\n');
  await putObject(stack.s3.client, BUCKET, objects.one, flowText(1));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(
    await fwd.invoke(
      sqsEvent(Object.entries(objects).map(([id, key]) => ({ id, bucket: BUCKET, key })))
    )
  ).toEqual({ batchItemFailures: [] });
  await fwd.close();
  for (const id of ['zero', 'emptyGzip', 'headerOnly', 'blankLines']) {
    expect(messageLogs(logs, id)).toEqual([
      expect.objectContaining({
        level: 'info',
        message: 'shipped',
        lines: 0,
        created: 0,
        failed: 0,
      }),
    ]);
  }
  expect(logs.at(-1)).toMatchObject({
    message: 'invocation done',
    messages: 5,
    failed: 0,
    shipped: 1,
  });
  await expectExactlyOnce(es, namespace, flowLines(1));
  expect(await rawCount(es, namespace)).toBe(1);
});

test('a Parquet object: reported failed as a format the forwarder does not read', async () => {
  const namespace = uniqueNamespace('parquet');
  const key = keyFor('flows.parquet');
  const kept = keyFor('kept-too.log');
  await putObject(
    stack.s3.client,
    BUCKET,
    key,
    Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64)])
  );
  await putObject(stack.s3.client, BUCKET, kept, flowText(2));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  expect(
    await fwd.invoke(
      sqsEvent([
        { id: 'parquet', bucket: BUCKET, key },
        { id: 'kept', bucket: BUCKET, key: kept },
      ])
    )
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'parquet' }] });
  await fwd.close();
  expect(objectFailure('parquet')).toMatchObject({
    level: 'error',
    message: 'object format not supported',
    reason: expect.stringContaining('Parquet objects are not supported'),
  });
  await expectExactlyOnce(es, namespace, flowLines(2));
});
