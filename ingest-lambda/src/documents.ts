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
const oneShot = (
  crypto as {
    hash?: (algorithm: string, data: string | Uint8Array, encoding: string) => string;
  }
).hash;

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

/** The action line's start: `{"create":{"_id":"` (the id is always 27 characters). */
const ACTION = Buffer.from('{"create":{"_id":"', 'latin1');
/** Between the message and its offset: `","log":{"offset":` */
const AT_OFFSET = Buffer.from('","log":{"offset":', 'latin1');
const ID_LENGTH = 27;

/**
 * An ordinary line's bulk action and document as bytes, exactly as JSON.stringify writes them
 * for toDocument's object (same keys, same order): the parts that do not change within an
 * object are serialised once (as bytes), and the line's bytes are copied as they are when
 * nothing in them needs escaping and all are ASCII, straight from the decoded chunk into the
 * body, with no string per line (lines that need escaping or hold UTF-8 go through a Latin-1
 * string). Its id is documentId(location, version, offset, '').
 */
class LineTemplate {
  private readonly idPrefix: string;
  /** `"}}\n{"@timestamp":…,"message":` (Latin-1 of its UTF-8 bytes) */
  private readonly head: string;
  /** `,"file":{"path":…}},"cloud":…,"aws":…,"netobs":…}\n` (Latin-1 of its UTF-8 bytes) */
  private readonly tail: string;
  /** `"}}\n{"@timestamp":…,"message":"` as bytes (the message's opening quote included). */
  private readonly headQuoted: Buffer;
  /** `tail` as bytes. */
  private readonly tailBytes: Buffer;
  /**
   * The id's hashed bytes (`idPrefix` as UTF-8, then the offset and \n written in place), and a
   * view of them per length: hashing these bytes gives the id hashing the string gives (both
   * encode a lone surrogate as U+FFFD), without a string to build and encode per line. Unset
   * without crypto.hash.
   */
  private readonly idBytes?: Buffer;
  private readonly idPrefixLength: number = 0;
  private readonly idViews: Buffer[] = [];

  constructor(origin: ObjectOrigin, location: string, netobs: Record<string, unknown>) {
    this.idPrefix = `${location}\n${origin.version}\n`;
    this.head = asLatin1(`"}}\n{"@timestamp":${JSON.stringify(origin.timestamp)},"message":`);
    const { bucket, key } = origin;
    let tail = `,"file":{"path":${JSON.stringify(location)}}},"cloud":{"provider":"aws"}`;
    if (bucket !== undefined)
      tail += `,"aws":${JSON.stringify({ s3: { bucket: { name: bucket }, object: { key } } })}`;
    if (Object.keys(netobs).length > 0) tail += `,"netobs":${JSON.stringify(netobs)}`;
    this.tail = asLatin1(`${tail}}\n`);
    this.headQuoted = Buffer.from(`${this.head}"`, 'latin1');
    this.tailBytes = Buffer.from(this.tail, 'latin1');
    if (oneShot) {
      const prefix = Buffer.from(this.idPrefix, 'utf8');
      // Room for the offset (a safe integer has at most 16 digits; hashedId checks) and \n.
      this.idBytes = Buffer.alloc(prefix.length + 24);
      prefix.copy(this.idBytes);
      this.idPrefixLength = prefix.length;
    }
  }

  /** The line's id (documentId(location, version, offset, '')): its first 27 characters. */
  private hashedId(offsetText: string): string {
    const bytes = this.idBytes;
    if (!bytes || offsetText.length > 20) return sha256Id(this.idPrefix + offsetText + '\n');
    let at = this.idPrefixLength;
    for (let k = 0; k < offsetText.length; k++) bytes[at++] = offsetText.charCodeAt(k);
    bytes[at++] = 0x0a;
    const view = (this.idViews[offsetText.length] ??= bytes.subarray(0, at));
    return oneShot!('sha256', view, 'base64url');
  }

  /** Appends the line's action and document; false when the line needs the general path. */
  append(body: BulkBody, bytes: Buffer, start: number, end: number, offset: number): boolean {
    // Printable ASCII but `"` and `\\` (what NOT_PLAIN leaves): copied as bytes. A plain loop,
    // not a regular expression on a string: no string per line (less garbage to collect).
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      if (byte < 0x20 || byte >= 0x80 || byte === 0x22 || byte === 0x5c)
        return this.appendText(body, bytes, start, end, offset);
    }
    const offsetText = String(offset);
    const id = this.hashedId(offsetText);
    const { headQuoted, tailBytes } = this;
    body.begin();
    body.reserve(
      ACTION.length +
        ID_LENGTH +
        headQuoted.length +
        (end - start) +
        AT_OFFSET.length +
        offsetText.length +
        tailBytes.length
    );
    const out = body.bytes;
    let at = body.length;
    out.set(ACTION, at);
    at += ACTION.length;
    for (let k = 0; k < ID_LENGTH; k++) out[at + k] = id.charCodeAt(k);
    at += ID_LENGTH;
    out.set(headQuoted, at);
    at += headQuoted.length;
    at += bytes.copy(out, at, start, end);
    out.set(AT_OFFSET, at);
    at += AT_OFFSET.length;
    for (let k = 0; k < offsetText.length; k++) out[at + k] = offsetText.charCodeAt(k);
    at += offsetText.length;
    out.set(tailBytes, at);
    body.length = at + tailBytes.length;
    return true;
  }

  /** A line with bytes to escape or beyond ASCII: written through a Latin-1 string. */
  private appendText(
    body: BulkBody,
    bytes: Buffer,
    start: number,
    end: number,
    offset: number
  ): boolean {
    let message = bytes.toString('latin1', start, end);
    if (NOT_PLAIN.test(message)) {
      // Invalid UTF-8 keeps its original bytes in netobs.original_base64: the general path.
      if (!isUtf8(bytes.subarray(start, end))) return false;
      if (NEEDS_ESCAPE.test(message))
        message = asLatin1(JSON.stringify(bytes.toString('utf8', start, end)).slice(1, -1));
    }
    const offsetText = String(offset);
    const id = this.hashedId(offsetText).slice(0, ID_LENGTH);
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
