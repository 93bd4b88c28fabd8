// The Lambda handler end to end against s3rver (real AWS SDK) and the real Elasticsearch: exact
// counts and offsets, custom formats, idempotent redelivery, Elasticsearch failing mid-object
// (through a loopback proxy), 429 storms, garbage lines and objects deleted before they are read.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import { VPC_FLOW_DEFAULT_FIELDS } from '../../common/constants';
import { SAFETY_MARGIN_MS } from '../../ingest-lambda/src/handler';
import type { BulkProxy } from '../support/bulk_proxy';
import { startBulkProxy } from '../support/bulk_proxy';
import { esUrl, testClient } from '../support/es_env';
import type { S3TestServer } from '../support/s3_server';
import { startS3Server } from '../support/s3_server';
import type { LogLine } from './helpers';
import {
  captureLogs,
  forwarder,
  installTestTemplate,
  lineOffsets,
  putObject,
  rawCount,
  rawDocs,
  sqsEvent,
  uniqueNamespace,
} from './helpers';

const BUCKET = 'flow-logs';
const es = testClient();
let s3: S3TestServer;
let proxy: BulkProxy;
let logs: LogLine[];

const HEADER = VPC_FLOW_DEFAULT_FIELDS.join(' ');
const flowLine = (i: number) =>
  `2 123456789012 eni-0a1b2c3d 10.0.${i % 256}.${i % 200} 172.16.0.${i % 100} ${1024 + (i % 60000)} 443 6 ${1 + (i % 50)} ${100 + i} 1763800000 1763800060 ${i % 7 ? 'ACCEPT' : 'REJECT'} OK`;
const flowText = (count: number, header = HEADER, eol = '\n') =>
  [header, ...Array.from({ length: count }, (_, i) => flowLine(i))].join(eol) + eol;

/** The "shipped…" log line of a message. */
const shippedLog = (id: string) =>
  logs.find((l) => l.messageId === id && l.message.startsWith('shipped'));

beforeAll(async () => {
  await installTestTemplate(es);
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
  proxy = await startBulkProxy(esUrl());
});
beforeEach(() => {
  logs = captureLogs();
  proxy.setPlan({ fault: { kind: 'none' } });
});
afterAll(async () => {
  await proxy?.close();
  await s3?.close();
  await es.close();
});

test('gzip and plain objects: exact document counts and byte offsets', async () => {
  const namespace = uniqueNamespace('basic');
  const gzKey = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/flow log+1.log.gz';
  const plainKey = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/café.log';
  const gzText = flowText(1500);
  const plainText = flowText(40, HEADER, '\r\n').slice(0, -2); // CRLF, no final newline
  await putObject(s3.client, BUCKET, gzKey, gzipSync(gzText));
  await putObject(s3.client, BUCKET, plainKey, plainText);

  const fwd = forwarder(s3.client, esUrl(), namespace);
  const response = await fwd.invoke(
    sqsEvent([
      { id: 'gz', bucket: BUCKET, key: gzKey },
      { id: 'plain', bucket: BUCKET, key: plainKey },
    ])
  );
  await fwd.close();
  expect(response).toEqual({ batchItemFailures: [] });
  expect(shippedLog('gz')).toMatchObject({ lines: 1500, created: 1500, conflicts: 0, failed: 0 });
  expect(shippedLog('plain')).toMatchObject({ lines: 40, created: 40, failed: 0 });

  const docs = await rawDocs(es, namespace);
  expect(docs).toHaveLength(1540);
  const byKey = (key: string) =>
    docs.filter((d) => (d.aws as { s3: { object: { key: string } } }).s3.object.key === key);
  const gzDocs = byKey(gzKey);
  expect(gzDocs.map((d) => (d.log as { offset: number }).offset)).toEqual(
    lineOffsets(gzText, true)
  );
  expect(gzDocs.map((d) => d.message)).toEqual(gzText.split('\n').slice(1, -1));
  expect(gzDocs[0]).toMatchObject({
    log: { file: { path: `s3://${BUCKET}/${gzKey}` } },
    cloud: { provider: 'aws' },
    aws: { s3: { bucket: { name: BUCKET } } },
  });
  expect(gzDocs[0].netobs).toBeUndefined(); // default header: nothing attached
  const plainDocs = byKey(plainKey);
  expect(plainDocs.map((d) => (d.log as { offset: number }).offset)).toEqual(
    lineOffsets(plainText.replace(/\r\n/g, '\n'), true).map((offset, i) => offset + i + 1)
  );
  expect(plainDocs.at(-1)?.message).toBe(flowLine(39));
});

