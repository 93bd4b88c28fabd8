// Ships one work item end to end: an S3 object (or local file) streamed line by line, or a
// batch of CloudWatch Logs events. Shared by the Lambda handler and the netobs CLI.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { LogEventOrigin, ObjectOrigin } from './documents';
import { kinesisLineDocument, logEventDocument, ObjectDocuments } from './documents';
import type { KinesisLines, LogEventsBatch, S3ObjectRef } from './events';
import type { LineHandler } from './reader';
import { boundYoungGeneration, BufferCollector } from './memory';
import { decodedStream, LineSplitter, lineOf } from './reader';
import type { BulkClient, ShipperOptions, ShipStats } from './shipper';
import { BulkShipper } from './shipper';

export interface ObjectResult extends ShipStats {
  lines: number;
  durationMs: number;
  /** Set when reading stopped at the deadline: `lines` are only those read, the rest is unread. */
  stoppedReading?: true;
}

export interface Progress {
  /** Called now and then with lines read and bulk bytes sent so far (the CLI's progress line). */
  onLines?: (lines: number, bytesSent: number) => void;
}

/**
 * An object that could not be read to its end (truncated or corrupt gzip, a broken download,
 * Elasticsearch unresponsive): `partial` counts what was read and indexed before, exactly.
 */
export class ObjectFailedError extends Error {
  override name = 'ObjectFailedError';
  constructor(
    message: string,
    readonly partial: ObjectResult,
    options?: { cause?: unknown }
  ) {
    super(message, options);
  }
}

/** What went wrong reading an object, in words a user acts on. */
function describeReadFailure(error: unknown, lines: number): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const after = `after ${lines.toLocaleString('en')} lines`;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(text))
    return `the object is truncated: its gzip data ends early (${after}); the lines before were shipped`;
  if (code === 'Z_DATA_ERROR') return `the object's gzip data is corrupt (${after}): ${text}`;
  return `${text} (${after})`;
}

/**
 * Streams lines from `source` into a shipper and returns the totals. Once the shipper's deadline
 * has passed nothing more can be sent, so reading stops there (a multi-GB object would otherwise
 * be read to its end after the time budget, past the Lambda timeout) and the result says so; the
 * caller reports the object unfinished and the ids make its redelivery add only the rest.
 */
export async function shipStream(
  client: BulkClient,
  source: AsyncIterable<Uint8Array>,
  origin: ObjectOrigin,
  shipper: ShipperOptions,
  progress: Progress = {}
): Promise<ObjectResult> {
  const started = Date.now();
  const bulk = new BulkShipper(client, shipper);
  const documents = new ObjectDocuments(origin);
  const splitter = new LineSplitter();
  boundYoungGeneration();
  const buffers = new BufferCollector();
  let lines = 0;
  let nextProgress = 5000;
  let stoppedReading = false;
  let stats: ShipStats;
  // Called synchronously for every line of a chunk: ordinary lines are appended to the open
  // bulk body as bytes; the others (header, JSON records, pieces, invalid UTF-8) become
  // documents first. Bodies due to be sent are sent between chunks.
  const onLine: LineHandler = (bytes, start, end, offset, piece) => {
    if (documents.appendLine(bulk.openBody, bytes, start, end, offset, piece)) {
      bulk.added();
      lines += 1;
    } else {
      for (const built of documents.toDocuments(lineOf(bytes, start, end, offset, piece))) {
        bulk.append(built.id, built.doc);
        // A CloudWatch Logs record counts one line per log event it holds.
        lines += 1;
      }
    }
    if (bulk.due) bulk.seal();
  };
  try {
    for await (const chunk of await decodedStream(source, { freeChunks: true })) {
      // Leaving the loop releases the source (an S3 body holds a socket).
      if (shipper.deadline !== undefined && Date.now() >= shipper.deadline) {
        stoppedReading = true;
        break;
      }
      // A line counts once queued: nothing is queued after shipping has failed.
      bulk.check();
      splitter.push(chunk, onLine);
      await bulk.sendSealed();
      buffers.check();
      if (progress.onLines && lines >= nextProgress) {
        progress.onLines(lines, bulk.stats.bytes);
        nextProgress = lines + 5000;
      }
    }
    if (!stoppedReading) {
      bulk.check();
      splitter.end(onLine);
    }
    stats = await bulk.finish();
  } catch (error) {
    // The object failed (read error, bad gzip): let requests in flight settle before reporting,
    // so nothing of this message is still being sent once the caller has moved on, and the
    // counts reported are what was really indexed.
    await bulk.finish().catch(() => undefined);
    const partial = { ...bulk.stats, lines, durationMs: Date.now() - started };
    throw new ObjectFailedError(describeReadFailure(error, lines), partial, { cause: error });
  }
  progress.onLines?.(lines, stats.bytes);
  return {
    ...stats,
    lines,
    durationMs: Date.now() - started,
    ...(stoppedReading ? { stoppedReading: true as const } : {}),
  };
}

