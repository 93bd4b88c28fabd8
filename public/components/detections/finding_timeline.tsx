// A finding's evidence over the page's time range, with its first-to-last-seen window shaded.
// No route of its own: the source's overview narrowed to the finding's KQL already answers its
// first time series (flows accepted vs rejected, requests by status code) for exactly those
// documents, so the timeline is that panel.
import React from 'react';
import { EuiLoadingChart, EuiText } from '@elastic/eui';
import type { SourceId } from '../../../common/constants';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { OverviewResponse, Panel } from '../../../common/api_types';
import type { Finding } from '../../../common/detections';
import { useServices } from '../../context/services_context';
import { useAsync } from '../../hooks/use_async';
import type { TimeRangeStrings } from '../../lib/discover_links';
import { TimeseriesChart } from '../timeseries_chart';

/** The overview's first time series: the one a source's page opens with. */
export function timelinePanel(overview: OverviewResponse | undefined): Panel | undefined {
  return overview?.panels.find((panel) => panel.kind === 'timeseries' && panel.points);
}

export function FindingTimeline({
  source,
  finding,
  range,
}: {
  source: SourceId;
  finding: Pick<Finding, 'kql' | 'firstSeen' | 'lastSeen'>;
  range: TimeRangeStrings;
}) {
  const { http } = useServices();
  const overview = useAsync(
    (signal) =>
      http.post<OverviewResponse>(
        `${INTERNAL_API_BASE}/overview/${source}`,
        { from: range.from, to: range.to, kql: finding.kql },
        { signal }
      ),
    [http, source, range.from, range.to, finding.kql]
  );
  const panel = timelinePanel(overview.data);
  if (overview.error) {
    return (
      <EuiText size="s" color="danger" data-test-subj="finding-timeline-error">
        <p>The timeline could not load: {overview.error}</p>
      </EuiText>
    );
  }
  if (!overview.data) return <EuiLoadingChart size="l" data-test-subj="finding-timeline-loading" />;
  if (!panel?.points?.length) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="finding-timeline-empty">
        <p>No documents of this finding in the time range.</p>
      </EuiText>
    );
  }
  const first = Date.parse(finding.firstSeen);
  const last = Date.parse(finding.lastSeen);
  return (
    <div data-test-subj="finding-timeline" data-total={overview.data.total}>
      <TimeseriesChart
        title={panel.title}
        points={panel.points}
        valueField={panel.valueField}
        fromMs={panel.fromMs}
        toMs={panel.toMs}
        intervalMs={panel.intervalMs}
        height={180}
        annotations={[
          {
            id: 'finding',
            fromMs: first,
            // A window of one instant would not show: at least one bucket wide.
            toMs: Math.max(last, first + (panel.intervalMs ?? 0)),
            details: 'First to last seen',
          },
        ]}
      />
      <EuiText size="xs" color="subdued">
        <p>{panel.title}, for this finding&apos;s documents; shaded: first to last seen.</p>
      </EuiText>
    </div>
  );
}
