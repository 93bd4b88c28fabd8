// Builds the raw documents the forwarder ships (message + where it came from) and their
// deterministic ids: the same line of the same object version always gets the same _id, so a
// redelivered or re-sent object creates no duplicates.
import { isUtf8 } from 'node:buffer';
import crypto, { createHash } from 'node:crypto';
import type { KinesisLines, LogEventsBatch } from './events';
import { fromCloudWatchPayload } from './events';
import { VPC_FLOW_DEFAULT_FIELDS } from '../../common/constants';
import { isDefaultVpcFormat, parseFlowLogHeader } from '../../common/sources';
import type { Line } from './reader';
import type { BulkBody } from './shipper';

export interface ObjectOrigin {
  /** s3 objects: bucket and key; local files: an absolute path. */
  bucket?: string;
  key?: string;
  path?: string;
  /** Object version, else ETag, else (local files) size and mtime: what makes content unique. */
  version: string;
  /** @timestamp for lines (the object's time; the pipelines replace it with the event's own). */
  timestamp: string;
  sourceHint?: string;
  /** Flow-log field list for CloudWatch-delivered flow logs found in the object (no header). */
  flowLogFormat?: string;
}

export type RawDocument = Record<string, unknown>;

export function documentId(...parts: (string | number)[]): string {
  return sha256Id(parts.join('\n'));
}

// crypto.hash (Node ≥ 20.12/21.7) hashes a short string in one call, about twice as fast.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: string) => string })
  .hash;

/** The first 27 characters of the base64url SHA-256 of `text` (what every id is). */
function sha256Id(text: string): string {
  return (
    oneShot
      ? oneShot('sha256', text, 'base64url')
      : createHash('sha256').update(text).digest('base64url')
  ).slice(0, 27);
}

/** Text whose UTF-8 bytes are each one character (Latin-1), to write with one latin1 write. */
const asLatin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** A byte that JSON must escape (control, `"`, `\\`) or that is not ASCII (UTF-8 to check). */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\x00-\x1f"\\\x80-\xff]/;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x1f"\\]/;

/**
 * An ordinary line's bulk action and document as bytes, exactly as JSON.stringify writes them
 * for toDocument's object (same keys, same order): the parts that do not change within an
 * object are serialised once, and the line's bytes are copied as they are when nothing in them
 * needs escaping (one Latin-1 string per line: each byte one character, written back as the
 * same bytes). Its id is documentId(location, version, offset, '').
 */
class LineTemplate {
  private readonly idPrefix: string;
  /** `"}}\n{"@timestamp":…,"message":` (Latin-1 of its UTF-8 bytes) */
  private readonly head: string;
  /** `,"file":{"path":…}},"cloud":…,"aws":…,"netobs":…}\n` (Latin-1 of its UTF-8 bytes) */
  private readonly tail: string;

  constructor(origin: ObjectOrigin, location: string, netobs: Record<string, unknown>) {
    this.idPrefix = `${location}\n${origin.version}\n`;
    this.head = asLatin1(`"}}\n{"@timestamp":${JSON.stringify(origin.timestamp)},"message":`);
    const { bucket, key } = origin;
    let tail = `,"file":{"path":${JSON.stringify(location)}}},"cloud":{"provider":"aws"}`;
    if (bucket !== undefined)
      tail += `,"aws":${JSON.stringify({ s3: { bucket: { name: bucket }, object: { key } } })}`;
    if (Object.keys(netobs).length > 0) tail += `,"netobs":${JSON.stringify(netobs)}`;
    this.tail = asLatin1(`${tail}}\n`);
  }

