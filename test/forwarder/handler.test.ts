// The Lambda handler end to end against s3rver (real AWS SDK) and the real Elasticsearch: exact
// counts and offsets, custom formats, idempotent redelivery, and the same object redelivered to two
// invocations running at once. Faults: es_faults.test.ts (Elasticsearch side) and
// object_faults.test.ts (S3 and object contents).
import { gzipSync } from 'node:zlib';
import { esUrl } from '../support/es_env';
import type { LogLine } from './helpers';
import {
  captureLogs,
  expectExactlyOnce,
  FLOW_HEADER,
  flowLine,
  flowLines,
  flowText,
  forwarder,
  forwarderStack,
  lineOffsets,
  putObject,
  rawCount,
  rawDocs,
  sqsEvent,
  uniqueNamespace,
} from './helpers';
import { SAFETY_MARGIN_MS } from '../../ingest-lambda/src/handler';

const BUCKET = 'flow-logs';
const stack = forwarderStack(BUCKET, { proxy: true });
const { es } = stack;
let logs: LogLine[];

const shippedLogs = (id: string) =>
  logs.filter((l) => l.messageId === id && l.message.startsWith('shipped'));
const shippedLog = (id: string) => shippedLogs(id).at(-1);

beforeEach(() => {
  logs = captureLogs();
});

test('gzip and plain objects: exact document counts and byte offsets', async () => {
  const namespace = uniqueNamespace('basic');
  const gzKey = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/flow log+1.log.gz';
  const plainKey = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/café.log';
  const gzText = flowText(1500);
  const plainText = flowText(40, FLOW_HEADER, '\r\n').slice(0, -2); // CRLF, no final newline
  await putObject(stack.s3.client, BUCKET, gzKey, gzipSync(gzText));
  await putObject(stack.s3.client, BUCKET, plainKey, plainText);

  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
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
  await putObject(stack.s3.client, BUCKET, key, gzipSync(text));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
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
  await putObject(stack.s3.client, BUCKET, key, gzipSync(flowText(700)));
  const fwd = forwarder(stack.s3.client, esUrl(), namespace);
  const event = sqsEvent([{ id: 'again', bucket: BUCKET, key }]);
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  expect(await rawCount(es, namespace)).toBe(700);
  logs.length = 0;
  expect(await fwd.invoke(event)).toEqual({ batchItemFailures: [] });
  await fwd.close();
  expect(shippedLog('again')).toMatchObject({ lines: 700, created: 0, conflicts: 700, failed: 0 });
  expect(await rawCount(es, namespace)).toBe(700);
});

test('the same object redelivered to two invocations at once: exactly one copy of each line', async () => {
  const namespace = uniqueNamespace('concurrent');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/twice.log.gz';
  const lines = 4000;
  await putObject(stack.s3.client, BUCKET, key, gzipSync(flowText(lines)));
  // Two containers, each with its own clients; small bodies so their requests interleave.
  const first = forwarder(stack.s3.client, esUrl(), namespace, { bulkBytes: 40_000 });
  const second = forwarder(stack.s3.client, esUrl(), namespace, { bulkBytes: 40_000 });
  const event = sqsEvent([{ id: 'dup', bucket: BUCKET, key }]);
  const responses = await Promise.all([first.invoke(event), second.invoke(event)]);
  await Promise.all([first.close(), second.close()]);
  expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
  const shipped = shippedLogs('dup');
  expect(shipped).toHaveLength(2);
  for (const log of shipped) {
    expect(log).toMatchObject({ message: 'shipped', lines, failed: 0 });
    expect(Number(log.created) + Number(log.conflicts)).toBe(lines);
  }
  // Each line was created by exactly one of them; the other got a 409.
  expect(shipped.reduce((sum, log) => sum + Number(log.created), 0)).toBe(lines);
  await expectExactlyOnce(es, namespace, flowLines(lines));
});

test('two invocations at once, one of them losing Elasticsearch: the other completes, no duplicate', async () => {
  const namespace = uniqueNamespace('concurrent_fault');
  const key = 'AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/22/twice-faulty.log.gz';
  const lines = 3000;
  await putObject(stack.s3.client, BUCKET, key, gzipSync(flowText(lines)));
  const broken = forwarder(stack.s3.client, stack.proxy.url, namespace, { bulkBytes: 40_000 });
  const healthy = forwarder(stack.s3.client, esUrl(), namespace, { bulkBytes: 40_000 });
  stack.proxy.setPlan({ fault: { kind: 'close' }, after: 2 });
  const [fromBroken, fromHealthy] = await Promise.all([
    broken.invoke(sqsEvent([{ id: 'via-proxy', bucket: BUCKET, key }]), SAFETY_MARGIN_MS + 2000),
    healthy.invoke(sqsEvent([{ id: 'direct', bucket: BUCKET, key }])),
  ]);
  expect(fromBroken).toEqual({ batchItemFailures: [{ itemIdentifier: 'via-proxy' }] });
  expect(fromHealthy).toEqual({ batchItemFailures: [] });
  expect(shippedLog('direct')).toMatchObject({ message: 'shipped', lines, failed: 0 });
  await stack.proxy.idle();
  await expectExactlyOnce(es, namespace, flowLines(lines));

  // SQS redelivers the failed message: everything is already there.
  stack.proxy.setPlan({ fault: { kind: 'none' } });
  expect(await broken.invoke(sqsEvent([{ id: 'via-proxy', bucket: BUCKET, key }]))).toEqual({
    batchItemFailures: [],
  });
  await Promise.all([broken.close(), healthy.close()]);
  expect(shippedLog('via-proxy')).toMatchObject({ lines, created: 0, conflicts: lines, failed: 0 });
  await expectExactlyOnce(es, namespace, flowLines(lines));
});
