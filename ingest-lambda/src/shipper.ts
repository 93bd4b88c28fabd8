// Ships raw documents with `_bulk` `create`: bodies sized by bytes, a bounded number of requests
// in flight, and our own bounded, jittered retries (the client's bulk helper retries only
// item-level 429s with a fixed wait and gives up on request-level errors). A 409 means the line
// is already indexed and counts as success. Nothing is retried past the deadline: what could not
// be shipped is counted as failed, so the caller reports the message for redelivery.
import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';

export type BulkClient = Pick<Client, 'transport'>;

export interface ShipperOptions {
  index: string;
  /** Flush a bulk body once it reaches this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Bulk requests in flight at once (default 2). */
  concurrency?: number;
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

interface PendingDoc {
  id: string;
  line: string;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

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
  private batch: PendingDoc[] = [];
  private batchBytes = 0;
  private readonly inFlight = new Set<Promise<void>>();
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
  }

  /** Queues a document; resolves once there is room (backpressure for the reader). */
  async add(id: string, doc: Record<string, unknown>): Promise<void> {
    if (this.firstError) throw this.firstError;
    const line = `${JSON.stringify({ create: { _id: id } })}\n${JSON.stringify(doc)}\n`;
    this.batch.push({ id, line });
    this.batchBytes += Buffer.byteLength(line);
    this.stats.docs += 1;
    if (this.batchBytes >= this.options.maxBytes) await this.flush();
  }

  /** Sends the current batch (waiting for a free slot first). */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const docs = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    const request = this.send(docs)
      .catch((error: unknown) => {
        this.firstError ??= error;
      })
      .finally(() => this.inFlight.delete(request));
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

  private async send(initial: PendingDoc[]): Promise<void> {
    let docs = initial;
    let timeouts = 0;
    for (let attempt = 0; docs.length > 0; attempt++) {
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
            docs.length,
            attempt >= this.options.maxAttempts ? 'retries exhausted' : 'time budget exhausted'
          );
          return;
        }
        await this.options.sleep(wait);
      } else if (this.timeLeft() <= 0) {
        this.fail(docs.length, 'time budget exhausted');
        return;
      }
      const body = docs.map((d) => d.line).join('');
      let items: BulkItemResult[];
      const timeout = Math.max(1000, Math.min(this.options.requestTimeoutMs, this.timeLeft()));
      try {
        const response = (await this.client.transport.request(
          {
            method: 'POST',
            path: `/${encodeURIComponent(this.options.index)}/_bulk`,
            bulkBody: body,
          },
          { maxRetries: 0, requestTimeout: timeout }
        )) as { items: Record<string, BulkItemResult>[] };
        items = response.items.map((item) => Object.values(item)[0]);
        timeouts = 0;
      } catch (error) {
        timeouts = isTimeout(error) ? timeouts + 1 : 0;
        if (timeouts >= this.options.maxTimeouts) {
          const reason =
            `Elasticsearch${this.options.endpoint ? ` at ${this.options.endpoint}` : ''} did not ` +
            `answer within ${Math.round(timeout / 1000)} s, ${timeouts} times in a row`;
          this.fail(docs.length, reason);
          throw new UnresponsiveError(reason);
        }
        if (isRetryableRequestError(error)) continue;
        const status = error instanceof errors.ResponseError ? error.meta.statusCode : undefined;
        this.fail(
          docs.length,
          `bulk request failed${status ? ` (${status})` : ''}: ${error instanceof Error ? error.message : String(error)}`
        );
        return;
      }
      this.stats.bytes += Buffer.byteLength(body);
      const retry: PendingDoc[] = [];
      items.forEach((item, i) => {
        if (item.status >= 200 && item.status < 300) this.stats.created += 1;
        else if (item.status === 409) this.stats.conflicts += 1;
        else if (RETRYABLE_STATUS.has(item.status)) retry.push(docs[i]);
        else
          this.fail(
            1,
            `${item.status} ${item.error?.type ?? ''}: ${item.error?.reason ?? 'unknown'}`.slice(
              0,
              300
            )
          );
      });
      docs = retry;
    }
  }
}
