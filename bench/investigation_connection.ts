// Latency of the connection doctor (server/lib/analytics/connection_doctor.ts) over the app
// queries' data set: the 1M parsed VPC records measureAppQueries indexes into
// logs-netobs.vpcflow-<QUERY_NAMESPACE>, spread over the last 24 hours (it must run first). Three
// questions, each timed config.queryRuns times after a warm-up: the busiest pair of the data over
// 24 hours and over 1 hour (one search: both directions per interface and per bucket), and a pair
// that never talked (a second search asks whether flow logs exist in the range at all).
import type { Client } from '@elastic/elasticsearch';
import type { ConnectionRequest } from '../common/investigations/connection';
import { localQueryLanguage } from '../dev/query_language';
import { connectionDoctor } from '../server/lib/analytics/connection_doctor';
import { QUERY_NAMESPACE } from './app_queries';
import type { BenchConfig } from './config';
import type { QueryLatency } from './timing';
import { latency } from './timing';

/** A latency whose hits are the flow records behind the evidence, with the verdict given. */
export interface ConnectionLatency extends QueryLatency {
  verdict: string;
}

export interface ConnectionDoctorResult {
  docs: number;
  runs: number;
  latencies: ConnectionLatency[];
}

/** The most frequent source → destination:port of the data set, as the doctor's a, b and port. */
async function busiestPair(client: Client, index: string): Promise<ConnectionRequest> {
  type Bucket = { key: string | number; by?: { buckets: Bucket[] } };
  const response = await client.search({
    index,
    size: 0,
    query: { range: { '@timestamp': { gte: 'now-24h' } } },
    aggs: {
      by: {
        terms: { field: 'source.ip', size: 1 },
        aggs: {
          by: {
            terms: { field: 'destination.ip', size: 1 },
            aggs: { by: { terms: { field: 'destination.port', size: 1 } } },
          },
        },
      },
    },
  });
  const a = (response.aggregations as { by: { buckets: Bucket[] } }).by.buckets[0];
  const b = a?.by?.buckets[0];
  const port = b?.by?.buckets[0];
  if (!a || !b || !port) throw new Error(`no flows in ${index}: run measureAppQueries first`);
  return { a: String(a.key), b: String(b.key), port: Number(port.key), from: 'now-24h', to: 'now' };
}

export async function measureConnectionDoctor(
  client: Client,
  config: Pick<BenchConfig, 'queryRuns'>
): Promise<ConnectionDoctorResult> {
  const index = `logs-netobs.vpcflow-${QUERY_NAMESPACE}`;
  const { count: docs } = await client.count({ index });
  const busiest = await busiestPair(client, index);
  const cases: Array<[string, ConnectionRequest]> = [
    [`busiest pair ${busiest.a} → ${busiest.b}:${busiest.port}, last 24 h`, busiest],
    ['busiest pair, last 1 h', { ...busiest, from: 'now-1h' }],
    [
      'a pair that never talked, last 24 h (no_flows + presence check)',
      { a: '192.0.2.1', b: '192.0.2.2', port: 9, from: 'now-24h', to: 'now' },
    ],
  ];
  const latencies: ConnectionLatency[] = [];
  for (const [name, request] of cases) {
    const run = () => connectionDoctor(client, request, localQueryLanguage, QUERY_NAMESPACE);
    let verdict = '';
    const timing = await latency(name, config.queryRuns, async () => {
      const answer = await run();
      verdict = answer.verdict.code;
      return answer.evidence.reduce((n, row) => n + row.accepted + row.rejected + row.seen, 0);
    });
    latencies.push({ ...timing, verdict });
  }
  return { docs, runs: config.queryRuns, latencies };
}
