// Data freshness per source for the Sources page: last event, events per minute over the last
// 15 minutes, and the share of documents whose pipeline failed.
import { dataStreamName, SOURCE_IDS } from '../../../common/constants';
import type { FreshnessEntry } from '../../../common/api_types';
import type { SearchClient } from './query_context';

const WINDOW_MINUTES = 15;

export async function freshness(client: SearchClient, namespace = '*'): Promise<FreshnessEntry[]> {
  const sources = [...SOURCE_IDS, 'unknown'] as const;
  return Promise.all(
    sources.map(async (source) => {
      const response = await client.search({
        index: dataStreamName(source, namespace),
        size: 0,
        ignore_unavailable: true,
        allow_no_indices: true,
        track_total_hits: true,
        aggs: {
          last: { max: { field: '@timestamp' } },
          recent: { filter: { range: { 'event.ingested': { gte: `now-${WINDOW_MINUTES}m` } } } },
          errors: { filter: { term: { 'event.kind': 'pipeline_error' } } },
        },
      });
      const aggs = response.aggregations as
        | {
            last: { value_as_string?: string };
            recent: { doc_count: number };
            errors: { doc_count: number };
          }
        | undefined;
      const total =
        typeof response.hits.total === 'number'
          ? response.hits.total
          : (response.hits.total?.value ?? 0);
      const parseErrors = aggs?.errors.doc_count ?? 0;
      return {
        source,
        lastEvent: aggs?.last.value_as_string ?? null,
        eventsPerMinute: (aggs?.recent.doc_count ?? 0) / WINDOW_MINUTES,
        parseErrors,
        total,
        parseErrorRate: total === 0 ? 0 : parseErrors / total,
      };
    })
  );
}
