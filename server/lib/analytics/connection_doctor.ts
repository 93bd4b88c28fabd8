// Runs the connection doctor (common/investigations/connection.ts) as the current user: one
// aggregations-only search over the VPC and Transit Gateway flow-log streams for the pair, and,
// only when the pair has no flows, a second one telling whether flow logs exist in the range.
import type {
  ConnectionAggregations,
  ConnectionRequest,
  ConnectionResponse,
  ConnectionSource,
} from '../../../common/investigations/connection';
import {
  buildConnectionSearch,
  buildFlowLogPresenceSearch,
  checkConnectionRange,
  connectionIndex,
  connectionKql,
  CONNECTION_SOURCES,
  interpretConnection,
  protocolNumber,
  readEvidence,
  readTimeline,
} from '../../../common/investigations/connection';
import { resolveRange } from '../validation/time_range';
import { ValidationError } from '../validation/validate_object';
import type { QueryLanguage, SearchClient } from './query_context';
import { chooseInterval } from './query_context';

const MINUTE = 60_000;

async function search<T>(client: SearchClient, index: string, body: Record<string, unknown>) {
  const response = await client.search({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    ...(body as object),
  });
  return (response.aggregations ?? {}) as T;
}

export async function connectionDoctor(
  client: SearchClient,
  request: ConnectionRequest,
  language: Pick<QueryLanguage, 'dateMath'>,
  namespace = '*'
): Promise<ConnectionResponse> {
  const { fromMs, toMs } = resolveRange(language.dateMath, request.from, request.to);
  const problem = checkConnectionRange(fromMs, toMs);
  if (problem) throw new ValidationError('to', problem);
  const range = { fromMs, toMs, intervalMs: chooseInterval(Math.max(MINUTE, toMs - fromMs)) };
  const index = connectionIndex(namespace);

  const aggs = await search<ConnectionAggregations>(
    client,
    index,
    buildConnectionSearch(request, range)
  );
  const evidence = readEvidence(aggs);
  const timeline = readTimeline(aggs, range);
  let flowLogsInRange: Record<ConnectionSource, number> | undefined;
  if (evidence.length === 0) {
    const presence = await search<Record<ConnectionSource, { doc_count: number }>>(
      client,
      index,
      buildFlowLogPresenceSearch(range)
    );
    flowLogsInRange = Object.fromEntries(
      CONNECTION_SOURCES.map((source) => [source, presence[source]?.doc_count ?? 0])
    ) as Record<ConnectionSource, number>;
  }
  return {
    request: {
      a: request.a,
      b: request.b,
      port: request.port,
      ...(request.protocol !== undefined ? { protocol: protocolNumber(request.protocol) } : {}),
      from: request.from,
      to: request.to,
    },
    verdict: interpretConnection(request, evidence, timeline, flowLogsInRange),
    evidence,
    timeline,
    kql: connectionKql(request),
    ...(flowLogsInRange ? { flowLogsInRange } : {}),
  };
}
