// Data freshness per source for the Sources page: last event, events per minute over the last
// 15 minutes, and the share of documents whose pipeline failed.
//
// The last event comes from the newest document (sort on @timestamp desc, size 1) rather than a
// max aggregation: the sort is answered from the index sort / points and early-terminates, and it
// stays cheap in logsdb index mode, where @timestamp has no points index and a max aggregation
// reads every document's doc value. The counts (total, recent, errors) come from a size-0 search.
import { dataStreamName, SOURCE_IDS } from '../../../common/constants';
import type { FreshnessEntry } from '../../../common/api_types';
import type { SearchClient } from './query_context';

const WINDOW_MINUTES = 15;

/** The newest document's @timestamp of one source, ISO 8601 with milliseconds, or null. */
async function lastEvent(client: SearchClient, index: string): Promise<string | null> {
  const response = await client.search({
    index,
    size: 1,
    ignore_unavailable: true,
    allow_no_indices: true,
    track_total_hits: false,
    _source: false,
    sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }],
    docvalue_fields: [{ field: '@timestamp', format: 'strict_date_optional_time' }],
  });
  const hit = response.hits.hits[0] as { fields?: Record<string, unknown[]> } | undefined;
  const value = hit?.fields?.['@timestamp']?.[0];
  return typeof value === 'string' ? value : null;
}

export async function freshness(client: SearchClient, namespace = '*'): Promise<FreshnessEntry[]> {
  const sources = [...SOURCE_IDS, 'unknown'] as const;
  return Promise.all(
    sources.map(async (source) => {
      const index = dataStreamName(source, namespace);
      const [last, response] = await Promise.all([
        lastEvent(client, index),
        client.search({
          index,
          size: 0,
          ignore_unavailable: true,
          allow_no_indices: true,
          track_total_hits: true,
          aggs: {
            recent: { filter: { range: { 'event.ingested': { gte: `now-${WINDOW_MINUTES}m` } } } },
            errors: { filter: { term: { 'event.kind': 'pipeline_error' } } },
          },
        }),
      ]);
      const aggs = response.aggregations as
        { recent: { doc_count: number }; errors: { doc_count: number } } | undefined;
      const total =
        typeof response.hits.total === 'number'
          ? response.hits.total
          : (response.hits.total?.value ?? 0);
      const parseErrors = aggs?.errors.doc_count ?? 0;
      return {
        source,
        lastEvent: last,
        eventsPerMinute: (aggs?.recent.doc_count ?? 0) / WINDOW_MINUTES,
        parseErrors,
        total,
        parseErrorRate: total === 0 ? 0 : parseErrors / total,
      };
    })
  );
}
