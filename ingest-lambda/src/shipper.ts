// Ships raw documents with `_bulk` `create`: bodies sized by bytes, a bounded number of requests
// in flight, and our own bounded, jittered retries (the client's bulk helper retries only
// item-level 429s with a fixed wait and gives up on request-level errors). A 409 means the line
// is already indexed and counts as success. Nothing is retried past the deadline: what could not
// be shipped is counted as failed, so the caller reports the message for redelivery.
//
// Bodies are built as bytes in one buffer per request (the hot path appends pre-serialised
// pieces; see BulkBody), compressed with gzip level 1 on the thread pool, and sent with a
// filter_path that leaves only `errors` and each item's status and error in the answer: the
// per-item failure reporting and the retry of exactly the failed documents stay as they were.
import { promisify } from 'node:util';
import { createGzip, gunzip as gunzipCallback, gzip as gzipCallback, type Gzip } from 'node:zlib';
import type { Client } from '@elastic/elasticsearch';
import { errors, Serializer } from '@elastic/elasticsearch';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);
/** Output chunk of request compression: a compressed 5 MB body in a few pieces, not dozens. */
const GZIP_CHUNK = 256 * 1024;

export type BulkClient = Pick<Client, 'transport'>;

export interface ShipperOptions {
  index: string;
  /** Flush a bulk body once it reaches this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Bulk requests in flight at once (default 2). */
  concurrency?: number;
  /**
   * Uncompressed body bytes in flight at once (default concurrency × (maxBytes + 1 MiB)): with
   * `concurrency`, what bounds the forwarder's memory whatever the lines' sizes (one request
   * may always go alone, however big).
   */
  maxInFlightBytes?: number;
  /** gzip level for request bodies, 0 to send them uncompressed (default 1). */
  compressionLevel?: number;
  /** Epoch ms after which no new attempt starts (the Lambda's time budget). */
  deadline?: number;
  /** Backoff: first wait and cap in ms (full jitter between 0 and min(cap, base·2^n)). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxAttempts?: number;
  /** How long one bulk request may take (default 60 s; never past the deadline). */
  requestTimeoutMs?: number;
  /**
   * Requests of one batch in a row that may go unanswered before Elasticsearch counts as
   * unresponsive and shipping stops (default 2): a node that accepts connections but never
   * answers must not hold a backfill for hours.
   */
  maxTimeouts?: number;
  /** Where the requests go, for messages (no credentials), e.g. https://es.example:9243. */
  endpoint?: string;
  /** For tests: the random source for jitter. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Elasticsearch did not answer: shipping stops, what was not indexed is reported. */
export class UnresponsiveError extends Error {
  override name = 'UnresponsiveError';
}

export interface ShipStats {
  docs: number;
  created: number;
  conflicts: number;
  failed: number;
  retries: number;
  bytes: number;
  /** Up to five distinct failure reasons with counts. */
  failureReasons: Record<string, number>;
}

/** A body's place in line: wait for `previous` before the first request, then `release`. */
interface Turn {
  previous: Promise<void>;
  release: () => void;
}

/** Documents of one request: their bytes back to back, and where each one starts. */
interface Batch {
  /** The raw bytes, while they are kept (uncompressed requests, and retried subsets). */
  bytes?: Buffer;
  /** The compressed bytes, once compression of the whole body has finished. */
  compressed?: Promise<Buffer>;
  /** Uncompressed size. */
  size: number;
  starts: number[];
}

/**
 * A bulk body under construction: action and source lines appended as bytes into a buffer that
 * grows by doubling. `starts` marks each document's first byte (counted from the body's start),
 * so that a retry can send exactly the documents that failed.
 *
 * With `spill`, the body is written out in windows: once `windowBytes` are written, the next
 * document begins a fresh buffer and the full window goes to `spill` (the shipper compresses it
 * on the thread pool while the next window is built), so a 5 MB body never sits whole in memory.
 */
export class BulkBody {
  bytes: Buffer;
  /** Bytes in `bytes`. */
  length = 0;
  /** Bytes of this body already handed to `spill`. */
  spilled = 0;
  starts: number[] = [];

