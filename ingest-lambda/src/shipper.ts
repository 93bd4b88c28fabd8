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
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import type { Client } from '@elastic/elasticsearch';
import { errors, Serializer } from '@elastic/elasticsearch';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);
const EMPTY = Buffer.alloc(0);
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
  bytes: Buffer;
  starts: number[];
  /** The whole buffer `bytes` lies in. */
  buffer: Buffer;
}

/**
 * A bulk body under construction: action and source lines appended as bytes into one buffer
 * that grows by doubling. `starts` marks each document's first byte, so that a retry can send
 * exactly the documents that failed.
 */
export class BulkBody {
  bytes: Buffer;
  length = 0;
  starts: number[] = [];

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, capacity));
  }

  /** Room for `more` bytes. */
  reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** Marks the start of a document (its action line comes next). */
  begin(): void {
    this.starts.push(this.length);
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

  /**
   * The documents so far, handed over; this body starts afresh in `next` (a buffer a finished
   * request gave back, so that memory is reused instead of waiting for the garbage collector).
   */
  take(next?: Buffer): Batch {
    const batch = {
      bytes: this.bytes.subarray(0, this.length),
      starts: this.starts,
      buffer: this.bytes,
    };
    this.bytes = next ?? Buffer.allocUnsafe(this.bytes.length);
    this.length = 0;
    this.starts = [];
    return batch;
  }
}

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
  /** Buffers of bodies that were answered, for the next bodies. */
  private readonly spare: Buffer[] = [];
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
    this.body = new BulkBody(Math.min(this.options.maxBytes, 64 * 1024 * 1024) + 64 * 1024);
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
    return this.body.length >= this.options.maxBytes;
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
    if (this.body.starts.length > 0) this.sealed.push(this.body.take(this.spare.pop()));
  }

  /** Sends the sealed bodies, each once there is room in flight. */
  async sendSealed(): Promise<void> {
    for (let batch = this.sealed.shift(); batch; batch = this.sealed.shift())
      await this.start(batch);
  }

  private async start(batch: Batch): Promise<void> {
    const size = batch.bytes.length;
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
    const rawLength = initial.bytes.length;
    /** `batch` compressed, once it is. */
    let compressed: Buffer | undefined;
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
      let body = batch.bytes;
      if (level > 0) {
        if (!compressed) {
          // Bodies compress in parallel on the thread pool.
          compressed = await gzip(batch.bytes, { level, chunkSize: GZIP_CHUNK });
          if (batch === initial) {
            // Only the compressed body is kept from here on: the raw buffer goes back for the
            // next body (a retry of some documents gets them back by gunzip), so what is in
            // flight is compressed bytes.
            if (this.spare.length < 2) this.spare.push(initial.buffer);
            batch = { ...batch, bytes: EMPTY, buffer: EMPTY };
          }
        }
        body = compressed;
      }
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
      this.stats.bytes += batch.bytes === EMPTY ? rawLength : batch.bytes.length;
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
        const raw = batch.bytes === EMPTY && compressed ? await gunzip(compressed) : batch.bytes;
        batch = subset({ ...batch, bytes: raw }, retry);
        compressed = undefined;
      } else batch = subset(batch, retry);
    }
  }
}

/** The documents of `batch` at `indexes`, as a batch of their own. */
function subset(batch: Batch, indexes: number[]): Batch {
  const { bytes, starts } = batch;
  const parts: Buffer[] = [];
  const kept: number[] = [];
  let at = 0;
  for (const i of indexes) {
    const part = bytes.subarray(starts[i], i + 1 < starts.length ? starts[i + 1] : bytes.length);
    kept.push(at);
    parts.push(part);
    at += part.length;
  }
  const joined = Buffer.concat(parts, at);
  return { bytes: joined, starts: kept, buffer: joined };
}
