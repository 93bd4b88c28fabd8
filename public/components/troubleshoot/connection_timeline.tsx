// The pair over time, one chart per direction: accepted (green) and rejected (red) flows per
// bucket, and Transit Gateway records (no action) as seen. A change of colour is when it broke.
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiTitle, EuiSpacer } from '@elastic/eui';
import type { ConnectionTimeline as Timeline } from '../../../common/investigations/connection';
import { TimeseriesChart } from '../timeseries_chart';

export interface ConnectionTimelineProps {
  timeline: Timeline;
  requestTitle: string;
  replyTitle: string;
}

export function ConnectionTimeline({
  timeline,
  requestTitle,
  replyTitle,
}: ConnectionTimelineProps) {
  const charts = [
    { id: 'request', title: requestTitle, points: timeline.request },
    { id: 'reply', title: replyTitle, points: timeline.reply },
  ];
  return (
    <EuiFlexGroup gutterSize="m">
      {charts.map((chart) => (
        <EuiFlexItem key={chart.id} data-test-subj={`connection-timeline-${chart.id}`}>
          <EuiTitle size="xxs">
            <h3>{chart.title}</h3>
          </EuiTitle>
          <EuiSpacer size="xs" />
          <TimeseriesChart
            title={chart.title}
            points={chart.points}
            fromMs={timeline.fromMs}
            toMs={timeline.toMs}
            intervalMs={timeline.intervalMs}
            height={180}
          />
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