  constructor(
    capacity: number,
    private readonly spill?: (window: Buffer) => Buffer,
    private readonly windowBytes = Number.POSITIVE_INFINITY
  ) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1024, capacity));
  }

  /** The body's size so far (spilled windows included). */
  get size(): number {
    return this.spilled + this.length;
  }

  /** Room for `more` bytes. */
  reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** Hands the written bytes to `spill`, continuing in the buffer it returns. */
  flushWindow(): void {
    if (!this.spill || this.length === 0) return;
    const window = this.bytes.subarray(0, this.length);
    this.spilled += this.length;
    this.length = 0;
    this.bytes = this.spill(window);
  }

  /** Marks the start of a document (its action line comes next). */
  begin(): void {
    if (this.length >= this.windowBytes) this.flushWindow();
    this.starts.push(this.spilled + this.length);
  }

  appendBytes(source: Uint8Array, start = 0, end = source.length): void {
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Appends text whose characters are each one byte (Latin-1): one write per document. */
  appendLatin1(text: string): void {
    this.reserve(text.length);
    this.length += this.bytes.write(text, this.length, 'latin1');
  }

  appendUtf8(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** Starts afresh (after the shipper took what was written). */
  reset(): void {
    this.length = 0;
    this.spilled = 0;
    this.starts = [];
  }
}

/** Size of a body window (see BulkBody): compressed while the next one is written. */
const WINDOW = 256 * 1024;
/** Window buffers kept for reuse (a window is free again once compressed). */
const WINDOW_POOL = 8;

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

const CREATED_ITEM = '{"create":{"status":201}}';
const ALL_CREATED = new RegExp(
  `^\\{"errors":false,"items":\\[(?:${CREATED_ITEM.replace(/[{}]/g, '\\$&')},)*${CREATED_ITEM.replace(/[{}]/g, '\\$&')}\\]\\}$`
);

/**
 * The client's serializer, with one shortcut: an answer to the shipper's filtered `_bulk`
 * (`{"errors":false,"items":[{"create":{"status":201}},…]}`, exactly that shape) is not parsed
 * into one object per document; it says how many documents were created (`netobsCreated`), and
 * its `items` are parsed only if something reads them. Every other answer is parsed as usual.
 */
export class BulkAwareSerializer extends Serializer {
  override deserialize<T = unknown>(json: string): T {
    if (json.startsWith('{"errors":false,"items":[{"create"') && ALL_CREATED.test(json)) {
      const parse = (text: string) => super.deserialize<{ items: unknown }>(text);
      let items: unknown;
      const answer = {
        errors: false,
        get items(): unknown {
          return (items ??= parse(json).items);
        },
      };
      Object.defineProperty(answer, 'netobsCreated', {
        value: (json.length - 26) / (CREATED_ITEM.length + 1),
        enumerable: false,
      });
      return answer as T;
    }
    return super.deserialize<T>(json);
  }
}

/** Full-jitter exponential backoff: random in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(
  attempt: number,
  base: number,
  cap: number,
  random: () => number = Math.random
): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt));
}

/** The transport's error for a request that got no answer in time (recognised by shape). */
function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === 'TimeoutError';
}

function isRetryableRequestError(error: unknown): boolean {
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return true;
  }
  return error instanceof errors.ResponseError && RETRYABLE_STATUS.has(error.meta.statusCode ?? 0);
}

interface BulkItemResult {
  status: number;
  error?: { type?: string; reason?: string };
}

export class BulkShipper {
  private readonly options: Required<Omit<ShipperOptions, 'deadline' | 'endpoint'>> & {
    deadline?: number;
    endpoint?: string;
  };
  private body: BulkBody;
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightBytes = 0;
  /** Window buffers already compressed, for the next windows. */
  private readonly spare: Buffer[] = [];
  /** The open body's compressor and what it has output so far (compressed requests). */
  private gzipStream?: Gzip;
  private gzipDone?: Promise<Buffer>;
  /** The open body's windows (uncompressed requests). */
  private rawWindows: Buffer[] = [];
  /** Bodies closed and waiting to be sent (see seal). */
  private readonly sealed: Batch[] = [];
  /** Resolved once the last body's first request has left (requests leave in order). */
  private lastTurn: Promise<void> = Promise.resolve();
  private firstError?: unknown;
  readonly stats: ShipStats = {
    docs: 0,
    created: 0,
    conflicts: 0,
    failed: 0,
    retries: 0,
    bytes: 0,
    failureReasons: {},
  };

