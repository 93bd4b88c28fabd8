// Measure 6: latency of the analytics functions behind the app's internal routes
// (server/lib/analytics: overview, queryCount, freshness) over a large VPC data stream in the
// local Elasticsearch. For speed the documents are not parsed again: they are the parsed
// documents of the end-to-end run (real pipeline output), cycled and re-stamped evenly over
// the last 24 hours, and bulk-indexed without a pipeline with auto-generated ids. The shard
// request cache is switched off on the stream, so every run computes its aggregations (the
// app's now-relative ranges would not be cached anyway).
import type { Client } from '@elastic/elasticsearch';
import { localQueryLanguage } from '../dev/query_language';
import { QUERY_CATALOG } from '../common/queries';
import { freshness } from '../server/lib/analytics/freshness';
import { overview } from '../server/lib/analytics/overview';
import { queryCount } from '../server/lib/analytics/query_count';
import type { ParsedDoc } from './end_to_end';
import { requestJson, sendBulk } from './http';
import type { QueryLatency } from './timing';
import { latency, median, percentile, round, timed } from './timing';
import { DEFAULT_STORAGE_BASE, installVariant, storageVariants } from './storage_variants';
import type { StorageVariant } from './storage_variants';

export type { QueryLatency };

export const QUERY_NAMESPACE = 'benchquery';
const STREAM = `logs-netobs.vpcflow-${QUERY_NAMESPACE}`;
const DAY_MS = 24 * 3600 * 1000;

export interface AppQueriesResult {
  docs: number;
  index: { seconds: number; docsPerSecond: number };
  runs: number;
  latencies: QueryLatency[];
}

interface FlowDoc {
  '@timestamp'?: string;
  event?: { start?: string; end?: string; ingested?: string };
  aws?: { vpcflow?: { start?: number; end?: number } };
}

/** `n` bulk lines: seed documents cycled, each moved to its slot in the last 24 hours. */
function* restamped(
  seeds: ParsedDoc[],
  n: number,
  now: number,
  transform?: StorageVariant['transform']
): Generator<string> {
  const from = now - DAY_MS;
  for (let i = 0; i < n; i++) {
    const parsed = JSON.parse(seeds[i % seeds.length].source) as Record<string, unknown>;
    const doc = (transform ? transform(parsed) : parsed) as FlowDoc;
    const startMs = Math.floor((from + ((i + 0.5) / n) * DAY_MS) / 1000) * 1000;
    const start = new Date(startMs).toISOString().replace('.000Z', 'Z');
    const end = new Date(startMs + 60_000).toISOString().replace('.000Z', 'Z');
    doc['@timestamp'] = start;
    if (doc.event) {
      doc.event.start = start;
      doc.event.end = end;
      doc.event.ingested = new Date(Math.min(now, startMs + 300_000)).toISOString();
    }
    // Only documents that carry the raw copies (the "before" stream of compareAppQueries).
    if (doc.aws?.vpcflow?.start !== undefined) doc.aws.vpcflow.start = startMs / 1000;
    if (doc.aws?.vpcflow?.end !== undefined) doc.aws.vpcflow.end = startMs / 1000 + 60;
    yield `{"create":{}}\n${JSON.stringify(doc)}\n`;
  }
}

interface AppFunction {
  name: string;
  /** Calls the function as its route does; answers its hit count. */
  fn: () => Promise<number>;
}

