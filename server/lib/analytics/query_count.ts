// Live hit count (and breakdown or histogram) of one prebuilt catalog query. The browser sends
// the query id and parameter values, never KQL to run blindly: the KQL comes from the catalog.
import type { QueryCountRequest, QueryCountResponse, SeriesPoint } from '../../../common/api_types';
import { QUERY_CATALOG, renderQuery } from '../../../common/queries';
import type { QueryLanguage, SearchClient } from './query_context';
import { searchAggs, searchScope } from './query_context';

export class UnknownQueryError extends Error {}

export async function queryCount(
  client: SearchClient,
  request: QueryCountRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<QueryCountResponse> {
  const query = QUERY_CATALOG.find((q) => q.id === request.id);
  if (!query) throw new UnknownQueryError(`No prebuilt query has the id "${request.id}".`);
  const kql = renderQuery(query, request.params);
  const scope = searchScope(query.source, { ...request }, language, namespace);
  scope.filter.push(language.kqlToDsl(kql));

  const aggs: Record<string, unknown> = {};
  if (query.breakdown) {
    const { field, sum, then } = query.breakdown;
    aggs.by = {
      terms: { field, size: 10, ...(sum ? { order: { value: 'desc' } } : {}) },
      aggs: {
        ...(sum ? { value: { sum: { field: sum } } } : {}),
        ...(then ? { then: { terms: { field: then, size: 5 } } } : {}),
      },
    };
  }
  if (query.histogram) {
    aggs.over_time = {
      date_histogram: {
        field: '@timestamp',
        fixed_interval: query.histogram.interval,
        min_doc_count: 0,
      },
      ...(query.histogram.sum ? { aggs: { value: { sum: { field: query.histogram.sum } } } } : {}),
    };
  }
  type Bucket = {
    key: string | number;
    key_as_string?: string;
    doc_count: number;
    value?: { value: number };
    then?: { buckets: Bucket[] };
  };
  const { total: count, aggregations: results } = await searchAggs<{
    by?: { buckets: Bucket[] };
    over_time?: { buckets: Bucket[] };
  }>(client, scope, aggs);
  const breakdown = results.by?.buckets.map((b) => ({
    key:
      String(b.key_as_string ?? b.key) +
      (b.then && b.then.buckets.length > 0
        ? ` → ${b.then.buckets.map((t) => t.key).join(', ')}`
        : ''),
    count: b.doc_count,
    ...(b.value ? { value: b.value.value } : {}),
  }));
  const points: SeriesPoint[] | undefined = results.over_time?.buckets.map((b) => ({
    time: Number(b.key),
    series: query.title,
    value: b.value ? b.value.value : b.doc_count,
  }));
  return { id: query.id, kql, count, breakdown, points };
}
