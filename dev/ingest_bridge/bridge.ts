// A development-only stand-in for Elasticsearch's ingest node, used when the local
// Elasticsearch is the Maven Central build without processor modules (see README, "Local
// Elasticsearch"). It listens on loopback in front of Elasticsearch and passes every request
// through untouched, except `_bulk` items bound for logs-netobs.*: those it runs through our
// real pipelines on the ingest engine (dev/opensearch: real dissect/script/user_agent
// processors), doing what `reroute` does on Elasticsearch (router → source pipeline → the
// source's data stream, with data_stream.* set), and writes the parsed documents to
// Elasticsearch with `pipeline: _none`. Ids, 409 conflicts and item statuses come from
// Elasticsearch itself, in the order the client sent them.
//
// Never part of the product: the Lambda and the Kibana plugin talk to Elasticsearch directly.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { BulkItem } from './bulk_rewrite';
import { needsIngest, parseBulk, serializeBulk, splitDataStream } from './bulk_rewrite';

export interface BridgeOptions {
  /** Elasticsearch to forward to, e.g. http://127.0.0.1:9200 */
  elasticsearch: string;
  /** The ingest engine holding our pipelines (reroute stripped). */
  engine: string;
  port?: number;
}

interface SimulateResult {
  docs: { doc?: { _source: Record<string, unknown> }; error?: { reason?: string } }[];
}

async function simulate(engine: string, pipeline: string, sources: Record<string, unknown>[]) {
  const response = await fetch(`${engine}/_ingest/pipeline/${pipeline}/_simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs: sources.map((source) => ({ _source: source })) }),
  });
  if (!response.ok) throw new Error(`ingest engine: ${response.status} ${await response.text()}`);
  return ((await response.json()) as SimulateResult).docs;
}

function failed(
  source: Record<string, unknown>,
  reason: string,
  pipeline: string
): Record<string, unknown> {
  return {
    ...source,
    event: { kind: 'pipeline_error', original: source.message },
    error: { message: `pipeline ${pipeline} failed: ${reason}` },
  };
}

/** Runs raw items through router + source pipelines and points them at their data stream. */
export async function ingest(engine: string, items: BulkItem[]): Promise<void> {
  const raw = items.filter(needsIngest);
  if (raw.length === 0) return;
  const routed = await simulate(
    engine,
    'netobs-router',
    raw.map((item) => item.source ?? {})
  );
  const byDataset = new Map<string, { item: BulkItem; source: Record<string, unknown> }[]>();
  routed.forEach((result, i) => {
    const source =
      result.doc?._source ??
      failed(raw[i].source ?? {}, String(result.error?.reason), 'netobs-router');
    const netobs = source.netobs as { dataset?: string } | undefined;
    const dataset = netobs?.dataset ?? 'unknown';
    const group = byDataset.get(dataset) ?? [];
    group.push({ item: raw[i], source });
    byDataset.set(dataset, group);
  });
  for (const [dataset, group] of byDataset) {
    const pipeline = `netobs-${dataset}`;
    const parsed = await simulate(
      engine,
      pipeline,
      group.map((g) => g.source)
    );
    group.forEach(({ item, source }, i) => {
      const { namespace } = splitDataStream(String(item.meta._index));
      const out =
        parsed[i].doc?._source ?? failed(source, String(parsed[i].error?.reason), pipeline);
      out.data_stream = { type: 'logs', dataset: `netobs.${dataset}`, namespace };
      item.source = out;
      item.meta = {
        ...item.meta,
        _index: `logs-netobs.${dataset}-${namespace}`,
        pipeline: '_none',
      };
    });
  }
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startBridge(
  options: BridgeOptions
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    try {
      let body = await readBody(request);
      // The forwarder compresses its requests; the rewritten body goes on uncompressed.
      const gzipped = request.headers['content-encoding'] === 'gzip';
      const url = new URL(request.url ?? '/', options.elasticsearch);
      const bulk = /^\/(?:([^/]+)\/)?_bulk$/.exec(url.pathname);
      if (bulk && request.method !== 'GET' && body.length > 0) {
        const text = (gzipped ? gunzipSync(body) : body).toString('utf8');
        const items = parseBulk(text, bulk[1] ? decodeURIComponent(bulk[1]) : undefined);
        await ingest(options.engine, items);
        body = Buffer.from(serializeBulk(items));
        delete request.headers['content-encoding'];
      }
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && key !== 'transfer-encoding') headers[key] = value;
      }
      headers.host = url.host;
      headers['content-length'] = String(body.length);
      const upstream = await fetch(url, {
        method: request.method,
        headers,
        body:
          request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(body),
      });
      const out = Buffer.from(await upstream.arrayBuffer());
      const outHeaders: Record<string, string> = {};
      upstream.headers.forEach((value, key) => {
        if (key !== 'content-encoding' && key !== 'transfer-encoding') outHeaders[key] = value;
      });
      outHeaders['content-length'] = String(out.length);
      response.writeHead(upstream.status, outHeaders);
      response.end(out);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { type: 'ingest_bridge_exception', reason: String(error) },
          status: 502,
        })
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