/** GetObject as a stream; the object's version (else ETag) keys the document ids. */
export async function shipS3Object(
  s3: S3Client,
  client: BulkClient,
  ref: S3ObjectRef,
  shipper: ShipperOptions,
  options: { sourceHint?: string; flowLogFormat?: string } & Progress = {}
): Promise<ObjectResult> {
  // Loaded here, not up front: the CLI shipping local files never needs the AWS SDK.
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const object = await s3.send(
    new GetObjectCommand({
      Bucket: ref.bucket,
      Key: ref.key,
      ...(ref.versionId ? { VersionId: ref.versionId } : {}),
    })
  );
  const body = object.Body as Readable | undefined;
  if (!body) throw new Error(`s3://${ref.bucket}/${ref.key} has no body`);
  const origin: ObjectOrigin = {
    bucket: ref.bucket,
    key: ref.key,
    version: ref.versionId ?? object.VersionId ?? (object.ETag ?? ref.etag ?? '').replace(/"/g, ''),
    timestamp: (
      object.LastModified ?? (ref.eventTime ? new Date(ref.eventTime) : new Date())
    ).toISOString(),
    sourceHint: options.sourceHint,
    flowLogFormat: options.flowLogFormat,
  };
  return shipStream(client, body, origin, shipper, options);
}

export async function shipLogEvents(
  client: BulkClient,
  batch: LogEventsBatch,
  shipper: ShipperOptions,
  options: Omit<LogEventOrigin, 'logGroup' | 'logStream' | 'owner'> = {}
): Promise<ObjectResult> {
  const started = Date.now();
  const bulk = new BulkShipper(client, shipper);
  const origin: LogEventOrigin = {
    logGroup: batch.logGroup,
    logStream: batch.logStream,
    owner: batch.owner,
    ...options,
  };
  // Ids must be unique per event: one CloudWatch gave twice, or not at all, is told apart by
  // its position in the batch (stable when the same batch is delivered again).
  const seen = new Set<string>();
  for (const [position, event] of batch.events.entries()) {
    const repeated = event.id === undefined || seen.has(event.id);
    if (event.id !== undefined) seen.add(event.id);
    const { id, doc } = logEventDocument(origin, event, repeated ? position : undefined);
    await bulk.add(id, doc).catch((error: unknown) => failAt(bulk, position, started, error));
  }
  const stats = await bulk
    .finish()
    .catch((error: unknown) => failAt(bulk, batch.events.length, started, error));
  return { ...stats, lines: batch.events.length, durationMs: Date.now() - started };
}

/** Elasticsearch stopped answering: report what was indexed, as shipStream does. */
async function failAt(
  bulk: BulkShipper,
  lines: number,
  started: number,
  error: unknown
): Promise<never> {
  await bulk.finish().catch(() => undefined);
  const partial = { ...bulk.stats, lines, durationMs: Date.now() - started };
  throw new ObjectFailedError(describeReadFailure(error, lines), partial, { cause: error });
}

/** The lines of one Kinesis record (raw log text). */
export async function shipKinesisLines(
  client: BulkClient,
  record: KinesisLines,
  shipper: ShipperOptions,
  options: { sourceHint?: string } = {}
): Promise<ObjectResult> {
  const started = Date.now();
  const bulk = new BulkShipper(client, shipper);
  for (const [position, line] of record.lines.entries()) {
    const { id, doc } = kinesisLineDocument(record, line, position, options.sourceHint);
    await bulk.add(id, doc).catch((error: unknown) => failAt(bulk, position, started, error));
  }
  const stats = await bulk
    .finish()
    .catch((error: unknown) => failAt(bulk, record.lines.length, started, error));
  return { ...stats, lines: record.lines.length, durationMs: Date.now() - started };
}
