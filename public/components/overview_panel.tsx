// One overview panel: picks the chart or table for its kind and turns a click on any element
// into a Discover target (the panel's filter, the element's key, the bar's time bucket).
import React, { useState } from 'react';
import {
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { SourceId } from '../../common/constants';
import type { Panel } from '../../common/api_types';
import type { PanelElement, TimeRangeStrings } from '../lib/discover_links';
import { panelElementTarget } from '../lib/discover_links';
import { formatMetric } from '../lib/format';
import { useServices } from '../context/services_context';
import type { DiscoverTarget } from '../services';
import { COUNT_NOUNS, fieldLabel } from '../lib/column_labels';
import { BucketsTable } from './buckets_table';
import { DiscoverLink } from './discover_link';
import { HorizontalBarChart } from './horizontal_bar_chart';
import { PercentilesTable } from './percentiles_table';
import { TimeseriesChart } from './timeseries_chart';

export interface OverviewPanelProps {
  source: SourceId;
  panel: Panel;
  range: TimeRangeStrings;
  userKql?: string;
}

function hasData(panel: Panel): boolean {
  return Boolean(
    panel.points?.some((p) => p.value > 0) || panel.buckets?.length || panel.percentiles?.length
  );
}

export function OverviewPanel({ source, panel, range, userKql }: OverviewPanelProps) {
  const { navigation } = useServices();
  const [selected, setSelected] = useState<DiscoverTarget | undefined>();
  const [asTable, setAsTable] = useState(false);
  const targetFor = (element: PanelElement) =>
    panelElementTarget(source, panel, element, range, userKql);
  const select = (element: PanelElement) => {
    const target = targetFor(element);
    setSelected(target);
    // With a Kibana, a click goes straight to Discover, as in Lens; without one the KQL shows.
    if (navigation.discoverUrl(target)) navigation.openDiscover(target);
  };
  const formatValue = (value: number) => formatMetric(value, panel.valueField);
  const keyLabel = fieldLabel(panel.field);
  const countLabel = COUNT_NOUNS[source];

  let body: React.ReactNode;
  if (!hasData(panel)) {
    body = (
      <EuiText size="s" color="subdued">
        <p>No matching documents in this time range.</p>
      </EuiText>
    );
  } else if (panel.kind === 'timeseries') {
    body = (
      <TimeseriesChart
        title={panel.title}
        points={panel.points ?? []}
        formatValue={formatValue}
        valueField={panel.valueField}
        fromMs={panel.fromMs}
        toMs={panel.toMs}
        intervalMs={panel.intervalMs}
        onSelect={(point) =>
          select({ key: panel.field ? point.series : undefined, time: point.time })
        }
      />
    );
  } else if (panel.kind === 'percentiles') {
    body = (
      <PercentilesTable
        caption={panel.title}
        rows={panel.percentiles ?? []}
        keyLabel={keyLabel}
        countLabel={countLabel}
        targetFor={(row) => targetFor({ key: row.key })}
      />
    );
  } else if (panel.kind === 'bar' && !asTable) {
    body = (
      <HorizontalBarChart
        title={panel.title}
        buckets={panel.buckets ?? []}
        useValue={Boolean(panel.valueField)}
        valueField={panel.valueField}
        formatValue={formatValue}
        onSelect={(bucket) => select({ key: bucket.key })}
      />
    );
  } else {
    body = (
      <BucketsTable
        caption={panel.title}
        buckets={panel.buckets ?? []}
        keyLabel={keyLabel}
        countLabel={countLabel}
        valueField={panel.valueField}
        targetFor={(bucket) => targetFor({ key: bucket.key })}
      />
    );
  }

  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={`panel-${panel.id}`}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="xs">
            <h3>{panel.title}</h3>
          </EuiTitle>
        </EuiFlexItem>
        {panel.kind === 'bar' && hasData(panel) && (
          // Charts are not keyboard reachable; the table view gives every bar a focusable link.
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty
              size="xs"
              iconType={asTable ? 'chartBarHorizontal' : 'table'}
              aria-pressed={asTable}
              onClick={() => setAsTable(!asTable)}
              data-test-subj={`panel-toggle-${panel.id}`}
            >
              {asTable ? 'Show chart' : 'Show table'}
            </EuiButtonEmpty>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {body}
      {selected && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" data-test-subj={`panel-selection-${panel.id}`}>
            <strong>Selected: </strong>
            <DiscoverLink target={selected} />
          </EuiText>
        </>
      )}
    </EuiPanel>
  );
}
