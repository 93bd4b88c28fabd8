// Shared set-up for the forwarder integration tests: the stack each file needs (the real
// Elasticsearch, s3rver, the fault-injecting bulk proxy), a test data stream template without the
// netobs-router default pipeline (the Maven Central Elasticsearch has no ingest processors), unique
// namespaces, flow-log lines, SQS-shaped S3 notifications, the handler wired to real clients, and
// the exactly-once check every fault test ends with.
import type { Client } from '@elastic/elasticsearch';
import type { S3Client } from '@aws-sdk/client-s3';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { rawDataStream, VPC_FLOW_DEFAULT_FIELDS } from '../../common/constants';
import type { ForwarderConfig } from '../../ingest-lambda/src/config';
import { createClient } from '../../ingest-lambda/src/config';
import type { BatchResponse } from '../../ingest-lambda/src/handler';
import { handler, setRuntime } from '../../ingest-lambda/src/handler';
import { setLogSink } from '../../ingest-lambda/src/log';
import type { BulkProxy } from '../support/bulk_proxy';
import { startBulkProxy } from '../support/bulk_proxy';
import { esUrl, testClient } from '../support/es_env';
import type { S3TestServer } from '../support/s3_server';
import { startS3Server } from '../support/s3_server';

/** Namespaces of forwarder tests start with this; the template below matches them. */
export const NS_PREFIX = 'fwdtest';

let sequence = 0;
/** A namespace nobody used before (data streams cannot be deleted on the test node). */
export function uniqueNamespace(label: string): string {
  sequence += 1;
  return `${NS_PREFIX}${Date.now().toString(36)}${sequence}_${label}`;
}

/** `logs-netobs.raw-fwdtest*` as a plain data stream (priority above the product's 200). */
export async function installTestTemplate(es: Client): Promise<void> {
  await es.indices.putIndexTemplate({
    name: 'netobs-forwarder-tests',
    index_patterns: [`logs-netobs.raw-${NS_PREFIX}*`],
    priority: 300,
    data_stream: {},
    template: {
      settings: { number_of_replicas: 0, number_of_shards: 1 },
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          message: { type: 'keyword', ignore_above: 8191 },
          log: { properties: { offset: { type: 'long' } } },
          netobs: {
            properties: { original_base64: { type: 'keyword', index: false, doc_values: false } },
          },
        },
      },
    },
    _meta: { description: 'forwarder integration tests: no default pipeline' },
  });
}

export interface ForwarderStack {
  es: Client;
  s3: S3TestServer;
  /** The loopback bulk proxy in front of Elasticsearch (only when asked for). */
  proxy: BulkProxy;
}

/**
 * Registers beforeAll/afterAll hooks that start what a forwarder test file needs: the test
 * template, s3rver with `bucket`, and optionally the bulk proxy (set back to pass-through before
 * each test). The returned object is filled in by beforeAll.
 */
export function forwarderStack(bucket: string, options: { proxy?: boolean } = {}): ForwarderStack {
  const stack = { es: testClient() } as ForwarderStack;
  beforeAll(async () => {
    await installTestTemplate(stack.es);
    stack.s3 = await startS3Server();
    await stack.s3.createBucket(bucket);
    if (options.proxy) stack.proxy = await startBulkProxy(esUrl());
  });
  if (options.proxy) beforeEach(() => stack.proxy.setPlan({ fault: { kind: 'none' } }));
  afterAll(async () => {
    await stack.proxy?.close();
    await stack.s3?.close();
    await stack.es.close();
  });
  return stack;
}

export const FLOW_HEADER = VPC_FLOW_DEFAULT_FIELDS.join(' ');

/** A default-format flow-log record; `i` makes it unique (the bytes field), a per-line marker. */
export const flowLine = (i: number) =>
  `2 123456789012 eni-0a1b2c3d 10.0.${i % 256}.${i % 200} 172.16.0.${i % 100} ${1024 + (i % 60000)} 443 6 ${1 + (i % 50)} ${100 + i} 1763800000 1763800060 ${i % 7 ? 'ACCEPT' : 'REJECT'} OK`;

/** The records a flowText(count) object ships (its header is not shipped). */
export const flowLines = (count: number) => Array.from({ length: count }, (_, i) => flowLine(i));

/** A flow-log object: the header line, then `count` records. */
export const flowText = (count: number, header = FLOW_HEADER, eol = '\n') =>
  [header, ...flowLines(count)].join(eol) + eol;

/** The S3 notification key encoding: form encoding, with "/" left alone. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

export function sqsEvent(messages: { id: string; bucket: string; key: string; size?: number }[]) {
  return {
    Records: messages.map((m) => ({
      messageId: m.id,
      receiptHandle: `rh-${m.id}`,
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:netobs-forwarder',
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {},
      body: JSON.stringify({
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: 'us-east-1',
            eventTime: new Date().toISOString(),
            eventName: 'ObjectCreated:Put',
            s3: {
              s3SchemaVersion: '1.0',
              bucket: { name: m.bucket, arn: `arn:aws:s3:::${m.bucket}` },
              object: { key: encodeKey(m.key), size: m.size ?? 0, sequencer: '01' },
            },
          },
        ],
      }),
    })),
  };
}

export type LogLine = Record<string, unknown> & { level: string; message: string };

/** The "shipped" / "shipped with failures" log line of a message (the last one, if several). */
export function shippedLog(logs: LogLine[], messageId: string): LogLine | undefined {
  return [...logs]
    .reverse()
    .find((l) => l.messageId === messageId && l.message.startsWith('shipped'));
}

