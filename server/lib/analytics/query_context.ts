// Builds the shared part of every analytics search: the time range, the user's KQL and the
// data streams of one source. The KQL translation is injected: Kibana's @kbn/es-query in the
// plugin, our own parser (common/kql) in the standalone dev server.
import type { Client } from '@elastic/elasticsearch';
import type { SourceId } from '../../../common/constants';
import { dataStreamName } from '../../../common/constants';
import type { AnalyticsRequest } from '../../../common/api_types';
import type { DateMath } from '../validation/time_range';
import { resolveRange } from '../validation/time_range';

/** KQL → an Elasticsearch query clause; throws KqlError on a syntax error. */
export type KqlToDsl = (kql: string) => Record<string, unknown>;

/** How the user's query and time range are read: Kibana's parsers in Kibana, ours outside. */
export interface QueryLanguage {
  kqlToDsl: KqlToDsl;
  dateMath: DateMath;
}

export class KqlError extends Error {}

export interface SearchScope {
  index: string;
  filter: Record<string, unknown>[];
  /** Bucket size for date histograms, chosen for ~60-120 buckets. */
  intervalMs: number;
}

const NICE_INTERVALS_MS = [1, 5, 10, 30, 60, 180, 360, 720, 1440].map(
  (minutes) => minutes * 60_000
);

export function chooseInterval(spanMs: number): number {
  return NICE_INTERVALS_MS.find((interval) => spanMs / interval <= 120) ?? 86_400_000;
}

export function searchScope(
  source: SourceId | 'all',
  request: AnalyticsRequest,
  language: QueryLanguage,
  namespace = '*'
): SearchScope {
  const { fromMs, toMs } = resolveRange(language.dateMath, request.from, request.to);
  const filter: Record<string, unknown>[] = [
    { range: { '@timestamp': { gte: fromMs, lte: toMs, format: 'epoch_millis' } } },
  ];
  if (request.kql && request.kql.trim()) filter.push(language.kqlToDsl(request.kql));
  const index = source === 'all' ? `logs-netobs.*-${namespace}` : dataStreamName(source, namespace);
  return { index, filter, intervalMs: chooseInterval(Math.max(60_000, toMs - fromMs)) };
}

export type SearchClient = Pick<Client, 'search' | 'count' | 'transport'>;

/** One aggregations-only search over a scope: the total hits and the raw aggregation results. */
export async function searchAggs<T>(
  client: SearchClient,
  scope: SearchScope,
  aggs: Record<string, unknown>
): Promise<{ total: number; aggregations: T }> {
  const response = await client.search({
    index: scope.index,
    size: 0,
    track_total_hits: true,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: { bool: { filter: scope.filter } },
    aggs: aggs as never,
  });
  const total =
    typeof response.hits.total === 'number'
      ? response.hits.total
      : (response.hits.total?.value ?? 0);
  return { total, aggregations: (response.aggregations ?? {}) as T };
}
