// Runs the explained-spikes investigation (common/investigations/spikes.ts) as the current
// user: the count series, then the top values inside each spike window, then those values'
// counts in the baseline. Aggregations only; at most three searches, one when nothing spikes.
import type { SpikesRequest, SpikesResponse } from '../../../common/investigations/spikes';
import {
  baselineCountAggs,
  buildSpikes,
  checkSpikeRange,
  detectSpikes,
  distinctValues,
  histogramAggs,
  readBaselineCounts,
  readHistogram,
  readWindowTerms,
  SPIKE_FIELDS,
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
  const inWindows = readWindowTerms(
    (
      await searchAggs<Record<string, unknown>>(
        client,
        scope,
        windowTermsAggs(detection.windows, fields)
      )
    ).aggregations,
    detection.windows,
    fields
  );
  const values = distinctValues(inWindows.windows);
  const baselineCounts =
    values.length === 0
      ? new Map<string, number>()
      : readBaselineCounts(
          (
            await searchAggs<Record<string, unknown>>(
              client,
              scope,
              baselineCountAggs(detection.windows, values)
            )
          ).aggregations
        );
  return {
    ...answer,
    spikes: buildSpikes(detection, inWindows.windows, inWindows.baselineCount, baselineCounts),
  };
}
