// Plain HTTP to Elasticsearch and the OpenSearch engine (the Elasticsearch client refuses to
// talk to OpenSearch), and a `_bulk` sender that batches NDJSON by bytes with a bounded number
// of requests in flight: the forwarder's defaults (5 MB bodies, 2 in flight), so that a figure
// measured with it compares with one measured through the forwarder.

export { requestJson } from '../dev/local_process/http_json';

export interface BulkOptions {
  /** e.g. `/my-index/_bulk?pipeline=_none` */
  path: string;
  maxBytes?: number;
  /** Cut bodies by document count instead of bytes (every body exactly this many documents). */
  docsPerRequest?: number;
  concurrency?: number;
}

export interface BulkTotals {
  docs: number;
  failed: number;
  /** Up to three distinct item errors. */
  errors: string[];
}

/**
 * Sends `lines` (each a complete action + source pair, newline-terminated) in bulk bodies.
 * Only failed items come back from the server (filter_path), which keeps responses small.
 */
export async function sendBulk(
  base: string,
  lines: Iterable<string> | AsyncIterable<string>,
  options: BulkOptions
): Promise<BulkTotals> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const concurrency = options.concurrency ?? 2;
  const separator = options.path.includes('?') ? '&' : '?';
  const url = `${base}${options.path}${separator}filter_path=errors,items.*.error`;
  const totals: BulkTotals = { docs: 0, failed: 0, errors: [] };
  const inFlight = new Set<Promise<void>>();
  let firstError: unknown;

  const send = async (body: string, docs: number) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`bulk → ${response.status}: ${text.slice(0, 500)}`);
    totals.docs += docs;
    const result = JSON.parse(text) as {
      errors: boolean;
      items?: Record<string, { error?: { type?: string; reason?: string } }>[];
    };
    if (!result.errors) return;
    for (const item of result.items ?? []) {
      const error = Object.values(item)[0]?.error;
      if (!error) continue;
      totals.failed += 1;
      const reason = `${error.type}: ${error.reason}`;
      if (totals.errors.length < 3 && !totals.errors.includes(reason)) totals.errors.push(reason);
    }
  };
  const flush = async (batch: string[], docs: number) => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (firstError) throw firstError;
    const request = send(batch.join(''), docs)
      .catch((error: unknown) => {
        firstError ??= error;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    batch.push(line);
    bytes += line.length;
    if (options.docsPerRequest ? batch.length >= options.docsPerRequest : bytes >= maxBytes) {
      await flush(batch, batch.length);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await flush(batch, batch.length);
  while (inFlight.size > 0) await Promise.race(inFlight);
  if (firstError) throw firstError;
  return totals;
}
