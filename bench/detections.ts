// Latency of the whole detection catalog (server/lib/analytics/detections.ts: one aggregations
// search per rule, run in parallel) over the app queries' data set: the 1M parsed VPC records
// measureAppQueries indexes into logs-netobs.vpcflow-<QUERY_NAMESPACE> over the last 24 hours
// (it must run first; the ALB rule searches an empty stream there). Over 24 hours and 1 hour,
// and each rule alone over 24 hours, timed config.queryRuns times after a warm-up.
import type { Client } from '@elastic/elasticsearch';
import { DETECTION_IDS } from '../common/detections';
import { localQueryLanguage } from '../dev/query_language';
import { runDetections } from '../server/lib/analytics/detections';
import { QUERY_NAMESPACE } from './app_queries';
import type { BenchConfig } from './config';
import type { QueryLatency } from './timing';
import { latency } from './timing';

export interface DetectionsBenchResult {
  docs: number;
  runs: number;
  /** Hits are the findings each call returned. */
  latencies: QueryLatency[];
}

export async function measureDetections(
  client: Client,
  config: Pick<BenchConfig, 'queryRuns'>
): Promise<DetectionsBenchResult> {
  const { count: docs } = await client.count({ index: `logs-netobs.vpcflow-${QUERY_NAMESPACE}` });
  if (docs === 0) throw new Error('no flows for the detections: run measureAppQueries first');
  const findings = async (request: Parameters<typeof runDetections>[1]) =>
    (await runDetections(client, request, localQueryLanguage, QUERY_NAMESPACE)).findings.length;
  const latencies = [
    await latency('whole catalog (6 rules), last 24 h', config.queryRuns, () =>
      findings({ from: 'now-24h', to: 'now' })
    ),
    await latency('whole catalog (6 rules), last 1 h', config.queryRuns, () =>
      findings({ from: 'now-1h', to: 'now' })
    ),
  ];
  for (const rule of DETECTION_IDS)
    latencies.push(
      await latency(`${rule} alone, last 24 h`, config.queryRuns, () =>
        findings({ from: 'now-24h', to: 'now', rules: [rule] })
      )
    );
  return { docs, runs: config.queryRuns, latencies };
}