  /** Appends the line's action and document; false when the line needs the general path. */
  append(body: BulkBody, bytes: Buffer, start: number, end: number, offset: number): boolean {
    let message = bytes.toString('latin1', start, end);
    if (NOT_PLAIN.test(message)) {
      // Invalid UTF-8 keeps its original bytes in netobs.original_base64: the general path.
      if (!isUtf8(bytes.subarray(start, end))) return false;
      if (NEEDS_ESCAPE.test(message))
        message = asLatin1(JSON.stringify(bytes.toString('utf8', start, end)).slice(1, -1));
    }
    const offsetText = String(offset);
    const id = sha256Id(this.idPrefix + offsetText + '\n');
    body.begin();
    body.appendLatin1(
      '{"create":{"_id":"' +
        id +
        this.head +
        '"' +
        message +
        '","log":{"offset":' +
        offsetText +
        this.tail
    );
    return true;
  }
}

export class ObjectDocuments {
  private fields?: string;
  private first = true;
  private template?: LineTemplate;

  constructor(private readonly origin: ObjectOrigin) {}

  /**
   * The fast path for an ordinary line (not the first, not a piece, not JSON, valid UTF-8):
   * appends its action and document to `body` as bytes, identical to what toDocument's
   * document serialises to, and returns true; false when the line must take toDocuments.
   */
  appendLine(
    body: BulkBody,
    bytes: Buffer,
    start: number,
    end: number,
    offset: number,
    piece: number | undefined
  ): boolean {
    if (this.first || piece !== undefined || bytes[start] === 0x7b) return false;
    if (!this.template) {
      const { bucket, key, path, sourceHint } = this.origin;
      const location = bucket !== undefined ? `s3://${bucket}/${key}` : String(path);
      const netobs: Record<string, unknown> = {};
      if (sourceHint) netobs.source = sourceHint;
      if (this.fields) netobs.flowlog = { fields: this.fields };
      this.template = new LineTemplate(this.origin, location, netobs);
    }
    return this.template.append(body, bytes, start, end, offset);
  }

  /**
   * The documents for a line: none for a header line or a CloudWatch Logs control message, one
   * per log event for a CloudWatch Logs subscription record (as Firehose writes them to S3),
   * else one holding the line as it is (a malformed JSON line too: nothing is dropped).
   */
  toDocuments(line: Line): { id: string; doc: RawDocument }[] {
    const batch = line.piece === undefined && !line.raw ? subscriptionRecord(line.text) : undefined;
    if (batch === undefined) {
      const built = this.toDocument(line);
      return built ? [built] : [];
    }
    this.first = false;
    if (batch === 'control') return [];
    const { bucket, key, path, version, sourceHint, flowLogFormat } = this.origin;
    const location = bucket !== undefined ? `s3://${bucket}/${key}` : String(path);
    const origin: LogEventOrigin = {
      logGroup: batch.logGroup,
      logStream: batch.logStream,
      owner: batch.owner,
      flowLogFormat,
      sourceHint,
    };
    return batch.events.map((event, index) => {
      // An event with an id gets the id the Lambda's own subscription path gives it, so a record
      // Firehose delivered twice (or one that also reached the Lambda directly) is indexed once.
      const built = logEventDocument(origin, event);
      const id =
        event.id !== undefined
          ? built.id
          : documentId(location, version, line.offset, 'event', index);
      const doc = built.doc;
      doc.log = { offset: line.offset, file: { path: location } };
      if (bucket !== undefined) doc.aws = { s3: { bucket: { name: bucket }, object: { key } } };
      return { id, doc };
    });
  }

  /** The document for a line, or undefined for a header line. */
  toDocument(line: Line): { id: string; doc: RawDocument } | undefined {
    if (this.first) {
      this.first = false;
      const header = line.piece === undefined ? parseFlowLogHeader(line.text) : undefined;
      if (header) {
        if (!isDefaultVpcFormat(header)) this.fields = header.join(' ');
        return undefined;
      }
    }
    const { bucket, key, path, version, timestamp, sourceHint } = this.origin;
    const location = bucket !== undefined ? `s3://${bucket}/${key}` : String(path);
    const doc: RawDocument = {
      '@timestamp': timestamp,
      message: line.text,
      log: { offset: line.offset, file: { path: location } },
      cloud: { provider: 'aws' },
    };
    if (bucket !== undefined) doc.aws = { s3: { bucket: { name: bucket }, object: { key } } };
    const netobs: Record<string, unknown> = {};
    if (sourceHint) netobs.source = sourceHint;
    if (this.fields) netobs.flowlog = { fields: this.fields };
    if (line.raw) netobs.original_base64 = line.raw.toString('base64');
    if (line.piece !== undefined) netobs.piece = line.piece;
    if (Object.keys(netobs).length > 0) doc.netobs = netobs;
    return { id: documentId(location, version, line.offset, line.piece ?? ''), doc };
  }
}