test('a header-led custom VPC format attaches netobs.flowlog.fields', async () => {
  const namespace = uniqueNamespace('custom');
  const fields =
    'version vpc-id subnet-id srcaddr dstaddr srcport dstport protocol action tcp-flags flow-direction';
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/custom.log.gz';
  const text = `${fields}\n5 vpc-1 subnet-1 10.0.0.1 10.0.0.2 1000 443 6 ACCEPT 2 ingress\n5 vpc-1 subnet-1 10.0.0.3 10.0.0.4 1001 22 6 REJECT 0 egress\n`;
  await putObject(s3.client, BUCKET, key, gzipSync(text));
  const fwd = forwarder(s3.client, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'm', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  const docs = await rawDocs(es, namespace);
  expect(docs.map((d) => [d.message, d.netobs])).toEqual(
    text
      .split('\n')
      .slice(1, -1)
      .map((line) => [line, { flowlog: { fields } }])
  );
});

test('redelivery of the same message creates no duplicates', async () => {
  const namespace = uniqueNamespace('redeliver');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/again.log.gz';
  await putObject(s3.client, BUCKET, key, gzipSync(flowText(700)));
  const fwd = forwarder(s3.client, esUrl(), namespace);
  const event = sqsEvent([{ id: 'again', bucket: BUCKET, key }]);
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  expect(await rawCount(es, namespace)).toBe(700);
  logs.length = 0;
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  await fwd.close();
  expect(shippedLog('again')).toMatchObject({ lines: 700, created: 0, conflicts: 700, failed: 0 });
  expect(await rawCount(es, namespace)).toBe(700);
});

test('Elasticsearch unreachable mid-object: reported failed, a redelivery completes exactly', async () => {
  const namespace = uniqueNamespace('unreachable');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/midway.log.gz';
  const lines = 6000;
  await putObject(s3.client, BUCKET, key, gzipSync(flowText(lines)));
  // ~40 KB bodies: the object takes about 15 bulk requests; connections die after the third.
  const fwd = forwarder(s3.client, proxy.url, namespace, { bulkBytes: 40_000, concurrency: 1 });
  const event = sqsEvent([
    { id: 'midway', bucket: BUCKET, key },
    { id: 'next', bucket: BUCKET, key },
  ]);
  proxy.setPlan({ fault: { kind: 'close' }, after: 3 });
  const failed = await fwd.invoke(event, SAFETY_MARGIN_MS + 3000);
  expect(failed).toEqual({
    batchItemFailures: [{ itemIdentifier: 'midway' }, { itemIdentifier: 'next' }],
  });
  const first = shippedLog('midway');
  expect(first).toMatchObject({ level: 'error', message: 'shipped with failures', lines });
  expect(Number(first?.created)).toBeGreaterThan(0);
  expect(Number(first?.failed)).toBeGreaterThan(0);
  expect(Number(first?.created) + Number(first?.failed)).toBe(lines);
  const partial = await rawCount(es, namespace);
  expect(partial).toBe(first?.created);
  expect(partial).toBeLessThan(lines);

  // Refused connections (nothing listening) are failures too, never a crash.
  await proxy.refuse();
  logs.length = 0;
  expect(
    await fwd.invoke(sqsEvent([{ id: 'refused', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 1500)
  ).toEqual({
    batchItemFailures: [{ itemIdentifier: 'refused' }],
  });
  await proxy.accept();

  proxy.setPlan({ fault: { kind: 'none' } });
  logs.length = 0;
  expect(await fwd.invoke(sqsEvent([{ id: 'midway', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(shippedLog('midway')).toMatchObject({
    lines,
    conflicts: partial,
    created: lines - partial,
    failed: 0,
  });
  expect(await rawCount(es, namespace)).toBe(lines);
});

test('a 429 storm that clears: completes, with retries', async () => {
  const namespace = uniqueNamespace('storm');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/storm.log.gz';
  const lines = 3000;
  await putObject(s3.client, BUCKET, key, gzipSync(flowText(lines)));
  const fwd = forwarder(s3.client, proxy.url, namespace, { bulkBytes: 100_000 });
  proxy.setPlan({ fault: { kind: 'item429' }, after: 1, times: 3 });
  expect(await fwd.invoke(sqsEvent([{ id: 'items', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  expect(proxy.counts.faulted).toBeGreaterThanOrEqual(3);
  expect(Number(shippedLog('items')?.retries)).toBeGreaterThan(0);
  expect(shippedLog('items')).toMatchObject({ lines, created: lines, failed: 0 });

  proxy.setPlan({ fault: { kind: 'status', status: 429 }, times: 4 });
  logs.length = 0;
  expect(await fwd.invoke(sqsEvent([{ id: 'requests', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  expect(Number(shippedLog('requests')?.retries)).toBeGreaterThanOrEqual(4);
  expect(shippedLog('requests')).toMatchObject({ lines, created: 0, conflicts: lines, failed: 0 });
  expect(await rawCount(es, namespace)).toBe(lines);
});

test('a 429 storm that outlasts the time budget: reported failed, never silently partial', async () => {
  const namespace = uniqueNamespace('endless');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/endless.log.gz';
  const lines = 2000;
  await putObject(s3.client, BUCKET, key, gzipSync(flowText(lines)));
  const fwd = forwarder(s3.client, proxy.url, namespace, { bulkBytes: 50_000 });
  proxy.setPlan({ fault: { kind: 'item429' }, after: 2 });
  const started = Date.now();
  expect(
    await fwd.invoke(sqsEvent([{ id: 'endless', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 2500)
  ).toEqual({
    batchItemFailures: [{ itemIdentifier: 'endless' }],
  });
  expect(Date.now() - started).toBeLessThan(2500 + 2000);
  await fwd.close();
  const log = shippedLog('endless');
  expect(log).toMatchObject({ level: 'error', message: 'shipped with failures', lines });
  expect(Number(log?.failed)).toBeGreaterThan(0);
  expect(Number(log?.created) + Number(log?.failed)).toBe(lines);
  expect(log?.failureReasons).toHaveProperty(['time budget exhausted']);
  expect(await rawCount(es, namespace)).toBe(log?.created);
});

test('garbage and binary lines are indexed, nothing lost', async () => {
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
  await putObject(s3.client, BUCKET, key, body);
  const fwd = forwarder(s3.client, esUrl(), namespace);
  expect(await fwd.invoke(sqsEvent([{ id: 'junk', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await fwd.close();
  const docs = await rawDocs(es, namespace);
  expect(docs).toHaveLength(8);
  expect(shippedLog('junk')).toMatchObject({ lines: 8, created: 8, failed: 0 });
  const withRaw = docs.filter((d) => (d.netobs as { original_base64?: string })?.original_base64);
  expect(withRaw.map((d) => (d.netobs as { original_base64: string }).original_base64)).toEqual([
    invalid.toString('base64'),
    Buffer.from([0x80, 0x81, 0x82]).toString('base64'),
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

test('an object deleted before it is read: that message fails with a clear reason', async () => {
  const namespace = uniqueNamespace('deleted');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/gone soon.log';
  const kept = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/kept.log';
  await putObject(s3.client, BUCKET, key, flowText(3));
  await putObject(s3.client, BUCKET, kept, flowText(3));
  await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  const fwd = forwarder(s3.client, esUrl(), namespace);
  expect(
    await fwd.invoke(
      sqsEvent([
        { id: 'gone', bucket: BUCKET, key },
        { id: 'kept', bucket: BUCKET, key: kept },
      ])
    )
  ).toEqual({ batchItemFailures: [{ itemIdentifier: 'gone' }] });
  await fwd.close();
  expect(logs.find((l) => l.messageId === 'gone')).toMatchObject({
    level: 'error',
    message: 'object failed',
    object: `s3://${BUCKET}/${key}`,
    errorType: 'NoSuchKey',
    reason: expect.stringMatching(/does not exist/),
  });
  expect(await rawCount(es, namespace)).toBe(3);
});
