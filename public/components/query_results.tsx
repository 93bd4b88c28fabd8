// A query's breakdown (top keys) or histogram (hits over time), each element linking to Discover.
import React from 'react';
import type { QueryCountResponse } from '../../common/api_types';
import type { PrebuiltQuery } from '../../common/queries';
import type { TimeRangeStrings } from '../lib/discover_links';
import { andKql, breakdownKey, bucketRange, fieldClause, queryTarget } from '../lib/discover_links';
import { formatMetric } from '../lib/format';
import { useServices } from '../context/services_context';
import { COUNT_NOUNS, fieldLabel } from '../lib/column_labels';
import { BucketsTable } from './buckets_table';
import { TimeseriesChart } from './timeseries_chart';

export function QueryResults({
  query,
  result,
  range,
  userKql,
}: {
  query: PrebuiltQuery;
  result: QueryCountResponse;
  range: TimeRangeStrings;
  userKql?: string;
}) {
  const { navigation } = useServices();
  const { breakdown, histogram } = query;
  return (
    <>
      {breakdown && result.breakdown && (
        <BucketsTable
          caption={`${query.title} by ${breakdown.field}`}
          buckets={result.breakdown}
          keyLabel={
            breakdown.then
              ? `${fieldLabel(breakdown.field)} → ${fieldLabel(breakdown.then)}`
              : fieldLabel(breakdown.field)
          }
          countLabel={query.source === 'all' ? 'Documents' : COUNT_NOUNS[query.source]}
          valueField={breakdown.sum}
          targetFor={(bucket) =>
            queryTarget(
              query.source,
              andKql(result.kql, fieldClause(breakdown.field, breakdownKey(bucket.key))),
              range,
              userKql
            )
          }
        />
      )}
      {histogram && result.points && (
        <TimeseriesChart
          title={query.title}
          points={result.points}
          height={180}
          valueField={histogram.sum}
          fromMs={result.fromMs}
          toMs={result.toMs}
          intervalMs={result.intervalMs}
          formatValue={(value) => formatMetric(value, histogram.sum)}
          onSelect={(point) => {
            const intervalMs = result.intervalMs;
            const bucket = intervalMs ? bucketRange(point.time, intervalMs) : range;
            navigation.openDiscover(queryTarget(query.source, result.kql, bucket, userKql));
          }}
        />
      )}
    </>
  );
}
