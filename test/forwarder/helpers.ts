// Shared set-up for the forwarder integration tests: a test data stream template without the
// netobs-router default pipeline (the Maven Central Elasticsearch has no ingest processors), unique
// namespaces, SQS-shaped S3 notifications, and the handler wired to real clients.
import type { Client } from '@elastic/elasticsearch';
import type { S3Client } from '@aws-sdk/client-s3';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { rawDataStream } from '../../common/constants';
import type { ForwarderConfig } from '../../ingest-lambda/src/config';
import { createClient } from '../../ingest-lambda/src/config';
import type { BatchResponse } from '../../ingest-lambda/src/handler';
import { handler, setRuntime } from '../../ingest-lambda/src/handler';
import { setLogSink } from '../../ingest-lambda/src/log';

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