/** The analytics functions behind the app's routes, over the VPC stream of `namespace`. */
function appFunctions(
  client: Client,
  namespace: string,
  /** Absolute times for side-by-side runs (both streams must see the same window). */
  at?: number
): AppFunction[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  const range = at ? { from: iso(at - DAY_MS), to: iso(at) } : { from: 'now-24h', to: 'now' };
  const lastHour = at ? { from: iso(at - 3600_000), to: iso(at) } : { from: 'now-1h', to: 'now' };
  const functions: AppFunction[] = [
    {
      name: 'overview(vpcflow), last 24 h',
      fn: async () =>
        (await overview(client, 'vpcflow', range, localQueryLanguage, namespace)).total,
    },
    {
      name: 'overview(vpcflow), last 24 h, KQL not destination.port: 443',
      fn: async () => {
        const request = { ...range, kql: 'not destination.port: 443' };
        return (await overview(client, 'vpcflow', request, localQueryLanguage, namespace)).total;
      },
    },
    {
      name: 'overview(vpcflow), last 1 h',
      fn: async () => {
        return (await overview(client, 'vpcflow', lastHour, localQueryLanguage, namespace)).total;
      },
    },
    {
      name: 'freshness (all sources)',
      fn: async () => {
        const entries = await freshness(client, namespace);
        return entries.reduce((sum, entry) => sum + entry.total, 0);
      },
    },
  ];
  for (const query of QUERY_CATALOG.filter((q) => q.source === 'vpcflow' || q.source === 'all')) {
    functions.push({
      name: `queryCount ${query.id}`,
      fn: async () => {
        const response = await queryCount(
          client,
          { ...range, id: query.id },
          localQueryLanguage,
          namespace
        );
        return response.count;
      },
    });
  }
  return functions;
}

async function indexQueryDataSet(
  es: string,
  stream: string,
  seeds: ParsedDoc[],
  docs: number,
  now: number,
  transform?: StorageVariant['transform']
): Promise<number> {
  const { value: totals, seconds } = await timed(() =>
    sendBulk(es, restamped(seeds, docs, now, transform), {
      path: `/${stream}/_bulk?pipeline=_none`,
    })
  );
  if (totals.failed > 0)
    throw new Error(`query data set: ${totals.failed} failed: ${totals.errors.join('; ')}`);
  await requestJson(es, 'PUT', `/${stream}/_settings`, { 'index.requests.cache.enable': false });
  await requestJson(es, 'POST', `/${stream}/_refresh`);
  return seconds;
}

export interface QueryComparison {
  /** The storage variants compared (bench/storage_variants.ts). */
  variants: { before: string; after: string };
  docs: number;
  runs: number;
  /** Bytes per record of each query stream (not force-merged: as a live stream is). */
  bytesPerRecord: { before: number; after: number };
  rows: { name: string; hits: number; before: QueryLatency; after: QueryLatency }[];
}

/**
 * The same functions over the same documents in two streams, one with the templates before the
 * storage changes and one with this tree's, timed alternately (before, after, before, …) so
 * that machine load hits both alike. Both are force-merged to one segment first, as rolled-over
 * backing indices are after the lifecycle's merge.
 */
