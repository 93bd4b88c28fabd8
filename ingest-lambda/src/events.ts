// Normalises every event shape the forwarder accepts into work items, one list per message:
// SQS messages carrying S3 notifications (directly, SNS-wrapped raw or not, or EventBridge
// "Object Created"), direct S3 / SNS / EventBridge invocations, CloudWatch Logs subscription
// payloads, and Kinesis Data Streams records (a CloudWatch Logs payload or raw log text each).
// A message that cannot be understood is reported on its own, never thrown for the whole batch.
import { gunzipSync } from 'node:zlib';

export interface S3ObjectRef {
  kind: 's3';
  bucket: string;
  /** Decoded key (S3 notifications form-encode it: "+" is a space). */
  key: string;
  size?: number;
  versionId?: string;
  etag?: string;
  /** Event time, used as @timestamp fallback for lines without one. */
  eventTime?: string;
}

export interface LogEventsBatch {
  kind: 'cloudwatch';
  logGroup: string;
  logStream: string;
  owner?: string;
  /** `id` as CloudWatch Logs gave it; absent when the payload carried none. */
  events: { id?: string; timestamp: number; message: string }[];
}

/** Raw log text from one Kinesis record: its lines, and where the record sits in the stream. */
export interface KinesisLines {
  kind: 'kinesis';
  streamArn: string;
  shardId: string;
  sequenceNumber: string;
  /** Epoch ms at which Kinesis received the record. */
  arrivalMs?: number;
  lines: string[];
}

export type WorkItem = S3ObjectRef | LogEventsBatch | KinesisLines;

export interface NormalisedMessage {
  /** SQS message id (for batchItemFailures), or a synthetic id for other invocations. */
  id: string;
  items: WorkItem[];
  /** Why the message could not be understood; such a message is reported failed. */
  error?: string;
  /** True for notifications that need no work (s3:TestEvent, CloudWatch control messages). */
  ignored?: string;
}

/** Where a batch came from decides how its partial failures are reported. */
export type EventSource = 'sqs' | 'kinesis' | 'other';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** S3 event keys are URL form-encoded: "+" means space, then percent-decoding. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

function fromS3Records(records: unknown[]): WorkItem[] {
  const items: WorkItem[] = [];
  for (const record of records) {
    if (!isObject(record) || !isObject(record.s3)) throw new Error('S3 record without "s3"');
    const eventName = String(record.eventName ?? '');
    if (eventName && !eventName.startsWith('ObjectCreated')) continue;
    const bucket = (record.s3.bucket as Json | undefined)?.name;
    const object = record.s3.object as Json | undefined;
    if (typeof bucket !== 'string' || !object || typeof object.key !== 'string') {
      throw new Error('S3 record without bucket name or object key');
    }
    items.push({
      kind: 's3',
      bucket,
      key: decodeS3Key(object.key),
      size: typeof object.size === 'number' ? object.size : undefined,
      versionId: typeof object.versionId === 'string' ? object.versionId : undefined,
      etag: typeof object.eTag === 'string' ? object.eTag : undefined,
      eventTime: typeof record.eventTime === 'string' ? record.eventTime : undefined,
    });
  }
  return items;
}

function fromEventBridge(event: Json): WorkItem[] {
  const detail = event.detail as Json | undefined;
  const bucket = (detail?.bucket as Json | undefined)?.name;
  const object = detail?.object as Json | undefined;
  if (typeof bucket !== 'string' || typeof object?.key !== 'string') {
    throw new Error('EventBridge event without detail.bucket.name or detail.object.key');
  }
  return [
    {
      kind: 's3',
      bucket,
      // EventBridge keys are not form-encoded, but may be percent-encoded.
      key: decodeURIComponent(object.key),
      size: typeof object.size === 'number' ? object.size : undefined,
      versionId: typeof object['version-id'] === 'string' ? object['version-id'] : undefined,
      etag: typeof object.etag === 'string' ? object.etag : undefined,
      eventTime: typeof event.time === 'string' ? event.time : undefined,
    },
  ];
}

/** The most a CloudWatch Logs payload may inflate to. */
export const MAX_CLOUDWATCH_BYTES = 64 * 1024 * 1024;

/** gzip, refusing output past MAX_CLOUDWATCH_BYTES: a bigger one is a gzip bomb. */
function inflate(data: Buffer): Buffer {
  return gunzipSync(data, { maxOutputLength: MAX_CLOUDWATCH_BYTES });
}

/** CloudWatch Logs subscription data: base64 of gzipped JSON. */
export function decodeCloudWatchLogs(data: string): LogEventsBatch | 'control' {
  // Lambda payloads are at most 6 MB; a subscription batch inflates to well under 64 MB.
  return fromCloudWatchPayload(JSON.parse(inflate(Buffer.from(data, 'base64')).toString('utf8')));
}

/** A parsed CloudWatch Logs subscription payload (DATA_MESSAGE) as a batch; 'control' for a
 * CONTROL_MESSAGE. Throws on anything else. */
export function fromCloudWatchPayload(parsed: unknown): LogEventsBatch | 'control' {
  if (!isObject(parsed)) throw new Error('CloudWatch Logs payload is not a JSON object');
  const payload = parsed;
  if (payload.messageType === 'CONTROL_MESSAGE') return 'control';
  if (!Array.isArray(payload.logEvents))
    throw new Error('CloudWatch Logs payload without logEvents');
  return {
    kind: 'cloudwatch',
    logGroup: String(payload.logGroup ?? ''),
    logStream: String(payload.logStream ?? ''),
    owner: typeof payload.owner === 'string' ? payload.owner : undefined,
    events: (payload.logEvents as Json[]).map((e) => ({
      id: typeof e.id === 'string' && e.id !== '' ? e.id : undefined,
      timestamp: Number(e.timestamp),
      message: String(e.message ?? ''),
    })),
  };
}

