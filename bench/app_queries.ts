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
import { latency, round, timed } from './timing';

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
function* restamped(seeds: ParsedDoc[], n: number, now: number): Generator<string> {
  const from = now - DAY_MS;
  for (let i = 0; i < n; i++) {
    const doc = JSON.parse(seeds[i % seeds.length].source) as FlowDoc;
    const startMs = Math.floor((from + ((i + 0.5) / n) * DAY_MS) / 1000) * 1000;
    const start = new Date(startMs).toISOString().replace('.000Z', 'Z');
    const end = new Date(startMs + 60_000).toISOString().replace('.000Z', 'Z');
    doc['@timestamp'] = start;
    if (doc.event) {
      doc.event.start = start;
      doc.event.end = end;
      doc.event.ingested = new Date(Math.min(now, startMs + 300_000)).toISOString();
    }
    if (doc.aws?.vpcflow) {
      doc.aws.vpcflow.start = startMs / 1000;
      doc.aws.vpcflow.end = startMs / 1000 + 60;
    }
    yield `{"create":{}}\n${JSON.stringify(doc)}\n`;
  }
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

  const range = { from: 'now-24h', to: 'now' };
  const latencies: QueryLatency[] = [];
  latencies.push(
    await latency('overview(vpcflow), last 24 h', runs, async () => {
      return (await overview(client, 'vpcflow', range, localQueryLanguage, QUERY_NAMESPACE)).total;
    })
  );
  latencies.push(
    await latency('overview(vpcflow), last 24 h, KQL not destination.port: 443', runs, async () => {
      const request = { ...range, kql: 'not destination.port: 443' };
      return (await overview(client, 'vpcflow', request, localQueryLanguage, QUERY_NAMESPACE))
        .total;
    })
  );
  latencies.push(
    await latency('overview(vpcflow), last 1 h', runs, async () => {
      const request = { from: 'now-1h', to: 'now' };
      return (await overview(client, 'vpcflow', request, localQueryLanguage, QUERY_NAMESPACE))
        .total;
    })
  );
  latencies.push(
    await latency('freshness (all sources)', runs, async () => {
      const entries = await freshness(client, QUERY_NAMESPACE);
      return entries.reduce((sum, entry) => sum + entry.total, 0);
    })
  );
  for (const query of QUERY_CATALOG.filter((q) => q.source === 'vpcflow' || q.source === 'all')) {
    latencies.push(
      await latency(`queryCount ${query.id}`, runs, async () => {
        const response = await queryCount(
          client,
          { ...range, id: query.id },
          localQueryLanguage,
          QUERY_NAMESPACE
        );
        return response.count;
      })
    );
  }
  return {
    docs,
    index: { seconds: round(seconds), docsPerSecond: Math.round(docs / seconds) },
    runs,
    latencies,
  };
}