export async function compareAppQueries(
  es: string,
  client: Client,
  seeds: ParsedDoc[],
  docs: number,
  runs: number
): Promise<QueryComparison> {
  const base = process.env.NETOBS_BENCH_STORAGE_BASE ?? DEFAULT_STORAGE_BASE;
  const variants = storageVariants();
  const run = Date.now().toString(36);
  const streams = { before: `benchqbefore${run}`, after: `benchqafter${run}` };
  const now = Date.now();
  const bytesPerRecord = { before: 0, after: 0 };
  // NETOBS_BENCH_QUERY_VARIANTS=before,after-standard compares other storage variants.
  const [beforeName, afterName] = (process.env.NETOBS_BENCH_QUERY_VARIANTS ?? 'before,after').split(
    ','
  );
  for (const which of ['before', 'after'] as const) {
    const name = which === 'before' ? beforeName : afterName;
    const variant = variants.find((v) => v.name === name);
    if (!variant) throw new Error(`no storage variant ${name}`);
    const stream = `logs-netobs.vpcflow-${streams[which]}`;
    await installVariant(es, variant, stream, base);
    const seconds = await indexQueryDataSet(es, stream, seeds, docs, now, variant.transform);
    await requestJson(es, 'POST', `/${stream}/_forcemerge?max_num_segments=1`);
    const stats = await requestJson<{ _all: { primaries: { store: { size_in_bytes: number } } } }>(
      es,
      'GET',
      `/${stream}/_stats/store`
    );
    bytesPerRecord[which] = round(stats._all.primaries.store.size_in_bytes / docs, 1);
    console.log(
      `    ${which}: indexed ${docs.toLocaleString('en')} documents in ${seconds.toFixed(1)} s, ${bytesPerRecord[which]} B/record`
    );
  }
  const before = appFunctions(client, streams.before, now);
  const after = appFunctions(client, streams.after, now);
  const rows: QueryComparison['rows'] = [];
  for (let i = 0; i < before.length; i++) {
    const times = { before: [] as number[], after: [] as number[] };
    const hits = { before: await before[i].fn(), after: await after[i].fn() };
    if (hits.before !== hits.after)
      throw new Error(`${before[i].name}: ${hits.before} hits before, ${hits.after} after`);
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0
        ? (['before', 'after'] as const)
        : (['after', 'before'] as const)) {
        const fn = (which === 'before' ? before : after)[i].fn;
        times[which].push((await timed(fn)).seconds * 1000);
      }
    }
    const stat = (values: number[]): QueryLatency => ({
      name: before[i].name,
      hits: hits.before,
      medianMs: round(median(values), 1),
      p95Ms: round(percentile(values, 95), 1),
    });
    rows.push({
      name: before[i].name,
      hits: hits.before,
      before: stat(times.before),
      after: stat(times.after),
    });
  }
  return { variants: { before: beforeName, after: afterName }, docs, runs, bytesPerRecord, rows };
}

export function formatQueryComparison(c: QueryComparison): string {
  const lines = [
    `App functions over ${c.docs.toLocaleString('en')} VPC records, storage variants ${c.variants.before} / ${c.variants.after}, ${c.runs} alternating runs each (store: ${c.bytesPerRecord.before} / ${c.bytesPerRecord.after} B/record)`,
    '',
    '| function | hits | median before | median after | p95 before | p95 after | p95 after ÷ before |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of c.rows) {
    const ratio = r.before.p95Ms > 0 ? round(r.after.p95Ms / r.before.p95Ms, 2) : 0;
    lines.push(
      `| ${r.name} | ${r.hits.toLocaleString('en')} | ${r.before.medianMs} | ${r.after.medianMs} | ${r.before.p95Ms} | ${r.after.p95Ms} | ${ratio} |`
    );
  }
  return lines.join('\n');
}

export async function measureAppQueries(
  es: string,
  client: Client,
  seeds: ParsedDoc[],
  docs: number,
  runs: number
): Promise<AppQueriesResult> {
  if (seeds.length === 0) throw new Error('no parsed documents to build the query data set from');
  const now = Date.now();
  const { value: totals, seconds } = await timed(() =>
    sendBulk(es, restamped(seeds, docs, now), { path: `/${STREAM}/_bulk?pipeline=_none` })
  );
  if (totals.failed > 0)
    throw new Error(`query data set: ${totals.failed} failed: ${totals.errors}`);
  await requestJson(es, 'PUT', `/${STREAM}/_settings`, { 'index.requests.cache.enable': false });
  await requestJson(es, 'POST', `/${STREAM}/_refresh`);
  console.log(
    `    indexed ${docs.toLocaleString('en')} documents in ${seconds.toFixed(1)} s; timing ${runs} runs per function…`
  );

  const latencies: QueryLatency[] = [];
  for (const { name, fn } of appFunctions(client, QUERY_NAMESPACE))
    latencies.push(await latency(name, runs, fn));
  return {
    docs,
    index: { seconds: round(seconds), docsPerSecond: Math.round(docs / seconds) },
    runs,
    latencies,
  };
}