/** Interprets one JSON payload (an SQS body, an SNS message or a direct invocation). */
function interpret(body: Json): { items: WorkItem[]; ignored?: string } {
  if (body.Event === 's3:TestEvent') return { items: [], ignored: 's3:TestEvent' };
  if (Array.isArray(body.Records)) {
    const records = body.Records as Json[];
    // SNS notification (non-raw delivery) inside SQS, or an SNS-triggered Lambda.
    if (records.length > 0 && isObject(records[0].Sns)) {
      return records
        .map((r) => interpret(parseJson(String((r.Sns as Json).Message), 'SNS Message')))
        .reduce(
          (acc, next) => ({
            items: [...acc.items, ...next.items],
            ignored: acc.ignored ?? next.ignored,
          }),
          {
            items: [] as WorkItem[],
          }
        );
    }
    return { items: fromS3Records(records) };
  }
  if (body.Type === 'Notification' && typeof body.Message === 'string') {
    return interpret(parseJson(body.Message, 'SNS Message'));
  }
  if (body['detail-type'] === 'Object Created' && body.source === 'aws.s3')
    return { items: fromEventBridge(body) };
  if (isObject(body.awslogs) && typeof body.awslogs.data === 'string') {
    const batch = decodeCloudWatchLogs(body.awslogs.data);
    return batch === 'control'
      ? { items: [], ignored: 'CloudWatch Logs control message' }
      : { items: [batch] };
  }
  throw new Error(
    `unrecognised event shape (keys: ${Object.keys(body).slice(0, 8).join(', ') || 'none'})`
  );
}

function parseJson(text: string, what: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  if (!isObject(parsed)) throw new Error(`${what} is not a JSON object`);
  return parsed;
}

function normaliseOne(
  id: string,
  interpretBody: () => { items: WorkItem[]; ignored?: string }
): NormalisedMessage {
  try {
    const { items, ignored } = interpretBody();
    return { id, items, ignored };
  } catch (error) {
    return { id, items: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One Kinesis record (AWS: "Using Lambda with Kinesis Data Streams", the event's
 * Records[].kinesis): base64 `data` holding either a CloudWatch Logs subscription payload (gzip
 * JSON, as a subscription filter with a Kinesis destination writes it) or raw log text, one or
 * many lines, optionally gzipped.
 */
function fromKinesisRecord(record: Json): { items: WorkItem[]; ignored?: string } {
  const kinesis = record.kinesis;
  if (!isObject(kinesis) || typeof kinesis.data !== 'string')
    throw new Error('Kinesis record without kinesis.data');
  const raw = Buffer.from(kinesis.data, 'base64');
  const gzipped = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const text = (gzipped ? inflate(raw) : raw).toString('utf8');
  if (gzipped && text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isObject(parsed) && 'messageType' in parsed) {
      const batch = fromCloudWatchPayload(parsed);
      return batch === 'control'
        ? { items: [], ignored: 'CloudWatch Logs control message' }
        : { items: [batch] };
    }
  }
  const eventId = String(record.eventID ?? '');
  const arrival = Number(kinesis.approximateArrivalTimestamp);
  return {
    items: [
      {
        kind: 'kinesis',
        streamArn: String(record.eventSourceARN ?? ''),
        // eventID is "<shard id>:<sequence number>".
        shardId: eventId.includes(':') ? eventId.slice(0, eventId.indexOf(':')) : eventId,
        sequenceNumber: String(kinesis.sequenceNumber ?? ''),
        arrivalMs: Number.isFinite(arrival) ? Math.round(arrival * 1000) : undefined,
        lines: text.split(/\r?\n/).filter((line) => line.length > 0),
      },
    ],
  };
}

/** Which service invoked the function, by its records' `eventSource`. */
export function eventSourceOf(event: unknown): EventSource {
  const first = isObject(event) && Array.isArray(event.Records) ? event.Records[0] : undefined;
  const source = isObject(first) ? first.eventSource : undefined;
  return source === 'aws:sqs' ? 'sqs' : source === 'aws:kinesis' ? 'kinesis' : 'other';
}

/** The Lambda event, whatever triggered it, as messages with work items. */
export function normaliseEvent(event: unknown): NormalisedMessage[] {
  if (!isObject(event)) return [{ id: 'event', items: [], error: 'event is not an object' }];
  const records = Array.isArray(event.Records) ? (event.Records as Json[]) : [];
  switch (eventSourceOf(event)) {
    case 'sqs':
      return records.map((record, i) =>
        normaliseOne(String(record.messageId ?? `sqs-${i}`), () =>
          interpret(parseJson(String(record.body ?? ''), 'SQS message body'))
        )
      );
    case 'kinesis':
      // The sequence number identifies a record for Lambda's partial batch response.
      return records.map((record, i) =>
        normaliseOne(
          String((record.kinesis as Json | undefined)?.sequenceNumber ?? `kinesis-${i}`),
          () => fromKinesisRecord(record)
        )
      );
    default:
      return [normaliseOne('event', () => interpret(event))];
  }
}
