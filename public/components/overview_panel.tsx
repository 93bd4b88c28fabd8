// One overview panel: picks the chart or table for its kind. A click on any element (a bar, a
// slice, a table row's filter button) drills down as a Lens chart on a dashboard does: the page
// is filtered to it (its key joins the query bar's KQL; a time bar narrows the time range), and
// the panel offers the whole query behind the element in Discover (or its KQL to copy).
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
import type { OverviewPanelData } from '../../common/queries/geo';
import type { PanelElement, TimeRangeStrings } from '../lib/discover_links';
import { narrowKql, panelElementFilter, panelElementTarget } from '../lib/discover_links';
import { useQueryState } from '../context/query_state_context';
import { formatMetric } from '../lib/format';
import type { DiscoverTarget } from '../services';
import { COUNT_NOUNS, fieldLabel } from '../lib/column_labels';
import { BucketsTable } from './buckets_table';
import { DiscoverLink } from './discover_link';
import { HorizontalBarChart } from './horizontal_bar_chart';
import { PercentilesTable } from './percentiles_table';
import { spikeAnnotations, spikesOf } from './spikes/spike_links';
import { SpikesSection } from './spikes/spikes_section';
import type { SpikesState } from './spikes/use_spikes';
import type { GeoStatusLine } from './geo_empty_state';
import { GeoEmptyState } from './geo_empty_state';
import { TimeseriesChart } from './timeseries_chart';

export interface OverviewPanelProps {
  source: SourceId;
  /** A geo panel also says why it is empty (no public addresses, no GeoIP database). */
  panel: OverviewPanelData;
  range: TimeRangeStrings;
  userKql?: string;
  /** Time series: the source's spikes, marked on the chart and explained under it. */
  spikes?: SpikesState;
  /** Whether the spikes list goes under this chart (the source's first time series). */
  spikeList?: boolean;
  /** Setup status's geo line, for an empty geo panel. */
  geoStatus?: GeoStatusLine;
}

function hasData(panel: Panel): boolean {
  return Boolean(
    panel.points?.some((p) => p.value > 0) || panel.buckets?.length || panel.percentiles?.length
  );
}

export function OverviewPanel({
  source,
  panel,
  range,
  userKql,
  spikes,
  spikeList = false,
  geoStatus,
}: OverviewPanelProps) {
  const { kql, setKql, setRange } = useQueryState();
  const [selected, setSelected] = useState<DiscoverTarget | undefined>();
  const [spike, setSpike] = useState<string | undefined>();
  const [asTable, setAsTable] = useState(false);
  const targetFor = (element: PanelElement) =>
    panelElementTarget(source, panel, element, range, userKql);
  const select = (element: PanelElement) => {
    setSelected(targetFor(element));
    const filter = panelElementFilter(panel, element);
    if (filter.range) setRange(filter.range);
    if (filter.kql) setKql(narrowKql(kql, filter.kql));
  };
  const formatValue = (value: number) => formatMetric(value, panel.valueField);
  const keyLabel = fieldLabel(panel.field);
  const countLabel = COUNT_NOUNS[source];

  let body: React.ReactNode;
  if (!hasData(panel) && panel.geo?.emptyReason) {
    body = (
      <GeoEmptyState panelId={panel.id} source={source} facts={panel.geo} geoStatus={geoStatus} />
    );
  } else if (!hasData(panel)) {
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
        annotations={spikeAnnotations(spikesOf(spikes?.data, source))}
        onAnnotationClick={setSpike}
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
        onFilter={(row) => select({ key: row.key })}
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
        onFilter={(bucket) => select({ key: bucket.key })}
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
      {panel.kind === 'timeseries' && spikes && (
        <SpikesSection
          source={source}
          state={spikes}
          showList={spikeList}
          selected={spike}
          onSelect={setSpike}
        />
      )}
      {selected && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" data-test-subj={`panel-selection-${panel.id}`}>
            <strong>Filtered to this selection. </strong>
            <DiscoverLink target={selected} label="Open it in Discover" />
          </EuiText>
        </>
      )}
    </EuiPanel>
  );
}
