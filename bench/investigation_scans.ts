// Latency of the scan timeline (server/lib/analytics/scans.ts) over the app-queries data set:
// the 1M VPC documents measureAppQueries (app_queries.ts) indexes into its stream over the last
// 24 hours, plus one known scan added here (a source probing ports 1-1024 on four hosts over the
// 25 minutes ending a quarter of an hour ago, 443 accepted), so the timing includes a scanner's
// detail search and the answer can be checked: the planted scanner, and no other, is expected.
// Run after measureAppQueries, on its fresh stack (the planted flows have fixed ids). The shard
// request cache is off on that stream, so each run computes its aggregations.
import type { Client } from '@elastic/elasticsearch';
import type { BenchConfig } from './config';
import { localQueryLanguage } from '../dev/query_language';
import { scans } from '../server/lib/analytics/scans';
import { QUERY_NAMESPACE } from './app_queries';
import type { QueryLatency } from './timing';
import { latency } from './timing';

const STREAM = `logs-netobs.vpcflow-${QUERY_NAMESPACE}`;
/** The bench's scanner: documentation range (RFC 5737), so it collides with no seed address. */
export const BENCH_SCANNER = '198.51.100.250';
const HOSTS = ['10.90.0.10', '10.90.0.11', '10.90.0.12', '10.90.0.13'];

export interface ScansBenchResult {
  docs: number;
  runs: number;
  /** What the 24-hour run found: the scanners and whether the planted one was among them. */
  scanners: number;
  foundPlanted: boolean;
  latencies: QueryLatency[];
}

/** The planted scan: 4,096 probes from 40 to 15 minutes ago, fixed ids so a rerun adds nothing. */
async function plantScan(client: Client): Promise<void> {
  const start = Math.floor((Date.now() - 40 * 60_000) / 1000) * 1000;
  const operations = [];
  for (let port = 1; port <= 1024; port++) {
    const at = new Date(start + Math.floor((port / 1024) * 1_500_000)).toISOString();
    for (const [i, host] of HOSTS.entries()) {
      operations.push({ create: { _index: STREAM, _id: `bench-scan-${port}-${i}` } });
      operations.push({
        '@timestamp': at,
        source: { ip: BENCH_SCANNER, port: 40000 + port },
        destination: { ip: host, port },
        network: { transport: 'tcp', packets: 1, bytes: 44 },
        event: { action: port === 443 ? 'accept' : 'reject' },
      });
    }
  }
  const bulk = await client.bulk({ operations, pipeline: '_none', refresh: true });
  const failed = bulk.items.filter((item) => item.create?.error && item.create.status !== 409);
  if (failed.length > 0) throw new Error(`planting the scan: ${JSON.stringify(failed[0])}`);
}

export async function measureInvestigationScans(
  client: Client,
  config: BenchConfig
): Promise<ScansBenchResult> {
  const { count: before } = await client.count({ index: STREAM, allow_no_indices: true });
  if (before === 0) throw new Error(`${STREAM} is empty: run measureAppQueries first`);
  await plantScan(client);
  const { count: docs } = await client.count({ index: STREAM });

  const cases: { name: string; request: Parameters<typeof scans>[1] }[] = [
    { name: 'scans, last 24 h', request: { from: 'now-24h', to: 'now' } },
    { name: 'scans, last 1 h', request: { from: 'now-1h', to: 'now' } },
    {
      name: 'scans, last 24 h, one source',
      request: { from: 'now-24h', to: 'now', source: BENCH_SCANNER },
    },
  ];
  const run = (request: Parameters<typeof scans>[1]) =>
    scans(client, request, localQueryLanguage, QUERY_NAMESPACE);
  const first = await run(cases[0].request); // the answer to check
  const latencies: QueryLatency[] = [];
  for (const { name, request } of cases)
    latencies.push(
      await latency(name, config.queryRuns, async () =>
        (await run(request)).scanners.reduce((sum, s) => sum + s.flows, 0)
      )
    );
  return {
    docs,
    runs: config.queryRuns,
    scanners: first.scanners.length,
    foundPlanted: first.scanners.some((s) => s.source === BENCH_SCANNER && s.ports === 1024),
    latencies,
  };
}