/** Every log line about one message. */
export function messageLogs(logs: LogLine[], messageId: string): LogLine[] {
  return logs.filter((l) => l.messageId === messageId);
}

/** Captures the forwarder's JSON log lines. */
export function captureLogs(): LogLine[] {
  const lines: LogLine[] = [];
  setLogSink((line) => lines.push(JSON.parse(line) as LogLine));
  return lines;
}

export interface Forwarder {
  invoke(event: unknown, remainingMs?: number): Promise<BatchResponse>;
  close(): Promise<void>;
}

/** The Lambda handler with a real S3 client and a real Elasticsearch client (at `esNode`). */
export function forwarder(
  s3: S3Client,
  esNode: string,
  namespace: string,
  overrides: Partial<ForwarderConfig> = {}
): Forwarder {
  const config: ForwarderConfig = {
    elasticsearch: { node: esNode },
    namespace,
    bulkBytes: 5 * 1024 * 1024,
    concurrency: 2,
    ...overrides,
    compressionLevel: overrides.compressionLevel ?? 1,
  };
  const es = createClient(config.elasticsearch);
  return {
    invoke: async (event, remainingMs = 120_000) => {
      setRuntime({ config, es, s3 });
      return (await handler(event, {
        getRemainingTimeInMillis: () => remainingMs,
      })) as BatchResponse;
    },
    close: async () => {
      setRuntime(undefined);
      await es.close();
    },
  };
}

export async function putObject(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Buffer | string
): Promise<void> {
  const ContentLength = Buffer.byteLength(body);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength }));
}

/** Documents of a namespace's raw data stream, by offset. */
export async function rawDocs(
  es: Client,
  namespace: string,
  size = 10_000
): Promise<Record<string, unknown>[]> {
  const index = rawDataStream(namespace);
  await es.indices.refresh({ index });
  const result = await es.search<Record<string, unknown>>({
    index,
    size,
    sort: [{ 'log.offset': 'asc' }],
  });
  return result.hits.hits.map((hit) => ({ _id: hit._id, ...hit._source }));
}

export async function rawCount(es: Client, namespace: string): Promise<number> {
  const index = rawDataStream(namespace);
  await es.indices.refresh({ index });
  return (await es.count({ index })).count;
}

interface RawSource {
  message: string;
  log?: { offset?: number; file?: { path?: string } };
  aws?: { kinesis?: { sequence_number?: string } };
  awscloudwatch?: { log_stream?: string };
}

/** Where a raw document's line came from: its object, its Kinesis record or its log stream. */
function locationOf(source: RawSource | undefined): string {
  return String(
    source?.log?.file?.path ??
      source?.aws?.kinesis?.sequence_number ??
      source?.awscloudwatch?.log_stream ??
      'unknown'
  );
}

/**
 * The exactly-once check: the raw data stream of `namespace` holds each expected line once and
 * nothing else. Counts documents, distinct _ids and distinct (object, offset) pairs, and compares
 * the messages as a multiset, so a lost line, a duplicate and a stray line all fail it.
 */
export async function expectExactlyOnce(
  es: Client,
  namespace: string,
  expected: string[]
): Promise<void> {
  const index = rawDataStream(namespace);
  await es.indices.refresh({ index });
  const { count } = await es.count({ index });
  expect(count).toBe(expected.length);
  // Fewer than 10,000 lines per test: one page holds them all (and any duplicate or stray).
  expect(expected.length).toBeLessThanOrEqual(10_000);
  const result = await es.search<RawSource>({
    index,
    size: 10_000,
    _source: [
      'message',
      'log.offset',
      'log.file.path',
      'aws.kinesis.sequence_number',
      'awscloudwatch.log_stream',
    ],
  });
  const hits = result.hits.hits;
  expect(hits).toHaveLength(expected.length);
  expect(new Set(hits.map((h) => h._id)).size).toBe(expected.length);
  expect(
    new Set(hits.map((h) => `${locationOf(h._source)}@${h._source?.log?.offset ?? h._id}`)).size
  ).toBe(expected.length);
  expect(hits.map((h) => h._source?.message).sort()).toEqual([...expected].sort());
}

/**
 * The redelivery of one message whose earlier delivery indexed `already` of the object's `lines`
 * records: it succeeds, counts those as conflicts and creates the rest, and every line of the
 * object is then indexed exactly once. (Callers close `fwd` themselves.)
 */
export async function expectRedeliveryCompletes(
  fwd: Forwarder,
  message: { id: string; bucket: string; key: string },
  check: { es: Client; logs: LogLine[]; namespace: string; lines: number; already: number }
): Promise<void> {
  check.logs.length = 0;
  expect(await fwd.invoke(sqsEvent([message]))).toEqual({ batchItemFailures: [] });
  expect(shippedLog(check.logs, message.id)).toMatchObject({
    message: 'shipped',
    lines: check.lines,
    conflicts: check.already,
    created: check.lines - check.already,
    failed: 0,
  });
  await expectExactlyOnce(check.es, check.namespace, flowLines(check.lines));
}

/** Byte offsets of the non-empty lines of a text (what the forwarder reports as log.offset). */
export function lineOffsets(text: string, skipFirst = false): number[] {
  const offsets: number[] = [];
  let position = 0;
  for (const line of text.split('\n')) {
    if (line.replace(/\r$/, '') !== '') offsets.push(position);
    position += Buffer.byteLength(line) + 1;
  }
  return skipFirst ? offsets.slice(1) : offsets;
}
