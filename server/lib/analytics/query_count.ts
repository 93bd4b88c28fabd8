// Live count (and breakdown or histogram) of one prebuilt catalog query. The browser sends the
// query id and parameter values, never KQL to run blindly: the KQL comes from the catalog, and
// the values are checked as the form checks them (common/queries/param_values.ts). For a query
// whose answer is "which ones", the count is of distinct values too (common/queries/measure.ts).
import type { QueryCountRequest, SeriesPoint } from '../../../common/api_types';
import type { QueryCountAnswer } from '../../../common/queries';
import {
  checkQueryParams,
  QUERY_CATALOG,
  queryMeasure,
  renderQuery,
} from '../../../common/queries';
import { ValidationError } from '../validation/validate_object';
import type { QueryLanguage, SearchClient } from './query_context';
import { searchAggs, searchScope } from './query_context';

export class UnknownQueryError extends Error {}

export async function queryCount(
  client: SearchClient,
  request: QueryCountRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<QueryCountAnswer> {
  const query = QUERY_CATALOG.find((q) => q.id === request.id);
  if (!query) throw new UnknownQueryError(`No prebuilt query has the id "${request.id}".`);
  const [problem] = Object.entries(checkQueryParams(query, request.params ?? {}));
  if (problem) throw new ValidationError(`params.${problem[0]}`, problem[1]);
  const kql = renderQuery(query, request.params);
  const scope = searchScope(query.source, { ...request }, language, namespace);
  scope.filter.push(language.kqlToDsl(kql));

  const aggs: Record<string, unknown> = {};
  const measure = queryMeasure(query);
  if (measure.kind === 'distinct') aggs.distinct = { cardinality: { field: measure.field } };
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
        fixed_interval: `${scope.intervalMs}ms`,
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
    distinct?: { value: number };
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
  const distinct = results.distinct?.value;
  return {
    id: query.id,
    kql,
    count,
    breakdown,
    points,
    ...(points
      ? {
          fromMs: scope.fromMs,
          toMs: scope.toMs,
          intervalMs: scope.intervalMs,
        }
      : {}),
    ...(distinct !== undefined ? { distinct } : {}),
  };
}