  constructor(
    private readonly client: BulkClient,
    options: ShipperOptions
  ) {
    this.options = {
      maxBytes: 5 * 1024 * 1024,
      concurrency: 2,
      maxInFlightBytes: 0,
      compressionLevel: 1,
      backoffBaseMs: 200,
      backoffMaxMs: 20_000,
      maxAttempts: 8,
      requestTimeoutMs: 60_000,
      maxTimeouts: 2,
      random: Math.random,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      // An option given as undefined keeps its default (a spread alone would erase it).
      ...(Object.fromEntries(
        Object.entries(options).filter(([, value]) => value !== undefined)
      ) as ShipperOptions),
    };
    // A body ends past maxBytes by at most one document (a line is at most 16 MiB).
    if (!(this.options.maxInFlightBytes > 0))
      this.options.maxInFlightBytes = this.options.concurrency * (this.options.maxBytes + 2 ** 20);
    // Bodies end a little past maxBytes (the document that crosses it stays whole).
    this.body = new BulkBody(WINDOW + 64 * 1024, (window) => this.spill(window), WINDOW);
  }

  /** A full window of the open body: compressed on the thread pool while the next is written. */
  private spill(window: Buffer): Buffer {
    const buffer = window.buffer;
    const reusable = window.byteOffset === 0 && buffer.byteLength === WINDOW + 64 * 1024;
    if (this.options.compressionLevel === 0) {
      this.rawWindows.push(window);
      return Buffer.allocUnsafeSlow(WINDOW + 64 * 1024);
    }
    if (!this.gzipStream) {
      const stream = createGzip({ level: this.options.compressionLevel, chunkSize: GZIP_CHUNK });
      const output: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => output.push(chunk));
      this.gzipDone = new Promise<Buffer>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('end', () => resolve(joinAndFree(output)));
      });
      // Never unhandled: attempts() awaits it; a body never sent must not crash the process.
      this.gzipDone.catch(() => undefined);
      this.gzipStream = stream;
    }
    this.gzipStream.write(window, () => {
      // Compressed: the window's buffer may hold the next window.
      if (reusable && this.spare.length < WINDOW_POOL)
        this.spare.push(Buffer.from(buffer, 0, buffer.byteLength));
    });
    return this.spare.pop() ?? Buffer.allocUnsafeSlow(WINDOW + 64 * 1024);
  }

  /** Queues a document; resolves once there is room (backpressure for the reader). */
  async add(id: string, doc: Record<string, unknown>): Promise<void> {
    if (this.firstError) throw this.firstError;
    this.append(id, doc);
    if (this.due) await this.flush();
  }

  /** Appends a document to the open body without sending it (see `due`). */
  append(id: string, doc: Record<string, unknown>): void {
    const body = this.body;
    body.begin();
    body.appendUtf8(`${JSON.stringify({ create: { _id: id } })}\n${JSON.stringify(doc)}\n`);
    this.stats.docs += 1;
  }

  /** The open body has reached maxBytes: flush() it. */
  get due(): boolean {
    return this.body.size >= this.options.maxBytes;
  }

  /**
   * The body being built, for callers that append documents as bytes themselves (the object
   * reader's hot path): call `begin()`, append the action and source lines, then `added()`.
   */
  get openBody(): BulkBody {
    return this.body;
  }

  /** A document appended to `openBody` is complete. */
  added(): void {
    this.stats.docs += 1;
  }

  /** Throws the error that stopped shipping, if any (what add() does before queueing). */
  check(): void {
    if (this.firstError) throw this.firstError;
  }

  /** Sends the current batch (waiting for a free slot first). */
  async flush(): Promise<void> {
    this.seal();
    await this.sendSealed();
  }

  /**
   * Closes the open body (if it holds documents) for sending, synchronously: the object reader
   * seals a body as soon as it reaches maxBytes, in the middle of a decoded chunk, so that no
   * body grows past maxBytes by more than one document.
   */
  seal(): void {
    const body = this.body;
    if (body.starts.length === 0) return;
    body.flushWindow();
    const batch: Batch = { size: body.size, starts: body.starts };
    if (this.options.compressionLevel === 0) {
      batch.bytes = Buffer.concat(this.rawWindows, body.size);
      this.rawWindows = [];
    } else {
      batch.compressed = this.gzipDone;
      this.gzipStream!.end();
      this.gzipStream = undefined;
      this.gzipDone = undefined;
    }
    body.reset();
    this.sealed.push(batch);
  }

  /** Sends the sealed bodies, each once there is room in flight. */
  async sendSealed(): Promise<void> {
    // The reader waits while more than a few windows wait for compression, so that raw bytes
    // never pile up in memory when the thread pool is slower than the reader.
    const stream = this.gzipStream;
    if (stream && stream.writableLength > 4 * WINDOW)
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
      });
    for (let batch = this.sealed.shift(); batch; batch = this.sealed.shift())
      await this.start(batch);
  }

  private async start(batch: Batch): Promise<void> {
    const size = batch.size;
    while (
      this.inFlight.size > 0 &&
      (this.inFlight.size >= this.options.concurrency ||
        this.inFlightBytes + size > this.options.maxInFlightBytes)
    )
      await Promise.race(this.inFlight);
    this.inFlightBytes += size;
    const previous = this.lastTurn;
    let release!: () => void;
    this.lastTurn = new Promise<void>((resolve) => (release = resolve));
    const request = this.send(batch, { previous, release })
      .catch((error: unknown) => {
        this.firstError ??= error;
      })
      .finally(() => {
        this.inFlightBytes -= size;
        this.inFlight.delete(request);
      });
    this.inFlight.add(request);
  }

  /** Flushes and waits for everything in flight; returns the totals. */
  async finish(): Promise<ShipStats> {
    await this.flush();
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    if (this.firstError) throw this.firstError;
    return this.stats;
  }

  private fail(count: number, reason: string): void {
    this.stats.failed += count;
    const known = Object.keys(this.stats.failureReasons);
    if (known.includes(reason) || known.length < 5) {
      this.stats.failureReasons[reason] = (this.stats.failureReasons[reason] ?? 0) + count;
    }
  }

  private timeLeft(): number {
    return this.options.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : this.options.deadline - Date.now();
  }

  private async send(initial: Batch, turn: Turn): Promise<void> {
    try {
      await this.attempts(initial, turn);
    } finally {
      // Whatever happened, the next body may go.
      turn.release();
    }
  }

  private async attempts(initial: Batch, turn: Turn): Promise<void> {
    let batch = initial;
    let timeouts = 0;
    /** `batch` compressed, once it is. */
    let compressed: Promise<Buffer> | undefined = initial.compressed;
    for (let attempt = 0; batch.starts.length > 0; attempt++) {
      const count = batch.starts.length;
      if (attempt > 0) {
        this.stats.retries += 1;
        const wait = backoffDelay(
          attempt - 1,
          this.options.backoffBaseMs,
          this.options.backoffMaxMs,
          this.options.random
        );
        if (attempt >= this.options.maxAttempts || wait >= this.timeLeft()) {
          this.fail(
            count,
            attempt >= this.options.maxAttempts ? 'retries exhausted' : 'time budget exhausted'
          );
          return;
        }
        await this.options.sleep(wait);
      } else if (this.timeLeft() <= 0) {
        this.fail(count, 'time budget exhausted');
        return;
      }
      const level = this.options.compressionLevel;
      // A retried subset is compressed again (bodies compress in parallel on the thread pool).
      if (level > 0 && !compressed)
        compressed = gzip(batch.bytes!, { level, chunkSize: GZIP_CHUNK });
      const body = compressed ? await compressed : batch.bytes!;
      let items: BulkItemResult[] | undefined;
      const timeout = Math.max(1000, Math.min(this.options.requestTimeoutMs, this.timeLeft()));
      // First requests leave in the order their bodies were built.
      if (attempt === 0) await turn.previous;
      try {
        const call = this.client.transport.request(
          {
            method: 'POST',
            path: `/${encodeURIComponent(this.options.index)}/_bulk`,
            // Only what the per-item accounting reads (status, error), not ids, versions, shards.
            querystring: { filter_path: 'errors,items.*.status,items.*.error' },
            bulkBody: body,
          },
          {
            maxRetries: 0,
            requestTimeout: timeout,
            // Compressed here (level 1, off the main thread), so the client must not do it again.
            ...(level > 0 ? { compression: false, headers: { 'content-encoding': 'gzip' } } : {}),
          }
        );
        turn.release();
        const response = (await call) as {
          errors?: boolean;
          items?: Record<string, BulkItemResult>[];
          netobsCreated?: number;
        };
        // Every document created (BulkAwareSerializer counted them); else each item's status.
        items =
          response.netobsCreated === count
            ? undefined
            : (response.items ?? []).map((item) => Object.values(item)[0]);
        timeouts = 0;
      } catch (error) {
        timeouts = isTimeout(error) ? timeouts + 1 : 0;
        if (timeouts >= this.options.maxTimeouts) {
          const reason =
            `Elasticsearch${this.options.endpoint ? ` at ${this.options.endpoint}` : ''} did not ` +
            `answer within ${Math.round(timeout / 1000)} s, ${timeouts} times in a row`;
          this.fail(count, reason);
          throw new UnresponsiveError(reason);
        }
        if (isRetryableRequestError(error)) continue;
        const status = error instanceof errors.ResponseError ? error.meta.statusCode : undefined;
        this.fail(
          count,
          `bulk request failed${status ? ` (${status})` : ''}: ${error instanceof Error ? error.message : String(error)}`
        );
        return;
      }
      this.stats.bytes += batch.size;
      if (items === undefined) {
        this.stats.created += count;
        return;
      }
      if (items.length !== count) {
        // An answer that does not account for every document: none of them is known indexed.
        this.fail(count, `bulk answer holds ${items.length} items for ${count} documents`);
        return;
      }
      const retry: number[] = [];
      items.forEach((item, i) => {
        if (item.status >= 200 && item.status < 300) this.stats.created += 1;
        else if (item.status === 409) this.stats.conflicts += 1;
        else if (RETRYABLE_STATUS.has(item.status)) retry.push(i);
        else
          this.fail(
            1,
            `${item.status} ${item.error?.type ?? ''}: ${item.error?.reason ?? 'unknown'}`.slice(
              0,
              300
            )
          );
      });
      if (retry.length > 0) {
        // Only the compressed body was kept: the documents to retry come back by gunzip.
        const raw = batch.bytes ?? (await gunzip(await compressed!));
        batch = subset(raw, batch.starts, retry);
        compressed = undefined;
      } else return;
    }
  }
}

/**
 * The compressed pieces of a finished gzip stream as one buffer. The pieces' own buffers are
 * freed right away (the stream has ended: zlib writes there no more, and nothing else holds
 * them), rather than waiting for a full garbage collection with the rest of the dead buffers.
 */
function joinAndFree(pieces: Buffer[]): Buffer {
  if (pieces.length === 1) return pieces[0];
  const joined = Buffer.concat(pieces);
  for (const buffer of new Set(pieces.map((piece) => piece.buffer as ArrayBuffer)))
    (buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
  return joined;
}

/** The documents at `indexes` of a body (`bytes`, documents starting at `starts`), as a batch. */
function subset(bytes: Buffer, starts: number[], indexes: number[]): Batch {
  const parts: Buffer[] = [];
  const kept: number[] = [];
  let at = 0;
  for (const i of indexes) {
    const part = bytes.subarray(starts[i], i + 1 < starts.length ? starts[i + 1] : bytes.length);
    kept.push(at);
    parts.push(part);
    at += part.length;
  }
  return { bytes: Buffer.concat(parts, at), size: at, starts: kept };
}
