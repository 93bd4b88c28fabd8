// Latency of the explained-spikes investigation (server/lib/analytics/spikes.ts) over a large
// VPC data stream: `config.queryDocs` parsed flows (1M by default) spread evenly over the last
// 24 hours, 2% of them a 20-minute burst from one source on one interface to one port, so the
// timed call finds a spike and runs all three of its searches. The documents are built here,
// as already parsed (bulk without a pipeline), in a namespace of their own; the shard request
// cache is off on the stream so every run computes its aggregations. Also timed: the same
// range with the burst filtered out by KQL (no spike: the count series only) and the last hour.
import type { Client } from '@elastic/elasticsearch';
import { localQueryLanguage } from '../dev/query_language';
import { spikes } from '../server/lib/analytics/spikes';
import type { BenchConfig } from './config';
import type { QueryLatency } from './timing';
import { latency, round, timed } from './timing';

export const SPIKES_NAMESPACE = 'benchspikes';
const STREAM = `logs-netobs.vpcflow-${SPIKES_NAMESPACE}`;
const DAY_MS = 24 * 3600 * 1000;
const BURST = { source: '198.51.100.7', eni: 'eni-0burst0000000001', port: 3306 };
const BURST_SHARE = 0.02;
const BURST_MS = 20 * 60_000;

export interface SpikesBenchResult {
  docs: number;
  index: { seconds: number; docsPerSecond: number };
  runs: number;
  /** What the timed call found over 24 hours: the spike and its top explanation. */
  found: { spikes: number; top?: string };
  latencies: QueryLatency[];
}

/** `n` parsed flows over the 24 hours before `now`; every 50th is the burst's, in its window (async: the bulk helper takes no plain generator). */
async function* flows(n: number, now: number): AsyncGenerator<Record<string, unknown>> {
  const from = now - DAY_MS;
  const burstStart = from + 14 * 3600 * 1000;
  const every = Math.round(1 / BURST_SHARE);
  for (let i = 0; i < n; i++) {
    const burst = i % every === 0;
    const at = burst
      ? burstStart + (i / n) * BURST_MS // the burst's flows, in order, over its 20 minutes
      : from + ((i + 0.5) / n) * DAY_MS;
    yield {
      '@timestamp': new Date(Math.floor(at)).toISOString(),
      aws: {
        vpcflow: {
          interface_id: burst ? BURST.eni : `eni-0bench${String(i % 8).padStart(9, '0')}`,
        },
      },
      source: {
        ip: burst ? BURST.source : `10.0.${(i >> 8) % 4}.${i % 250}`,
        port: 32768 + (i % 28000),
      },
      destination: {
        ip: burst ? `10.0.3.${i % 20}` : `10.0.3.${(i >> 3) % 10}`,
        port: burst ? BURST.port : [443, 5432, 53, 80][i % 4],
      },
      event: { action: burst || i % 10 === 0 ? 'reject' : 'accept' },
      network: {
        transport: i % 5 === 0 ? 'udp' : 'tcp',
        bytes: 100 + (i % 9000),
        packets: 1 + (i % 40),
      },
    };
  }
}

export async function measureInvestigationSpikes(
  client: Client,
  config: Pick<BenchConfig, 'queryDocs' | 'queryRuns'>
): Promise<SpikesBenchResult> {
  const docs = config.queryDocs;
  const now = Date.now();
  const { value: stats, seconds } = await timed(() =>
    client.helpers.bulk({
      datasource: flows(docs, now),
      onDocument: () => ({ create: { _index: STREAM } }),
      pipeline: '_none',
      flushBytes: 5_000_000,
      concurrency: 2,
      refreshOnCompletion: STREAM,
    })
  );
  if (stats.failed > 0) throw new Error(`spikes data set: ${stats.failed} documents failed`);
  await client.indices.putSettings({
    index: STREAM,
    settings: { 'index.requests.cache.enable': false },
  });
  console.log(
    `    indexed ${docs.toLocaleString('en')} documents in ${seconds.toFixed(1)} s; timing ${config.queryRuns} runs…`
  );

  const range = { source: 'vpcflow' as const, from: 'now-24h', to: 'now' };
  const run = (request: typeof range & { kql?: string }) =>
    spikes(client, request, localQueryLanguage, SPIKES_NAMESPACE);
  const day = await run(range);
  const top = day.spikes[0]?.explanations[0];
  const latencies = [
    await latency('spikes(vpcflow), last 24 h, one spike explained', config.queryRuns, async () => {
      return (await run(range)).spikes.length;
    }),
    await latency(
      `spikes(vpcflow), last 24 h, KQL not source.ip: ${BURST.source} (no spike)`,
      config.queryRuns,
      async () => (await run({ ...range, kql: `not source.ip: "${BURST.source}"` })).spikes.length
    ),
    await latency('spikes(vpcflow), last 1 h', config.queryRuns, async () => {
      return (await run({ ...range, from: 'now-1h' })).spikes.length;
    }),
  ];
  return {
    docs,
    index: { seconds: round(seconds), docsPerSecond: Math.round(docs / seconds) },
    runs: config.queryRuns,
    found: { spikes: day.spikes.length, ...(top ? { top: `${top.field}: ${top.value}` } : {}) },
    latencies,
  };
}
