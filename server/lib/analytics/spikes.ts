// Runs the explained-spikes investigation (common/investigations/spikes.ts) as the current
// user: the count series, then the top values inside each spike window (a search of the windows
// alone), then those values' counts in the baseline (a search of the rest of the range alone).
// Aggregations only; at most three searches, one when nothing spikes.
import type { SpikesRequest, SpikesResponse } from '../../../common/investigations/spikes';
import {
  baselineCountAggs,
  baselineFilter,
  buildSpikes,
  checkSpikeRange,
  detectSpikes,
  distinctValues,
  histogramAggs,
  readBaselineCounts,
  readHistogram,
  readWindowTerms,
  SPIKE_FIELDS,
  windowsFilter,
  windowTermsAggs,
} from '../../../common/investigations/spikes';
import { ValidationError } from '../validation/validate_object';
import type { QueryLanguage, SearchClient } from './query_context';
import { searchAggs, searchScope } from './query_context';

export async function spikes(
  client: SearchClient,
  request: SpikesRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<SpikesResponse> {
  const { source } = request;
  const scope = searchScope(source, request, language, namespace);
  const problem = checkSpikeRange(scope.fromMs, scope.toMs);
  if (problem) throw new ValidationError(problem.field, problem.message);

  const series = await searchAggs<Record<string, unknown>>(
    client,
    scope,
    histogramAggs(scope.intervalMs)
  );
  const detection = detectSpikes(
    readHistogram(series.aggregations),
    scope.intervalMs,
    scope.toMs + 1
  );
  const { fromMs, toMs, intervalMs } = scope;
  const answer = {
    source,
    fromMs,
    toMs,
    intervalMs,
    baseline: {
      median: detection.baseline.median,
      mad: detection.baseline.mad,
      buckets: detection.baseline.buckets,
    },
    ...(detection.note ? { note: detection.note } : {}),
  };
  if (detection.windows.length === 0) return { ...answer, spikes: [] };

  const fields = SPIKE_FIELDS[source];
  const { windows } = detection;
  const inWindows = readWindowTerms(
    (
      await searchAggs<Record<string, unknown>>(
        client,
        { ...scope, filter: [...scope.filter, windowsFilter(windows)] },
        windowTermsAggs(windows, fields)
      )
    ).aggregations,
    windows,
    fields
  );
  const values = distinctValues(inWindows);
  const baselineCounts =
    values.length === 0
      ? new Map<string, number>()
      : readBaselineCounts(
          (
            await searchAggs<Record<string, unknown>>(
              client,
              { ...scope, filter: [...scope.filter, baselineFilter(windows)] },
              baselineCountAggs(values)
            )
          ).aggregations
        );
  return {
    ...answer,
    spikes: buildSpikes(detection, inWindows, series.total, baselineCounts),
  };
}
