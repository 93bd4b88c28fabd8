// The Lambda entry point: wires events → objects → bulk, within the invocation's time budget.
// For SQS it returns batchItemFailures with exactly the messages that did not complete
// (ReportBatchItemFailures), so SQS redelivers only those. For Kinesis, records are shipped in
// order and the first that did not complete is reported (nothing after it is attempted), so
// Lambda retries the shard from there. Deterministic ids make every redelivery safe. Other
// triggers throw when anything failed, so Lambda retries them.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Client } from '@elastic/elasticsearch';
import { rawDataStream } from '../../common/constants';
import type { ForwarderConfig } from './config';
import { createClient, createS3Client, describeConfig, loadConfig } from './config';
import type { WorkItem } from './events';
import { eventSourceOf, normaliseEvent } from './events';
import { log } from './log';
import { UnsupportedFormatError } from './reader';
import type { ObjectResult } from './ship_object';
import { ObjectFailedError, shipKinesisLines, shipLogEvents, shipS3Object } from './ship_object';

export interface LambdaContext {
  getRemainingTimeInMillis(): number;
  awsRequestId?: string;
}

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** Time kept back from the budget to stop cleanly and answer. */
export const SAFETY_MARGIN_MS = 5_000;

interface Runtime {
  config: ForwarderConfig;
  es: Client;
  s3: S3Client;
}

let runtime: Promise<Runtime> | undefined;

async function init(): Promise<Runtime> {
  const config = await loadConfig();
  log('info', 'forwarder configured', describeConfig(config));
  return {
    config,
    es: createClient(config.elasticsearch),
    s3: createS3Client({}, config.s3IdleTimeoutMs),
  };
}

/** For tests: replace the runtime (clients and configuration). */
export function setRuntime(value: Runtime | undefined): void {
  runtime = value ? Promise.resolve(value) : undefined;
}

async function shipItem(rt: Runtime, item: WorkItem, deadline: number): Promise<ObjectResult> {
  const shipper = {
    index: rawDataStream(rt.config.namespace),
    maxBytes: rt.config.bulkBytes,
    concurrency: rt.config.concurrency,
    compressionLevel: rt.config.compressionLevel,
    deadline,
  };
  if (item.kind === 's3')
    return shipS3Object(rt.s3, rt.es, item, shipper, {
      sourceHint: rt.config.sourceHint,
      flowLogFormat: rt.config.flowLogFormat,
    });
  if (item.kind === 'kinesis')
    return shipKinesisLines(rt.es, item, shipper, { sourceHint: rt.config.sourceHint });
  return shipLogEvents(rt.es, item, shipper, {
    flowLogFormat: rt.config.flowLogFormat,
    sourceHint: rt.config.sourceHint,
  });
}

function describeItem(item: WorkItem): Record<string, unknown> {
  if (item.kind === 's3') return { object: `s3://${item.bucket}/${item.key}`, size: item.size };
  if (item.kind === 'kinesis')
    return { stream: item.streamArn, shardId: item.shardId, lines: item.lines.length };
  return { logGroup: item.logGroup, logStream: item.logStream, events: item.events.length };
}

export async function handler(
  event: unknown,
  context: LambdaContext
): Promise<BatchResponse | { shipped: number }> {
  // A failed start (e.g. Secrets Manager briefly unreachable) must not poison the container.
  runtime ??= init().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  const rt = await runtime;
  const deadline = Date.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS;
  const source = eventSourceOf(event);
  const messages = normaliseEvent(event);
  const failed: string[] = [];
  let shipped = 0;

  for (const message of messages) {
    // Kinesis retries a shard from the first record reported: nothing after it is attempted,
    // so nothing after it is ever reported done.
    if (source === 'kinesis' && failed.length > 0) break;
    if (message.error) {
      log('error', 'message not understood; reported as failed', {
        messageId: message.id,
        reason: message.error,
      });
      failed.push(message.id);
      continue;
    }
    if (message.ignored && message.items.length === 0) {
      log('info', 'message ignored', { messageId: message.id, reason: message.ignored });
      continue;
    }
    if (Date.now() >= deadline) {
      log('warn', 'time budget exhausted before this message; left for redelivery', {
        messageId: message.id,
      });
      failed.push(message.id);
      continue;
    }
    let ok = true;
    for (const item of message.items) {
      try {
        const result = await shipItem(rt, item, deadline);
        shipped += result.created;
        const complete =
          !result.stoppedReading &&
          result.failed === 0 &&
          result.created + result.conflicts === result.lines;
        log(complete ? 'info' : 'error', complete ? 'shipped' : 'shipped with failures', {
          messageId: message.id,
          ...describeItem(item),
          bytes: result.bytes,
          lines: result.lines,
          created: result.created,
          conflicts: result.conflicts,
          failed: result.failed,
          retries: result.retries,
          failureReasons: result.failureReasons,
          ...(result.stoppedReading ? { stoppedReading: 'time budget exhausted' } : {}),
          durationMs: result.durationMs,
        });
        if (!complete) ok = false;
      } catch (error) {
        ok = false;
        const cause = error instanceof ObjectFailedError ? error.cause : error;
        const unsupported = cause instanceof UnsupportedFormatError;
        const partial = error instanceof ObjectFailedError ? error.partial : undefined;
        if (partial) shipped += partial.created;
        log('error', unsupported ? 'object format not supported' : 'object failed', {
          messageId: message.id,
          ...describeItem(item),
          reason: error instanceof Error ? error.message : String(error),
          errorType: cause instanceof Error ? cause.name : typeof cause,
          ...(partial
            ? { lines: partial.lines, created: partial.created, failed: partial.failed }
            : {}),
        });
      }
      if (!ok) break;
    }
    if (!ok) failed.push(message.id);
  }

  log('info', 'invocation done', { messages: messages.length, failed: failed.length, shipped });
  if (source === 'sqs' || source === 'kinesis')
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  if (failed.length > 0) throw new Error(`${failed.length} message(s) failed; see the logs above`);
  return { shipped };
}