/**
 * A line holding one CloudWatch Logs subscription record (`{"messageType":"DATA_MESSAGE",
 * "logGroup":…,"logEvents":[…]}`), or undefined when the line is not one: not JSON, malformed
 * JSON, or JSON of another shape (those are shipped as they are).
 */
export function subscriptionRecord(text: string): LogEventsBatch | 'control' | undefined {
  if (!text.startsWith('{') || !text.includes('"messageType"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = parsed as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  if (record.messageType === 'CONTROL_MESSAGE') return 'control';
  if (record.messageType !== 'DATA_MESSAGE' || typeof record.logGroup !== 'string')
    return undefined;
  try {
    return fromCloudWatchPayload(record);
  } catch {
    return undefined;
  }
}

export interface LogEventOrigin {
  logGroup: string;
  logStream: string;
  owner?: string;
  /** Flow-log field list for CloudWatch-delivered flow logs (no header there). */
  flowLogFormat?: string;
  sourceHint?: string;
}

/**
 * A CloudWatch Logs event as a raw document. Its id derives from the event's own id, unique in
 * its log group; an event without one (or repeating one already seen in the batch: pass
 * `position` then) gets an id from what identifies it in a redelivered batch instead: its
 * position, timestamp and content.
 */
export function logEventDocument(
  origin: LogEventOrigin,
  event: { id?: string; timestamp: number; message: string },
  position?: number
): { id: string; doc: RawDocument } {
  const doc: RawDocument = {
    '@timestamp': new Date(event.timestamp).toISOString(),
    message: event.message,
    awscloudwatch: { log_group: origin.logGroup, log_stream: origin.logStream },
    cloud: { provider: 'aws', ...(origin.owner ? { account: { id: origin.owner } } : {}) },
  };
  const netobs: Record<string, unknown> = {};
  if (origin.sourceHint) netobs.source = origin.sourceHint;
  const format = origin.flowLogFormat?.trim().split(/\s+/);
  if (format && format.join(' ') !== VPC_FLOW_DEFAULT_FIELDS.join(' '))
    netobs.flowlog = { fields: format.join(' ') };
  if (Object.keys(netobs).length > 0) doc.netobs = netobs;
  const id =
    event.id !== undefined && position === undefined
      ? documentId(origin.logGroup, origin.logStream, event.id)
      : documentId(
          origin.logGroup,
          origin.logStream,
          event.id ?? '',
          position ?? 0,
          event.timestamp,
          createHash('sha256').update(event.message).digest('base64url')
        );
  return { id, doc };
}

/**
 * One line of raw log text from a Kinesis record. Its id derives from where the record sits in
 * the stream (stream, shard, sequence number) and the line's position in it, so a batch Lambda
 * retries is indexed once.
 */
export function kinesisLineDocument(
  record: KinesisLines,
  line: string,
  position: number,
  sourceHint?: string
): { id: string; doc: RawDocument } {
  const doc: RawDocument = {
    '@timestamp': new Date(record.arrivalMs ?? Date.now()).toISOString(),
    message: line,
    log: { offset: position },
    cloud: { provider: 'aws' },
    aws: {
      kinesis: {
        stream: record.streamArn.split('/').pop(),
        shard_id: record.shardId,
        sequence_number: record.sequenceNumber,
      },
    },
  };
  if (sourceHint) doc.netobs = { source: sourceHint };
  return {
    id: documentId(record.streamArn, record.shardId, record.sequenceNumber, position),
    doc,
  };
}
